using System.Collections.Generic;
using System.Linq;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// Year-to-year continuity across the files of a run: reports are grouped by agency, each report is checked
/// against the same agency's report of the year before (the templates' cross-year rules, such as X1), and the
/// years missing between an agency's first and last report are listed.
/// </summary>
internal static class CrossYear
{
    /// <summary>Adds the cross-year findings to the later report's result; returns the agency/year pairs missing.</summary>
    public static CrossYearOutcome Check(IReadOnlyList<FileResult> results, FileAnalyzer analyzer)
    {
        var missing = new List<(string Agency, int Year)>();
        int pairs = 0;
        var groups = results
            .Where(r => r.Report is not null && r.Agency is not null && r.Year is not null)
            .GroupBy(r => r.Agency!.Trim())
            .OrderBy(g => g.Key, System.StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var byYear = group.GroupBy(r => r.Year!.Value).OrderBy(g => g.Key).ToList();
            for (int i = 1; i < byYear.Count; i++)
            {
                int year = byYear[i].Key;
                for (int gap = byYear[i - 1].Key + 1; gap < year; gap++)
                    missing.Add((group.Key, gap));
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
                    }
                }
            }
        }

        return new CrossYearOutcome(pairs, missing);
    }
}

/// <summary>What the cross-year check did.</summary>
/// <param name="Pairs">The (report, previous year's report) pairs checked.</param>
/// <param name="Missing">The agency/year pairs missing between an agency's first and last report.</param>
internal sealed record CrossYearOutcome(int Pairs, IReadOnlyList<(string Agency, int Year)> Missing);
