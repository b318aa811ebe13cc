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
/// Finds the template's required parts in a report's text: a numbered heading line (<c>五、</c>, <c>六．</c>, markdown
/// <c>#</c>s before it) whose text, by its label key (spaces, script and pinyin aside), holds the part's heading or an
/// alias — whatever its number, since reports renumber their parts. Only numbered lines are keyed, a few a report.
/// </summary>
internal static class PartReader
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportTemplate, (ReportPart Part, string Key)[]> Keys = new();

    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("、.．");

    private static readonly System.Buffers.SearchValues<char> CellMarks = System.Buffers.SearchValues.Create("\t|0123456789");

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

        // The numbered heading lines, by where they start and end in the text, with the part each names (or none): found
        // from the marks after their numbers (、 . ．), a vectorised search, instead of line by line.
        List<(int Start, int End, int Column, ReportPart? Part)>? headings = null;
        for (int mark = text.AsSpan().IndexOfAny(Marks); mark >= 0;)
        {
            if (HeadingAt(text, mark, out int lineStart, out int column))
            {
                int end = text.IndexOf('\n', mark);
                if (end < 0)
                    end = text.Length;
                int rest = mark + 1;
                ReportPart? found = null;

                // A heading is short and holds no table cells (a row label with its numbers: tabs, pipes, digits).
                if (end - rest <= 60 && text.AsSpan(rest, end - rest).IndexOfAny(CellMarks) < 0)
                {
                    var key = ReportText.KeySpan(text.AsSpan(rest, end - rest));   // in the thread's buffer: nothing allocated
                    foreach (var (part, partKey) in keys)
                        if (partKey.Length > 0 && key.IndexOf(partKey.AsSpan(), StringComparison.Ordinal) >= 0)
                        {
                            found = part;
                            break;
                        }
                }

                headings ??= new List<(int, int, int, ReportPart?)>();
                headings.Add((lineStart, end, column, found));
            }

            int next = text.AsSpan(mark + 1).IndexOfAny(Marks);
            mark = next < 0 ? -1 : mark + 1 + next;
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

    /// <summary>
    /// Whether the mark at <paramref name="mark"/> follows a Chinese numeral (of one to three characters) that starts its
    /// line, after spaces and markdown's <c>#</c> and <c>*</c>: where the line and the number start.
    /// </summary>
    private static bool HeadingAt(string text, int mark, out int lineStart, out int column)
    {
        int i = mark;
        while (i > 0 && mark - i < 3 && ChineseNumerals.IsNumeral(text[i - 1]))
            i--;
        column = i;
        lineStart = i;
        if (i == mark || (i > 0 && ChineseNumerals.IsNumeral(text[i - 1])))
            return false;
        while (i > 0 && text[i - 1] != '\n' && (char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '#' or '*'))
            i--;
        lineStart = i;
        return i == 0 || text[i - 1] == '\n';
    }
}
