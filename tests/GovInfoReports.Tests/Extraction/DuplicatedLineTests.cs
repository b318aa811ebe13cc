using System;
using System.Linq;
using System.Text.RegularExpressions;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>A line printed twice (a copy-paste slip, a converter's repeat) adds one number to a row: it must never move the row's other values.</summary>
public class DuplicatedLineTests
{
    private static readonly Regex Number = new(@"^\s*[+\-减增]?[0-9][0-9,.]*[^\s|]*\s*\|?\s*$");

    [Theory]
    [MemberData(nameof(SampleExtractionTests.Samples), MemberType = typeof(SampleExtractionTests))]
    public void A_number_printed_twice_leaves_each_cell_as_read_or_missing_never_shifted(string name)
    {
        var lines = SampleExtractionTests.Text(name).Replace("\r\n", "\n").Split('\n');
        var original = ReportReader.Read(string.Join("\n", lines));
        int duplicated = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            // Each tab-separated cell that holds a number, printed twice (for one-value lines: the line printed twice).
            var cells = lines[i].Split('\t');
            for (int c = 0; c < cells.Length; c++)
            {
                if (!Number.IsMatch(cells[c]))
                    continue;
                duplicated++;
                var mutated = (string[])lines.Clone();
                mutated[i] = cells.Length == 1 || cells.Take(c).All(string.IsNullOrWhiteSpace)
                    ? lines[i] + "\n" + lines[i]
                    : string.Join("\t", cells.Take(c + 1).Append(cells[c]).Concat(cells.Skip(c + 1)));
                AssertNothingShifted(original, ReportReader.Read(string.Join("\n", mutated)), $"line {i + 1}, cell {c + 1} printed twice");
            }
        }

        Assert.True(duplicated > 20, $"{duplicated} numbers");
    }

    private static void AssertNothingShifted(ReadResult original, ReadResult result, string what)
    {
        Assert.Equal(original.TemplateId, result.TemplateId);
        for (int c = 0; c < result.Statuses.Count; c++)
        {
            // A row already short of a number may now have as many as its columns: there is no first reading to compare.
            if (result.Statuses[c] == CellStatus.Missing || original.Statuses[c] == CellStatus.Missing)
                continue;
            Assert.True(original.Cells[c].Value == result.Cells[c].Value && original.Statuses[c] == result.Statuses[c],
                $"{what}: {original.Template!.Cells[c].Path} read {result.Cells[c].Value} ({result.Statuses[c]}), was {original.Cells[c].Value} ({original.Statuses[c]})");
        }
    }

    [Fact]
    public void Mianyang_with_its_plus_98_line_printed_twice_leaves_the_licensing_row_missing_with_a_warning()
    {
        var lines = SampleExtractionTests.Text("2020-mianyang-town").Replace("\r\n", "\n").Split('\n').ToList();
        int at = lines.FindIndex(l => l.Trim() == "+98");
        lines.Insert(at, lines[at]);
        var result = ReportReader.Read(string.Join("\n", lines));

        var decisions = Report2019.Template.FindCell("proactiveDisclosure.licensing.administrativeLicensing.decisions")!;
        Assert.Equal(CellStatus.Missing, result.Cells[decisions.Index].Status);
        Assert.False(result.IsComplete);
        var finding = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch);
        Assert.Equal(Validation.Severity.Warning, finding.Severity);
        Assert.Contains(decisions, finding.Cells);
        Assert.Contains("+98", finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, finding.Cells.Count);
    }

    [Theory]
    [InlineData("行政许可\n21\n+98\n1780\n1780", true)]     // the copy is the row's last value: both readings agree
    [InlineData("行政许可\n0\n0\n0\n0", true)]
    [InlineData("行政许可\n21\n+98\n1780\n7", true)]        // no copy: one trailing cell, dropped by the column count
    [InlineData("行政许可\n21\n21\n+98\n1780", false)]
    public void One_extra_cell_is_dropped_only_when_every_reading_agrees(string row, bool read)
    {
        var text = SampleExtractionTests.Text("2020-mianyang-town").Replace("\r\n", "\n");
        int start = text.IndexOf("\t行政许可\n", StringComparison.Ordinal);
        int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var result = ReportReader.Read(text.Substring(0, start) + row + text.Substring(end));

        var cell = Report2019.Template.FindCell("proactiveDisclosure.licensing.administrativeLicensing.previousItems")!;
        Assert.Equal(read ? CellStatus.Reported : CellStatus.Missing, result.Cells[cell.Index].Status);
        Assert.Equal(read ? ExtractionIssue.StrayCells : ExtractionIssue.CellCountMismatch,
            Assert.Single(result.Findings, f => f.Issue is ExtractionIssue.StrayCells or ExtractionIssue.CellCountMismatch).Issue);
    }

    [Fact]
    public void A_row_repeated_thousands_of_times_lists_a_thousand_findings_and_counts_the_rest()
    {
        var original = SampleExtractionTests.Read("2020-mianyang-town");
        var result = ReportReader.Read(SampleExtractionTests.Text("2020-mianyang-town") + "\n" + string.Concat(Enumerable.Repeat("行政许可\t21\t+98\t1780\n", 5_000)));

        var repeats = result.Findings.Where(f => f.Issue == ExtractionIssue.DuplicateRow).ToList();
        Assert.Equal(1_001, repeats.Count);
        Assert.All(repeats.Take(1_000), f => Assert.NotNull(f.Position));
        Assert.Contains("4000 more EX18 findings are not listed", ReportReader.Read(SampleExtractionTests.Text("2020-mianyang-town") + "\n" + string.Concat(Enumerable.Repeat("行政许可\t21\t+98\t1780\n", 5_000)), new ReadOptions { Language = Validation.MessageLanguage.English }).Findings[^1].Message, StringComparison.Ordinal);
        Assert.Equal(original.Statuses, result.Statuses);
        Assert.True(result.IsComplete);
    }
}
