using System;
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
        var counts = new Dictionary<int, int>();
        var first = new Dictionary<int, int>();
        int order = 0;
        while (position < text.Length)
        {
            int end = position;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
                end++;
            var line = text.AsSpan(position, end - position);
            position = end + 1;
            if (line.Trim().Length == 0)
                continue;
            string key = ReportText.Key(line.Length > 400 ? line.Slice(0, 400) : line);
            if (key.Length == 0)
                continue;
            if (key.Contains("第二十条") || key.StartsWith("信息内容", StringComparison.Ordinal))
                break;
            if (inTitle && IsPageChrome(key))
            {
                // A web page's breadcrumb (首页 > 政务公开 > 年度报告) is no part of the title.
            }
            else if (inTitle)
            {
                string number = LabelForms.SplitNumber(key, out _);
                if (number.Length > 0 || key.Length > 60 || key.IndexOf('。') >= 0 || lines.Count >= MaxTitleLines)
                    inTitle = false;
                else
                {
                    lines.Add(key);
                    title += key;
                    if (title.Contains("年度报告"))
                        inTitle = false;
                }
            }

            foreach (int found in Years(key))
            {
                counts[found] = counts.TryGetValue(found, out int n) ? n + 1 : 1;
                if (!first.ContainsKey(found))
                    first[found] = order++;
            }
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
            int best = 0;
            foreach (var pair in counts)
            {
                if (year is null || pair.Value > best || (pair.Value == best && first[pair.Key] < first[year.Value]))
                {
                    year = pair.Key;
                    best = pair.Value;
                }
            }
        }
    }

    /// <summary>The agency part of a title (before its year and 政府信息公开…), and the title's year.</summary>
    private static string TitleParts(string title, out int? year)
    {
        year = null;
        int yearAt = -1;
        foreach (int found in Years(title, at => yearAt = yearAt < 0 ? at : yearAt))
        {
            year = found;
            break;
        }

        int cut = title.Length;
        if (yearAt >= 0)
            cut = yearAt;
        foreach (string stop in new[] { "政府信息公开", "信息公开", "年度报告", "工作年度" })
        {
            int at = title.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
                cut = at;
        }

        string name = title.Substring(0, cut);
        return name.StartsWith("关于", StringComparison.Ordinal) ? name.Substring(2) : name;
    }

    private static bool IsPageChrome(string key) =>
        key.IndexOf('>') >= 0 || key.IndexOf('›') >= 0 || key.IndexOf('»') >= 0 || key.Contains("首页") || key.Contains("当前位置") || key.Contains("您的位置");

    /// <summary>Four-digit years (2000–2099) followed by 年, in order.</summary>
    private static IEnumerable<int> Years(string key, Action<int>? at = null)
    {
        for (int i = 0; i + 4 < key.Length; i++)
        {
            if (key[i] != '2' || key[i + 1] != '0' || !IsDigit(key[i + 2]) || !IsDigit(key[i + 3]) || key[i + 4] != '年')
                continue;
            if (i > 0 && IsDigit(key[i - 1]))
                continue;
            at?.Invoke(i);
            yield return 2000 + (key[i + 2] - '0') * 10 + (key[i + 3] - '0');
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
