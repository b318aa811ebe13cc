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
    internal static readonly string[] Names =
    {
        "2019-gucheng-hui-township",
        "2020-haiyuan-lijun-township",
        "2020-mianyang-town",
        "2020-shaxian-huyuan-township",
        "2021-wuyuan-hesheng-township",
    };

    public static TheoryData<string> Samples => new(Names);

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

        // The label wrapped into the next line (开 after the numbers) and the 四 table known only from its header fragments.
        Assert.Equal(67, Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.ApproximateLabel).Line());
        Assert.Equal(80, Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.HeaderFromFragments).Line());

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

/// <summary>Extraction followed by validation of the five samples, with the statuses of the extraction.</summary>
public class SampleValidationTests
{
    [Theory]
    [InlineData("2019-gucheng-hui-township")]     // all counts 0; the five blank 行政复议 cells count as 0 in E4 (templates.md §6.3)
    [InlineData("2020-haiyuan-lijun-township")]   // all 198 cells 0
    [InlineData("2020-mianyang-town")]            // 规章 21 / 规范性文件 85 for a town are implausible (W5/W6 of templates.md need the agency's level, which no rule sees), but W2/W3 hold: 0 ≤ 21, 0 ≥ 0
    [InlineData("2021-wuyuan-hesheng-township")]  // all 200 cells 0
    public void Complete_samples_whose_tables_add_up_give_no_finding(string name)
    {
        var result = SampleExtractionTests.Read(name);
        Assert.True(result.IsComplete);
        Assert.Empty(result.Validate());
    }

    [Fact]
    public void Shaxian_cannot_be_checked_where_cells_are_missing_and_fails_no_rule()
    {
        var findings = SampleExtractionTests.Read("2020-shaxian-huyuan-township").Validate();
        // The truncated 三 table loses （七）总计 and 四、结转 (E1, E3), the two six-number rows lose their totals (E2)
        // and their cells (E5): those rules are not assessable, which is the extraction's doing, not the report's.
        Assert.Equal(new[] { "E1", "E2", "E3", "E5.applications" }, findings.Select(f => f.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(Validation.FindingKind.NotAssessable, f.Kind));
        Assert.Contains(findings, f => f.RuleId == "E1" && f.Cells.Any(c => c.Cell.Path == "applications.carriedForward.naturalPerson" && c.Status == CellStatus.Missing));
    }

    [Fact]
    public void A_broken_sum_in_extracted_text_is_the_report_s_finding_with_the_cell_s_position()
    {
        var lines = SampleExtractionTests.Text("2020-mianyang-town").Split('\n');
        Assert.Contains("（七）总计", lines[338]);
        lines[339] = lines[339].Replace('0', '5');
        var result = ReportReader.Read(string.Join("\n", lines));
        var finding = Assert.Single(result.Validate(), f => f.RuleId == "E1");
        Assert.Equal(Validation.FindingKind.Failed, finding.Kind);
        var total = result.Cells.Single(c => c.Cell.Path == "applications.results.total.naturalPerson");
        Assert.Equal(5, total.Value.Number);
        Assert.Equal(340, total.Position!.Value.Line);
    }
}
