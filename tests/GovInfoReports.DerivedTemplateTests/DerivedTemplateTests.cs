using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.DerivedTemplateTests;

/// <summary>
/// A template year of a user's own, derived from 2021 and compiled in this project, is read with no code of its own:
/// its genuine reports are read as it, whole, without a "mixed formats" warning (EX04) for the 2021 wording it keeps;
/// and the packaged formats' reports are still read as before.
/// </summary>
public sealed class DerivedTemplateTests
{
    private static readonly ReportTemplate Derived = TemplateRegistry.Find("2027") ?? throw new InvalidOperationException("the 2027 template is not registered");

    public static TheoryData<string, int> Layouts()
    {
        var data = new TheoryData<string, int>();
        foreach (string layout in new[] { "text", "markdown", "html", "docx" })
            for (int seed = 1; seed <= 5; seed++)
                data.Add(layout, seed);
        return data;
    }

    [Fact]
    public void The_derived_template_is_compiled_with_its_own_shape()
    {
        Assert.Equal(typeof(Report2027), Derived.ReportType);
        Assert.Null(Derived.FindCell("applications.newlyReceived.legalServices"));
        Assert.NotNull(Derived.FindCell("applications.results.unableToProvide.beyondScope.total"));
        Assert.Equal("属于内部事务信息", Derived.FindCell("applications.results.withheld.internalAffairs.total")!.Row.Label);
        Assert.Equal(new[] { "2019", "2021", "2027" }, TemplateRegistry.All.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(2027, "2027")]
    [InlineData(2028, "2027")]
    [InlineData(2024, "2021")]
    public void A_text_both_read_alike_is_the_revision_for_a_year_it_applies_to(int year, string expected)
    {
        // Only the tables of section 二, which 2027 keeps as 2021 has them: both templates read every cell of them.
        Assert.Equal("2021", Derived.Revises);
        var template2021 = TemplateRegistry.Find("2021")!;
        var values = new CellValue[template2021.Cells.Count];
        for (int i = 0; i < values.Length; i++)
            if (template2021.Cells[i].Kind != ValueKind.Amount)
                values[i] = CellValue.FromInt32(i % 7);
        string text = ReportRenderer.RenderText(template2021.CreateReport(values, year, "某某县人民政府"));
        int applications = text.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
        Assert.True(applications > 0, text);
        text = text[..applications];

        var result = ReportReader.Read(text);

        Assert.Equal(expected, result.TemplateId);
        Assert.Equal(year, result.Year);
        Assert.DoesNotContain(result.Findings, f => f.Issue == ExtractionIssue.MixedTemplates);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Its_genuine_reports_are_read_whole_as_it_and_with_no_mixed_format_warning(string layout, int seed)
    {
        var report = RandomReport(seed);
        var result = Read(report, layout, options: null);

        Assert.Equal("2027", result.TemplateId);
        Assert.DoesNotContain(result.Findings, f => f.Issue == ExtractionIssue.MixedTemplates);
        Assert.True(result.IsComplete, string.Join("\n", result.Findings.Select(f => f.ToString())));
        for (int i = 0; i < Derived.Cells.Count; i++)
            Assert.Equal(report.GetCell(i), result.Report!.GetCell(i));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("html")]
    public void Read_as_it_by_name_its_reports_get_no_mixed_format_warning_either(string layout)
    {
        var result = Read(RandomReport(11), layout, new ReadOptions { TemplateId = "2027" });

        Assert.Equal("2027", result.TemplateId);
        Assert.True(result.IsComplete);
        Assert.DoesNotContain(result.Findings, f => f.Issue is ExtractionIssue.MixedTemplates or ExtractionIssue.TemplateOverridden);
    }

    [Fact]
    public void Wording_of_another_format_that_it_does_not_have_still_gives_the_mixed_format_warning()
    {
        // 本年新制作数量 is a header of the 2019 format only: no label of 2027 (or 2021) holds it.
        string text = ReportRenderer.RenderText(RandomReport(12)) + "\n本年新制作数量\t本年新公开数量\n";
        var result = ReportReader.Read(text);

        Assert.Equal("2027", result.TemplateId);
        var mixed = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.MixedTemplates);
        Assert.Contains("2019", mixed.Message);
        Assert.Contains("本年新制作数量", mixed.Message);
    }

    [Theory]
    [InlineData("2019-gucheng-hui-township.txt", "2019")]
    [InlineData("2020-haiyuan-lijun-township.txt", "2019")]
    [InlineData("2020-mianyang-town.txt", "2019")]
    [InlineData("2020-shaxian-huyuan-township.txt", "2019")]
    [InlineData("2021-wuyuan-hesheng-township.txt", "2021")]
    public void The_packaged_formats_reports_are_read_as_without_the_derived_template(string sample, string template)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        var packaged = TemplateRegistry.All.Where(t => t.Id != "2027").ToList();

        var withDerived = ReportReader.Read(text);
        var without = ReportReader.Read(text, new ReadOptions { Templates = packaged });

        Assert.Equal(template, withDerived.TemplateId);
        Assert.Equal(without.Cells.Select(c => (c.Cell.Path, c.Status, c.Value)), withDerived.Cells.Select(c => (c.Cell.Path, c.Status, c.Value)));
        Assert.Equal(without.Findings.Select(f => f.ToString()), withDerived.Findings.Select(f => f.ToString()));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Loaded_at_run_time_the_same_template_file_reads_its_reports_as_the_compiled_one(string layout, int seed)
    {
        // The file this project compiles, loaded by the runtime's copy of the generator's parser: the templates are
        // given explicitly (the compiled 2027 holds the id in the registry).
        var loaded = ReportTemplate.Load(Path.Combine(AppContext.BaseDirectory, "Templates", "2027.json"));
        var templates = new[] { TemplateRegistry.Find("2019")!, TemplateRegistry.Find("2021")!, loaded };
        var report = RandomReport(seed);
        var compiled = Read(report, layout, options: null);
        var run = Read(report, layout, new ReadOptions { Templates = templates });

        Assert.Same(loaded, run.Template);
        Assert.IsType<LoadedReport>(run.Report);
        Assert.True(run.IsComplete);
        Assert.DoesNotContain(run.Findings, f => f.Issue == ExtractionIssue.MixedTemplates);
        Assert.Equal(compiled.Cells.Select(c => $"{c.Cell.Path} {c.Status} {c.Value} {c.Position}"), run.Cells.Select(c => $"{c.Cell.Path} {c.Status} {c.Value} {c.Position}"));
        Assert.Equal(compiled.Findings.Select(f => f.ToString()), run.Findings.Select(f => f.ToString()));
        Assert.Equal(compiled.Validate().Select(f => f.RuleId + " " + f.Context + " " + f.Message), run.Validate().Select(f => f.RuleId + " " + f.Context + " " + f.Message));
        Assert.Equal(GovInfoReports.Serialization.ReportJson.Serialize(compiled.Report!), GovInfoReports.Serialization.ReportJson.Serialize(run.Report!));
    }

    private static ReadResult Read(IReport report, string layout, ReadOptions? options) => layout switch
    {
        "text" => ReportReader.Read(ReportRenderer.RenderText(report), options),
        "markdown" => ReportReader.Read(ReportRenderer.RenderMarkdown(report), options),
        "html" => ReportReader.Read(Load(System.Text.Encoding.UTF8.GetBytes(ReportRenderer.RenderHtml(report)), DocumentKind.Html), options),
        _ => ReportReader.Read(Load(ReportRenderer.RenderDocx(report), DocumentKind.Docx), options),
    };

    private static ReportDocument Load(byte[] bytes, DocumentKind kind) =>
        ReportDocument.Load(bytes, kind).Document ?? throw new InvalidOperationException("the rendered document did not load");

    /// <summary>A 2027 report with random counts (some blank) and amounts, for a 2027 report year.</summary>
    private static IReport RandomReport(int seed)
    {
        var random = new Random(seed);
        var values = new CellValue[Derived.Cells.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var cell = Derived.Cells[i];
            if (random.Next(8) == 0)
                continue; // blank
            values[i] = cell.Kind switch
            {
                ValueKind.Amount => CellValue.FromAmount(random.Next(0, 100_000) / 100m, cell.Column.AmountUnit == AmountUnit.Unknown ? AmountUnit.Yuan : cell.Column.AmountUnit),
                ValueKind.SignedCount => CellValue.FromInt32(random.Next(-30, 30)),
                _ => CellValue.FromInt32(random.Next(0, 500)),
            };
        }

        return Derived.CreateReport(values, 2027, "某某县人民政府办公室");
    }
}
