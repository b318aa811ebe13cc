using System;
using System.Buffers;
using System.Collections.Generic;

namespace GovInfoReports.Extraction;

/// <summary>Finds the report year and the agency name: in the title, else the year most named before the tables.</summary>
internal static class ReportMetadata
{
    private const int MaxTitleLines = 6;

    public static void Find(string text, out int? year, out string? agency)
    {
        year = null;
        agency = null;
        var lines = new List<string>();
        int position = 0;
        bool inTitle = true;
        string title = "";
        // Per year 2000–2099 (the only years read): how often it is named, and when first (0 = not yet).
        Span<int> counts = stackalloc int[100];
        Span<int> first = stackalloc int[100];
        int order = 0;
        while (position < text.Length)
        {
            int end = text.AsSpan(position).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : position + end;
            var line = text.AsSpan(position, end - position);
            position = end + 1;
            if (line.Trim().Length == 0)
                continue;
            var scan = line.Length > 400 ? line.Slice(0, 400) : line;
            if (!inTitle && !NeedsWholeKey(scan))
            {
                // Past the title only years and the end markers matter, and a line is not normalised as a whole (most
                // of the text before the tables): only a short stretch before each 条 (for 第二十条), the start of a
                // line holding 容 (for 信息内容) and a short stretch before each 年.
                if (EndsHere(scan))
                    break;
                for (int at = scan.IndexOf('年'); at >= 0;)
                {
                    if (YearBefore(scan, at) is var found && found > 0)
                        Count(counts, first, ref order, found);
                    int next = scan.Slice(at + 1).IndexOf('年');
                    at = next < 0 ? -1 : at + 1 + next;
                }

                continue;
            }

            // The key in a per-thread buffer: only title lines become strings.
            var key = ReportText.KeySpan(scan);
            if (key.Length == 0)
                continue;
            if (key.IndexOf("第二十条".AsSpan()) >= 0 || key.StartsWith("信息内容".AsSpan()))
                break;
            if (inTitle && IsPageChrome(key))
            {
                // A web page's breadcrumb (首页 > 政务公开 > 年度报告) is no part of the title.
            }
            else if (inTitle)
            {
                string titleLine = key.ToString();
                string number = LabelForms.SplitNumber(titleLine, out _);
                if (number.Length > 0 || titleLine.Length > 60 || titleLine.IndexOf('。') >= 0 || lines.Count >= MaxTitleLines)
                    inTitle = false;
                else
                {
                    lines.Add(titleLine);
                    title += titleLine;
                    if (title.Contains("年度报告"))
                        inTitle = false;
                }
            }

            for (int at = 0; NextYear(key, ref at) is var found && found > 0;)
                Count(counts, first, ref order, found);
        }

        static void Count(Span<int> counts, Span<int> first, ref int order, int found)
        {
            int y = found - 2000;
            if (counts[y]++ == 0)
                first[y] = ++order;
        }

        if (title.Contains("报告") || title.Contains("信息公开"))
        {
            // Text above a title line that names the agency itself (a page's column name, 栏目导航) is no part of it.
            if (lines.Count > 1 && TitleParts(lines[lines.Count - 1], out _) is { Length: >= 2 })
                title = lines[lines.Count - 1];
            agency = TitleParts(title, out year) is { Length: >= 2 } name ? name : null;
        }

        if (year is null)
        {
            // The year named most often; of those, the first named.
            int best = -1;
            for (int y = 0; y < counts.Length; y++)
            {
                if (counts[y] > 0 && (best < 0 || counts[y] > counts[best] || (counts[y] == counts[best] && first[y] < first[best])))
                    best = y;
            }

            if (best >= 0)
                year = 2000 + best;
        }
    }

    /// <summary>The agency part of a title (before its year and 政府信息公开…), and the title's year.</summary>
    private static string TitleParts(string title, out int? year)
    {
        year = null;
        int yearAt = 0;
        int found = NextYear(title.AsSpan(), ref yearAt);
        int cut = title.Length;
        if (found > 0)
        {
            year = found;
            cut = yearAt - 5;
        }

        foreach (string stop in new[] { "政府信息公开", "信息公开", "年度报告", "工作年度" })
        {
            int at = title.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
                cut = at;
        }

        string name = title.Substring(0, cut);
        return name.StartsWith("关于", StringComparison.Ordinal) ? name.Substring(2) : name;
    }

    // Compatibility ideographs (U+F900–U+FAFF, e.g. U+F98E for 年) and surrogates (the supplement's) become
    // other characters under NFKC: a line holding any of them is keyed as a whole.
    private static bool NeedsWholeKey(ReadOnlySpan<char> line) =>
        line.IndexOfAnyInRange('\uF900', '\uFAFF') >= 0 || line.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static readonly SearchValues<char> Tiao = SearchValues.Create("条條");

    /// <summary>Whether the key of <paramref name="line"/> holds 第二十条 or starts with 信息内容 (the tables have begun).</summary>
    private static bool EndsHere(ReadOnlySpan<char> line)
    {
        for (int at = line.IndexOfAny(Tiao); at >= 0;)
        {
            int from = Math.Max(0, at - 40);
            var window = line.Slice(from, at + 1 - from);
            // 条 as a measure word (主动公开信息 12 条) or in 条例 has no 十 before it: only a window with one is normalised,
            // and not when an ideograph other than 十 comes right before the 条 (it would stay in the key).
            if (window.IndexOf('十') >= 0 && (at == 0 || !ChineseScript.IsIdeograph(line[at - 1]) || ChineseScript.ToSimplified(line[at - 1]) == '十')
                && ReportText.KeySpan(window).EndsWith("第二十条".AsSpan()))
                return true;
            int next = line.Slice(at + 1).IndexOfAny(Tiao);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return line.IndexOf('容') >= 0 && MayStartWithXin(line) && ReportText.KeySpan(line.Length > 64 ? line.Slice(0, 64) : line).StartsWith("信息内容".AsSpan());
    }

    /// <summary>
    /// Whether the key of <paramref name="line"/> may start with 信: false when its first visible character is another
    /// ideograph or an ASCII character that stays in the key.
    /// </summary>
    private static bool MayStartWithXin(ReadOnlySpan<char> line)
    {
        foreach (char c in line)
        {
            if (char.IsWhiteSpace(c))
                continue;
            if (ChineseScript.IsIdeograph(c))
                return ChineseScript.ToSimplified(c) == '信';
            // Quotes, emphasis and the start of an artefact or &nbsp; are dropped from keys, other ASCII characters (full
            // width included: （一）) stay; other characters are keyed to find out.
            char folded = ReportText.Fold(c);
            return folded >= 0x80 || folded is '"' or '\'' or '*' or '#' or '`' or '[' or '&';
        }

        return false;
    }

    private static bool IsDigitOrSpace(char c) => IsDigit(ReportText.Fold(c)) || char.IsWhiteSpace(c);

    /// <summary>The year (2000–2099) written right before the 年 at <paramref name="at"/>, as its key reads, or 0.</summary>
    private static int YearBefore(ReadOnlySpan<char> line, int at)
    {
        // The usual 2020年: plain digits, nothing to normalise; else the stretch before it is keyed.
        if (PlainYearBefore(line, at) is var plain && plain > 0)
            return plain;
        // Most 年 of a report follow an ideograph (本年, 上年, 全年): an ideograph stays in the key, so no year ends there.
        if (at == 0 || ChineseScript.IsIdeograph(line[at - 1]))
            return 0;
        int from = Math.Max(0, at - 32);
        for (int back = 0; from > 0 && back < 64 && IsDigitOrSpace(line[from - 1]); back++)
            from--;
        return YearAtEnd(ReportText.KeySpan(line.Slice(from, at + 1 - from)));
    }

    /// <summary>
    /// The year printed as four plain ASCII digits 20dd right before the 年 at <paramref name="at"/>, or after them
    /// only spaces (<c>2020 年</c>, common in PDF text), and not after a fifth digit of any width, or 0: then the stretch
    /// before it is normalised (spaced or full-width digits…).
    /// </summary>
    private static int PlainYearBefore(ReadOnlySpan<char> line, int at)
    {
        // Spaces are dropped from keys, so "2020 年" keys as "2020年".
        int end = at;
        while (end > 0 && line[end - 1] is ' ' or '\u3000' or '\u00A0')
            end--;
        if (end < 4 || line[end - 4] != '2' || line[end - 3] != '0' || !IsDigit(line[end - 2]) || !IsDigit(line[end - 1]))
            return 0;
        // Before the digits: no fifth digit of any width, also not across spaces (3 2020 年 keys as 32020年).
        int before = end - 4;
        while (before > 0 && line[before - 1] is ' ' or '\u3000' or '\u00A0')
            before--;
        if (before > 0 && IsDigitOrSpace(line[before - 1]))
            return 0;
        return 2000 + (line[end - 2] - '0') * 10 + (line[end - 1] - '0');
    }

    /// <summary>The year (2000–2099) that <paramref name="key"/> ends with (<c>…2020年</c>, not after a fifth digit), or 0.</summary>
    private static int YearAtEnd(ReadOnlySpan<char> key)
    {
        if (key.Length < 5)
            return 0;
        int at = key.Length - 5;
        if (at > 0 && IsDigit(key[at - 1]))
            return 0;
        int end = 0;
        return NextYear(key.Slice(at), ref end) is var year && end == 5 ? year : 0;
    }

    private static bool IsPageChrome(ReadOnlySpan<char> key) =>
        key.IndexOfAny('>', '›', '»') >= 0 || key.IndexOf("首页".AsSpan()) >= 0 || key.IndexOf("当前位置".AsSpan()) >= 0 || key.IndexOf("您的位置".AsSpan()) >= 0;

    /// <summary>
    /// The next four-digit year (2000–2099) followed by 年 at or after <paramref name="at"/>, or 0 when there is none;
    /// <paramref name="at"/> is then just past its 年 (the year starts 5 characters before).
    /// </summary>
    private static int NextYear(ReadOnlySpan<char> key, ref int at)
    {
        for (int i = at; i + 4 < key.Length; i++)
        {
            if (key[i] != '2' || key[i + 1] != '0' || !IsDigit(key[i + 2]) || !IsDigit(key[i + 3]) || key[i + 4] != '年')
                continue;
            if (i > 0 && IsDigit(key[i - 1]))
                continue;
            at = i + 5;
            return 2000 + (key[i + 2] - '0') * 10 + (key[i + 3] - '0');
        }

        at = key.Length;
        return 0;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
