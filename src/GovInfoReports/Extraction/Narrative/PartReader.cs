using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>Where a report's text has one of its template's required parts, and whether anything stands under it.</summary>
/// <param name="Part">The part.</param>
/// <param name="Position">Where its heading is (line and column from 1).</param>
/// <param name="IsEmpty">Whether nothing stands between the heading and the next numbered heading (or the end).</param>
public sealed record PartLocation(ReportPart Part, SourcePosition Position, bool IsEmpty);

/// <summary>
/// Finds the template's required parts in a report's text: a numbered heading line (<c>五、</c>, <c>5.</c>, markdown
/// <c>#</c>s before it) whose text, by its label key (spaces, script and pinyin aside), holds the part's heading or an
/// alias — whatever its number, since reports renumber their parts. Only numbered lines are keyed, a few a report.
/// </summary>
internal static class PartReader
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportTemplate, (ReportPart Part, string Key)[]> Keys = new();

    /// <summary>Each part's heading and aliases by their label keys, made once per template.</summary>
    private static (ReportPart Part, string Key)[] KeysOf(ReportTemplate template)
    {
        var keys = new List<(ReportPart Part, string Key)>();
        foreach (var part in template.Parts)
        {
            keys.Add((part, ReportText.LabelKey(part.Heading)));
            foreach (var alias in part.Aliases)
                keys.Add((part, ReportText.LabelKey(alias)));
        }

        return keys.ToArray();
    }

    public static IReadOnlyList<PartLocation> Find(string text, ReportTemplate template)
    {
        if (template.Parts.Count == 0 || text.Length == 0)
            return Array.Empty<PartLocation>();
        var keys = Keys.GetValue(template, KeysOf);

        // The numbered heading lines, by where they start and end in the text, with the part each names (or none).
        List<(int Start, int End, int Column, ReportPart? Part)>? headings = null;
        for (int start = 0; start <= text.Length;)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (NumberedHeading(text, start, end, out int column, out int rest))
            {
                ReportPart? found = null;
                if (end - rest <= 60)
                {
                    string key = ReportText.LabelKey(text.Substring(rest, end - rest));
                    foreach (var (part, partKey) in keys)
                        if (partKey.Length > 0 && key.Contains(partKey, StringComparison.Ordinal))
                        {
                            found = part;
                            break;
                        }
                }

                headings ??= new List<(int, int, int, ReportPart?)>();
                headings.Add((start, end, column, found));
            }

            start = end + 1;
        }

        if (headings is null)
            return Array.Empty<PartLocation>();
        var located = new List<PartLocation>();
        for (int h = 0; h < headings.Count; h++)
        {
            if (headings[h].Part is not { } part || located.Exists(l => ReferenceEquals(l.Part, part)))
                continue;
            // Empty: no letter or digit between the heading's line and the next numbered heading (or the end).
            int next = h + 1 < headings.Count ? headings[h + 1].Start : text.Length;
            bool empty = true;
            for (int i = headings[h].End; i < next && empty; i++)
                empty = !char.IsLetterOrDigit(text[i]);
            located.Add(new PartLocation(part, NarrativeReader.Position(text, headings[h].Column), empty));
        }

        return located;
    }

    /// <summary>Whether the line starts (after spaces and markdown's <c>#</c> and <c>*</c>) with a number and 、 . ．: where the number starts and its text after the mark.</summary>
    private static bool NumberedHeading(string text, int start, int end, out int column, out int rest)
    {
        int i = start;
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] is '#' or '*'))
            i++;
        column = i;
        rest = i;
        int digits = i;
        while (i < end && (ChineseNumerals.IsNumeral(text[i]) || char.IsAsciiDigit(text[i])))
            i++;
        if (i == digits || i - digits > 3 || i >= end || text[i] is not ('、' or '.' or '．' or '，'))
            return false;
        rest = i + 1;
        return true;
    }
}
