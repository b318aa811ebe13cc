using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GovInfoReports.Extraction;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// Year-to-year checks across the files of a run. Reports are grouped by agency — by the name's key (spaces, full and
/// half width, Traditional and Simplified script aside), never by a guess: names one character apart (沭阳/沐阳, an OCR
/// confusion or two agencies) stay apart and are listed as such. Within an agency's series, each report is checked
/// against the report of the year before by the templates' cross-year rules (X1, X2, matched by id path, so a 2020
/// report of the 2019 format and a 2021 report go together), its prose is compared with last year's (a finding when the
/// texts are alike: 内容雷同), and the years missing between the first and last report are listed. Linear in the run:
/// only consecutive years of one agency are compared.
/// </summary>
internal static class CrossYear
{
    /// <summary>The rule id of a text reused from last year's report.</summary>
    public const string ReuseRule = "T1";

    /// <summary>Characters a shingle spans.</summary>
    private const int Shingle = 5;

    /// <summary>Adds the cross-year findings to the later report's result; returns the grouping, the pairs checked and the years missing.</summary>
    public static CrossYearOutcome Check(IReadOnlyList<FileResult> results, FileAnalyzer analyzer, double reuseThreshold = 0.8)
    {
        var missing = new List<(string Agency, int Year)>();
        var groups = new List<AgencySeries>();
        int pairs = 0;
        var byKey = results
            .Where(r => r.Report is not null && r.Agency is not null && r.Year is not null)
            .GroupBy(r => AgencyKey(r.Agency!))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byKey)
        {
            var spellings = group.GroupBy(r => r.Agency!.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            string name = spellings[0];
            var byYear = group.GroupBy(r => r.Year!.Value).OrderBy(g => g.Key).ToList();
            groups.Add(new AgencySeries(name, group.Key, byYear.Select(g => g.Key).ToList(), spellings));
            for (int i = 1; i < byYear.Count; i++)
            {
                int year = byYear[i].Key;
                for (int gap = byYear[i - 1].Key + 1; gap < year; gap++)
                    missing.Add((name, gap));
                if (byYear[i - 1].Key != year - 1)
                    continue;
                foreach (var current in byYear[i])
                {
                    foreach (var previous in byYear[i - 1])
                    {
                        pairs++;
                        var options = new ValidationOptions
                        {
                            Language = analyzer.Language,
                            Statuses = current.Statuses,
                            PreviousStatuses = previous.Statuses,
                        };
                        foreach (var finding in ReportValidator.ValidateCrossYear(current.Report!, previous.Report!, options))
                            analyzer.Add(current, FileAnalyzer.FromValidation(finding, current, current.Positions!));
                        if (current.Prose is { Length: > 0 } prose && previous.Prose is { Length: > 0 } before
                            && Reuse(prose, before) is { } reuse && reuse.Similarity >= reuseThreshold)
                            analyzer.Add(current, ReuseFinding(current, previous, reuse, analyzer.Language));
                    }
                }
            }
        }

        // Names one character apart are not merged: they are shown, for a person to decide.
        var apart = new List<(string A, string B)>();
        var byLength = groups.GroupBy(g => g.Key.Length);
        foreach (var length in byLength)
        {
            var list = length.ToList();
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                    if (OneApart(list[a].Key, list[b].Key))
                        apart.Add((list[a].Name, list[b].Name));
        }

        return new CrossYearOutcome(pairs, missing, groups, apart);
    }

    /// <summary>The key agencies are grouped by: the name's label key (spaces, width, script and quotation marks aside).</summary>
    public static string AgencyKey(string agency) => ReportText.LabelKey(agency.Trim());

    private static bool OneApart(string a, string b)
    {
        int differences = 0;
        for (int i = 0; i < a.Length && differences < 2; i++)
            if (a[i] != b[i])
                differences++;
        return differences == 1;
    }

    /// <summary>How alike two texts are: the Jaccard similarity of their sets of 5-character shingles (spaces removed), and their longest shared passage.</summary>
    internal static TextReuse? Reuse(string current, string previous)
    {
        string a = Compact(current), b = Compact(previous);
        if (a.Length < Shingle || b.Length < Shingle)
            return null;
        var before = new HashSet<ulong>();
        for (int i = 0; i + Shingle <= b.Length; i++)
            before.Add(Hash(b, i));
        var now = new HashSet<ulong>();
        int run = 0, bestRun = 0, bestEnd = -1;
        for (int i = 0; i + Shingle <= a.Length; i++)
        {
            ulong hash = Hash(a, i);
            now.Add(hash);
            run = before.Contains(hash) ? run + 1 : 0;
            if (run > bestRun)
            {
                bestRun = run;
                bestEnd = i;
            }
        }

        int shared = now.Count(before.Contains);
        double similarity = (double)shared / (now.Count + before.Count - shared);
        string passage = bestRun == 0 ? "" : a.Substring(bestEnd - bestRun + 1, bestRun + Shingle - 1);
        return new TextReuse(similarity, passage);
    }

    private static string Compact(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
            if (!char.IsWhiteSpace(c))
                chars.Append(c);
        return chars.ToString();
    }

    /// <summary>FNV-1a over the shingle's characters: the same in every run (string hashes are randomised per process).</summary>
    private static ulong Hash(string text, int start)
    {
        ulong hash = 14695981039346656037;
        for (int i = start; i < start + Shingle; i++)
        {
            hash ^= text[i];
            hash *= 1099511628211;
        }

        return hash;
    }

    private static ToolFinding ReuseFinding(FileResult current, FileResult previous, TextReuse reuse, MessageLanguage language)
    {
        string percent = reuse.Similarity.ToString("P0", CultureInfo.InvariantCulture);
        string passage = reuse.Passage.Length > 40 ? reuse.Passage[..40] + "…" : reuse.Passage;
        string message = Text.Of(language,
            $"正文与 {previous.Year} 年度报告（{previous.File}）相似度 {percent}（内容雷同）；最长相同段落 {reuse.Passage.Length} 字：“{passage}”。",
            $"The text is {percent} alike with the {previous.Year} report ({previous.File}); the longest shared passage has {reuse.Passage.Length} characters: \"{passage}\".");
        return new ToolFinding(ReuseRule, Severity.Info, FindingSource.Report, message, Array.Empty<string>(), null,
            ToolFinding.Compute(ReuseRule, current.Template, current.Agency, current.File, current.Year, Array.Empty<string>(), previous.Year?.ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>How alike a report's prose is to last year's: the Jaccard similarity of their shingles and the longest shared passage.</summary>
internal sealed record TextReuse(double Similarity, string Passage);

/// <summary>One agency's reports: its name (the most frequent spelling), its key, its years and every spelling grouped under it.</summary>
internal sealed record AgencySeries(string Name, string Key, IReadOnlyList<int> Years, IReadOnlyList<string> Spellings);

/// <summary>What the cross-year check did.</summary>
/// <param name="Pairs">The (report, previous year's report) pairs checked.</param>
/// <param name="Missing">The agency/year pairs missing between an agency's first and last report.</param>
/// <param name="Groups">The agencies, with their years and spellings.</param>
/// <param name="Apart">Names one character apart that were not merged.</param>
internal sealed record CrossYearOutcome(int Pairs, IReadOnlyList<(string Agency, int Year)> Missing, IReadOnlyList<AgencySeries> Groups, IReadOnlyList<(string A, string B)> Apart);
