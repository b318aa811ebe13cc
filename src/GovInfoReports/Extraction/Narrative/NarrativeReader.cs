using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>A number the report's prose states for a narrative fact (<c>收到政府信息公开申请17件</c>), with where it stands.</summary>
/// <param name="Fact">The template's narrative fact the phrase belongs to.</param>
/// <param name="Value">The number stated (Arabic digits, with or without thousands separators, or Chinese numerals).</param>
/// <param name="Position">Where the number stands in the text (line and column from 1).</param>
/// <param name="Text">The phrase as printed, number included.</param>
public sealed record NarrativeStatement(NarrativeFact Fact, decimal Value, SourcePosition Position, string Text);

/// <summary>
/// Finds the template's narrative phrases in a report's text: a number that the text puts right after a phrase's
/// prefix and right before its suffix (spaces ignored), for every phrase of every fact. One pass over the text finds
/// the numbers followed by the first character of some suffix (件 for the official templates); only those are compared
/// with the phrases, so the numbers of the tables (followed by separators) cost nothing.
/// </summary>
internal static class NarrativeReader
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportTemplate, Phrases> Plans = new();

    private sealed record Phrases((NarrativeFact Fact, string Prefix, string Suffix)[] List, System.Buffers.SearchValues<char> SuffixStarts, bool AnySuffix)
    {
        public void Deconstruct(out (NarrativeFact Fact, string Prefix, string Suffix)[] list, out System.Buffers.SearchValues<char> starts, out bool anySuffix) =>
            (list, starts, anySuffix) = (List, SuffixStarts, AnySuffix);
    }

    /// <summary>A template's phrases split at <c>{n}</c>, and the characters a suffix may start with (any number, when one is empty). Made once per template.</summary>
    private static Phrases Plan(ReportTemplate template)
    {
        var phrases = new List<(NarrativeFact Fact, string Prefix, string Suffix)>();
        var suffixStarts = new HashSet<char>();
        bool anySuffix = false;
        foreach (var fact in template.Narrative)
            foreach (var phrase in fact.Phrases)
            {
                int at = phrase.IndexOf("{n}", StringComparison.Ordinal);
                string prefix = RemoveSpaces(phrase.Substring(0, at)), suffix = RemoveSpaces(phrase.Substring(at + 3));
                phrases.Add((fact, prefix, suffix));
                if (suffix.Length == 0)
                    anySuffix = true;
                else
                    suffixStarts.Add(suffix[0]);
            }

        return new Phrases(phrases.ToArray(), System.Buffers.SearchValues.Create(string.Concat(suffixStarts)), anySuffix);
    }

    public static IReadOnlyList<NarrativeStatement> Find(string text, ReportTemplate template)
    {
        var facts = template.Narrative;
        if (facts.Count == 0 || text.Length == 0)
            return Array.Empty<NarrativeStatement>();

        var (phrases, starts, anySuffix) = Plans.GetValue(template, Plan);
        List<NarrativeStatement>? found = null;
        void Try(int start, int end, bool digit)
        {
            foreach (var (fact, prefix, suffix) in phrases)
            {
                if (!EndsWith(text, start, prefix, out int phraseStart) || !StartsWith(text, end, suffix, out int phraseEnd))
                    continue;
                decimal? value = digit ? ParseDigits(text, start, end) : ChineseNumerals.Parse(text, start, end);
                if (value is null)
                    continue;
                found ??= new List<NarrativeStatement>();
                found.Add(new NarrativeStatement(fact, value.Value, Position(text, start), text.Substring(phraseStart, phraseEnd - phraseStart)));
                return;
            }
        }

        if (!anySuffix)
        {
            // From each character a suffix starts with (件) back over spaces to the number before it: a few places a
            // report, found by a vectorised search, instead of every number of the tables.
            for (int k = text.AsSpan().IndexOfAny(starts); k >= 0;)
            {
                int end = k;
                while (end > 0 && IsSpace(text[end - 1]))
                    end--;
                int start = end;
                bool digit = start > 0 && IsDigit(text[start - 1]);
                if (digit)
                {
                    while (start > 0 && (IsDigit(text[start - 1]) || (text[start - 1] is ',' or '，' or '.' && start > 1 && IsDigit(text[start - 2]))))
                        start--;
                }
                else
                {
                    while (start > 0 && ChineseNumerals.IsNumeral(text[start - 1]))
                        start--;
                }

                if (start < end)
                    Try(start, end, digit);
                int next = text.AsSpan(k + 1).IndexOfAny(starts);
                k = next < 0 ? -1 : k + 1 + next;
            }

            return found is null ? Array.Empty<NarrativeStatement>() : found;
        }

        // A phrase with nothing after its number: every number of the text is a candidate.
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            bool digit = IsDigit(c), chinese = !digit && ChineseNumerals.IsNumeral(c);
            if (!digit && !chinese)
            {
                i++;
                continue;
            }

            int start = i;
            if (digit)
                while (i < text.Length && (IsDigit(text[i]) || (text[i] is ',' or '，' or '.' && i + 1 < text.Length && IsDigit(text[i + 1]))))
                    i++;
            else
                while (i < text.Length && ChineseNumerals.IsNumeral(text[i]))
                    i++;
            Try(start, i, digit);
        }

        return found is null ? Array.Empty<NarrativeStatement>() : found;
    }

    internal static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && IsSpace(text[i]))
            i++;
        return i;
    }

    private static string RemoveSpaces(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
            if (!IsSpace(c))
                chars.Append(c);
        return chars.ToString();
    }

    /// <summary>Whether the text before <paramref name="end"/> ends with <paramref name="prefix"/>, spaces in the text ignored.</summary>
    private static bool EndsWith(string text, int end, string prefix, out int start)
    {
        int i = end;
        for (int p = prefix.Length - 1; p >= 0; p--)
        {
            while (i > 0 && IsSpace(text[i - 1]))
                i--;
            if (i == 0 || text[i - 1] != prefix[p])
            {
                start = -1;
                return false;
            }

            i--;
        }

        start = i;
        return true;
    }

    /// <summary>Whether the text from <paramref name="start"/> starts with <paramref name="suffix"/>, spaces in the text ignored.</summary>
    private static bool StartsWith(string text, int start, string suffix, out int end)
    {
        int i = start;
        foreach (char s in suffix)
        {
            i = SkipSpaces(text, i);
            if (i >= text.Length || text[i] != s)
            {
                end = -1;
                return false;
            }

            i++;
        }

        end = i;
        return true;
    }

    internal static decimal? ParseDigits(string text, int start, int end)
    {
        var digits = new System.Text.StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is >= '０' and <= '９')
                digits.Append((char)('0' + (c - '０')));
            else if (c is not (',' or '，'))
                digits.Append(c);
        }

        return decimal.TryParse(digits.ToString(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The line (from 1) and column (from 1) of <paramref name="index"/>: newlines counted by a vectorised search, nothing allocated.</summary>
    internal static SourcePosition Position(string text, int index)
    {
        var before = text.AsSpan(0, index);
        int line = before.Count('\n');
        int lineStart = before.LastIndexOf('\n') + 1;
        return new SourcePosition(line + 1, index - lineStart + 1);
    }
}
