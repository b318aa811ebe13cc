using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>Random records of both templates, written in every text layout, read back to the same record.</summary>
public class LayoutExtractionTests
{
    private static readonly string[] Agencies = { "棉洋镇人民政府", "五原县和胜乡", "某市生态环境局", "沙县湖源乡人民政府", "国家新闻出版署" };

    /// <summary>A report with a plausible year and agency, and random values (one in five blank).</summary>
    public static Gen<IReport> Report(ReportTemplate template) =>
        from cells in Gen.CollectToArray(template.Cells, Reports.Cell)
        from year in Gen.Choose(template.FromYear, template.ToYear ?? template.FromYear + 5)
        from agency in Gen.Elements(Agencies)
        select template.CreateReport(cells, year, agency);

    private static Gen<(IReport Report, TextLayout Layout, int Seed)> Rendered() =>
        from template in Gen.Elements(Report2019.Template, Report2021.Template)
        from report in Report(template)
        from layout in Gen.Elements(TextLayouts.All)
        from seed in Gen.Choose(0, int.MaxValue)
        select (report, layout, seed);

    [Fact]
    public void Any_record_written_in_any_text_layout_reads_back_cell_by_cell()
    {
        Reports.Check(Rendered(), sample =>
        {
            var (report, layout, seed) = sample;
            string text = TextLayouts.Render(report, layout, seed);
            var result = ReportReader.Read(text);
            Assert.True(result.TemplateId == report.Template.Id, $"{layout}: template {result.TemplateId}\n{text}");
            Assert.Equal(report.Year, result.Year);
            Assert.Equal(report.Agency, result.Agency);
            foreach (var cell in report.Template.Cells)
            {
                var expected = report.GetCell(cell.Index);
                var extracted = result.Cells[cell.Index];
                if (expected.IsBlank ? extracted.Status != CellStatus.Blank : extracted.Status != CellStatus.Reported || extracted.Value != expected)
                    Assert.Fail($"{layout} seed {seed}: {cell.Path} expected {expected} ({expected.Unit}), got {extracted}\n{string.Join("\n", result.Findings)}\n{text}");
            }

            Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
        }, count: 300);
    }

    // A template that could not beat the best read so far even with all its tables found is not matched (a complete
    // 2019 report is not also matched against 2021); with a template forced every template is matched. So reading as
    // the template chosen, forced, must give exactly the unforced result, on whole texts and on texts with a random
    // stretch of lines cut out (tables missing, so the later templates must be matched too).
    [Fact]
    public void Skipping_templates_that_cannot_win_changes_no_result()
    {
        var cut = from sample in Rendered()
                  from start in Gen.Choose(0, 99)
                  from length in Gen.Choose(0, 60)
                  select (sample.Report, sample.Layout, sample.Seed, Start: start, Length: length);
        Reports.Check(cut, sample =>
        {
            var lines = TextLayouts.Render(sample.Report, sample.Layout, sample.Seed).Split('\n');
            int from = lines.Length * sample.Start / 100, count = Math.Min(lines.Length - from, lines.Length * sample.Length / 100);
            string text = string.Join("\n", lines.Take(from).Concat(lines.Skip(from + count)));
            var result = ReportReader.Read(text);
            if (result.Report is null)
                return;
            var forced = ReportReader.Read(text, new ReadOptions { TemplateId = result.TemplateId });
            Assert.Equal(Describe(forced), Describe(result));
        }, count: 200);
    }

    private static string Describe(ReadResult result) =>
        result.TemplateId + "|" + string.Join(",", result.Cells.Select(c => c.Value + "/" + c.Status + "/" + c.Position))
        + "|" + string.Join(";", result.Findings.Select(f => f.Code + f.Message));

    [Theory]
    [InlineData(TextLayout.CellPerLine)]
    [InlineData(TextLayout.PipeCellPerLine)]
    [InlineData(TextLayout.Tabs)]
    [InlineData(TextLayout.Markdown)]
    [InlineData(TextLayout.SpaceSeparated)]
    [InlineData(TextLayout.BlankLineSeparated)]
    [InlineData(TextLayout.PipeRows)]
    public void Each_layout_reads_a_complete_report_of_each_template(TextLayout layout)
    {
        foreach (var template in new[] { Report2019.Template, Report2021.Template })
        {
            var values = template.Cells.Select(c => c.Kind == ValueKind.Amount ? CellValue.FromAmount(c.Index + 0.5m, AmountUnit.TenThousandYuan) : CellValue.FromInt32(c.Index)).ToArray();
            var report = template.CreateReport(values, template.FromYear, "测试县");
            var result = ReportReader.Read(TextLayouts.Render(report, layout, 1));
            Assert.True(result.IsComplete);
            Assert.Equal(template.Cells.Count, result.Cells.Count(c => c.Status == CellStatus.Reported));
            Assert.Equal(values, result.Cells.Select(c => c.Value));
        }
    }
}
