using System;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>The five real samples against the records read from them by hand (tests/samples/expected).</summary>
public class SampleExtractionTests
{
    public static TheoryData<string> Samples => new()
    {
        "2019-gucheng-hui-township",
        "2020-haiyuan-lijun-township",
        "2020-mianyang-town",
        "2020-shaxian-huyuan-township",
        "2021-wuyuan-hesheng-township",
    };

    internal static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name + ".txt"));

    internal static ReadResult Read(string name) => ReportReader.Read(Text(name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_extracts_to_its_hand_read_record_cell_by_cell(string name)
    {
        var (expected, statuses) = TidyCsvTests.Sample(name);
        var result = Read(name);

        Assert.Equal(expected.Template.Id, result.TemplateId);
        Assert.Equal(expected.Year, result.Year);
        Assert.Equal(expected.Agency, result.Agency);
        var report = Assert.IsAssignableFrom<IReport>(result.Report);
        var differences = new StringBuilder();
        foreach (var cell in expected.Template.Cells)
        {
            var want = expected.GetCell(cell.Index);
            var got = report.GetCell(cell.Index);
            var status = result.Cells[cell.Index].Status;
            if (want != got || statuses[cell.Index] != status)
                differences.Append(cell.Path).Append(": expected ").Append(want).Append(' ').Append(statuses[cell.Index].ToText())
                    .Append(", got ").Append(got).Append(' ').Append(status.ToText()).Append(" from ").Append(result.Cells[cell.Index].SourceText).AppendLine();
        }

        Assert.True(differences.Length == 0, differences + string.Join(Environment.NewLine, result.Findings));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_value_carries_the_position_of_its_text(string name)
    {
        var lines = Text(name).Replace("\r\n", "\n").Split('\n');
        var result = Read(name);
        foreach (var cell in result.Cells.Where(c => c.Status != CellStatus.Missing))
        {
            var position = Assert.NotNull(cell.Position);
            string line = lines[position.Line - 1];
            if (cell.Status == CellStatus.Reported)
                Assert.StartsWith(cell.SourceText!.Split(' ')[0], line.Substring(position.Column - 1));
        }

        Assert.All(result.Cells.Where(c => c.Status == CellStatus.Missing), c => Assert.Null(c.Position));
    }

    [Fact]
    public void Mianyang_gives_its_signed_deltas_and_the_procurement_amount_in_yuan()
    {
        var report = Assert.IsType<Report2019>(Read("2020-mianyang-town").Report);
        var licensing = report.ProactiveDisclosure.Licensing.AdministrativeLicensing;
        Assert.Equal((21, 98, 1780), (licensing.PreviousItems, licensing.Change, licensing.Decisions));
        var other = report.ProactiveDisclosure.Licensing.OtherServices;
        Assert.Equal((85, 37, 1852), (other.PreviousItems, other.Change, other.Decisions));
        var procurement = report.ProactiveDisclosure.Procurement.CentralizedProcurement;
        Assert.Equal(18, procurement.Projects);
        Assert.Equal(new Amount(258463.87m, AmountUnit.Yuan), procurement.Amount);
    }

    [Fact]
    public void Gucheng_gives_67_74_wan_yuan_blank_reconsideration_cells_and_zero_litigation_cells()
    {
        var result = Read("2019-gucheng-hui-township");
        var report = Assert.IsType<Report2019>(result.Report);
        Assert.Equal(new Amount(67.74m, AmountUnit.TenThousandYuan), report.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount);
        var reviews = report.Reviews;
        Assert.All(new[] { reviews.Reconsideration.Upheld, reviews.Reconsideration.Corrected, reviews.Reconsideration.OtherOutcome, reviews.Reconsideration.Pending, reviews.Reconsideration.Total }, Assert.Null);
        Assert.Equal(5, result.Cells.Count(c => c.Cell.Path.StartsWith("reviews.reconsideration.", StringComparison.Ordinal) && c.Status == CellStatus.Blank));
        Assert.Equal(10, result.Cells.Count(c => c.Cell.Path.StartsWith("reviews.litigation.", StringComparison.Ordinal) && c.Status == CellStatus.Reported && c.Value.Number == 0));
    }

    [Fact]
    public void Wuyuan_is_detected_as_the_2021_format_despite_traditional_script_and_pinyin()
    {
        var result = Read("2021-wuyuan-hesheng-township");
        Assert.Equal("2021", result.TemplateId);
        Assert.IsType<Report2021>(result.Report);
        Assert.Equal("五原县和胜乡", result.Agency);
        Assert.True(result.IsComplete);
        // The stray 0 after the 其他 header and the extra 0 in the （八） row are reported, not read.
        var strays = result.Findings.Where(f => f.Issue == ExtractionIssue.StrayCells).ToList();
        Assert.Equal(new[] { 73, 59 }.OrderBy(l => l), strays.Select(f => f.Position!.Value.Line).OrderBy(l => l));
    }

    [Fact]
    public void Shaxian_is_partial_and_its_findings_name_the_missing_rows()
    {
        var result = Read("2020-shaxian-huyuan-township");
        Assert.False(result.IsComplete);
        var applications = result.Sections.Single(s => s.Section.Id == "applications");
        Assert.False(applications.IsComplete);
        Assert.Equal(70, applications.Missing);
        Assert.True(result.Sections.Single(s => s.Section.Id == "proactiveDisclosure").IsComplete);
        Assert.True(result.Sections.Single(s => s.Section.Id == "reviews").IsComplete);

        // Two rows print six numbers for seven columns: left empty, not shifted.
        var mismatches = result.Findings.Where(f => f.Issue == ExtractionIssue.CellCountMismatch).ToList();
        Assert.Equal(new[] { 66, 67 }, mismatches.Select(f => f.Position!.Value.Line));
        Assert.All(mismatches, f => Assert.Equal(7, f.Cells.Count));

        // The truncated rows are named one by one.
        var missingRows = result.Findings.Where(f => f.Issue == ExtractionIssue.RowNotFound).Select(f => f.Cells[0].Row.Path).ToList();
        Assert.Equal(
            new[]
            {
                "results.notProcessed.complaints", "results.notProcessed.repeated", "results.notProcessed.publications",
                "results.notProcessed.excessive", "results.notProcessed.confirmation", "results.other", "results.total", "carriedForward",
            },
            missingRows);
        Assert.All(result.Findings.Where(f => f.Issue == ExtractionIssue.RowNotFound), f => Assert.Contains(f.Cells[0].Row.FullLabel, f.Message));
        Assert.Equal(70, result.Findings.Where(f => f.Issue is ExtractionIssue.RowNotFound or ExtractionIssue.CellCountMismatch).Sum(f => f.Cells.Count));
    }
}
