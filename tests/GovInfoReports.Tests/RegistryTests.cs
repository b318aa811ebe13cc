using System;
using System.IO;
using System.Linq;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The registry finds the packaged templates through the generated module initializer.</summary>
public sealed class RegistryTests
{
    [Fact]
    public void Official_templates_register_themselves_without_reflection()
    {
        var ids = TemplateRegistry.All.Select(t => t.Id).ToList();
        Assert.Contains("2019", ids);
        Assert.Contains("2021", ids);
        Assert.Same(Report2019.Template, TemplateRegistry.Find("2019"));
        Assert.Same(Report2021.Template, TemplateRegistry.Find("2021"));
        Assert.Equal(typeof(Report2021), Report2021.Template.ReportType);
        Assert.Null(TemplateRegistry.Find("1999"));
    }

    [Theory]
    [InlineData(2019, "2019")]
    [InlineData(2020, "2019")]
    [InlineData(2021, "2021")]
    [InlineData(2024, "2021")]
    public void Templates_apply_to_their_report_years(int year, string expected)
    {
        var template = Assert.Single(TemplateRegistry.ForYear(year), t => t.Id is "2019" or "2021");
        Assert.Equal(expected, template.Id);
    }

    [Fact]
    public void A_second_template_with_a_taken_id_is_refused_and_reported()
    {
        Assert.True(TemplateRegistry.Register(Report2021.Template)); // the same instance again: nothing happens
        Assert.Equal(TemplateRegistry.All.Count, TemplateRegistry.All.Distinct().Count());
        Assert.Throws<ArgumentNullException>(() => TemplateRegistry.Register(null!));
        Assert.Empty(TemplateRegistry.Conflicts);

        var impostor = new HandMadeTemplate("2021");
        Assert.False(TemplateRegistry.Register(impostor));
        Assert.Same(Report2021.Template, TemplateRegistry.Find("2021"));
        Assert.Contains(TemplateRegistry.Conflicts, c => c.Contains("HandMade2021", StringComparison.Ordinal) && c.Contains("Report2021", StringComparison.Ordinal));

        // A template registered by hand is found, and removed again: no later test reads with it.
        var extra = new HandMadeTemplate("test-extra");
        int count = TemplateRegistry.All.Count;
        try
        {
            Assert.True(TemplateRegistry.Register(extra));
            Assert.Same(extra, TemplateRegistry.Find("test-extra"));
        }
        finally
        {
            Assert.True(TemplateRegistry.Unregister(extra));
        }

        Assert.Null(TemplateRegistry.Find("test-extra"));
        Assert.Equal(count, TemplateRegistry.All.Count);
        Assert.False(TemplateRegistry.Unregister(extra));
    }

    /// <summary>A template built by hand (not generated), as the registry allows.</summary>
    private sealed class HandMadeTemplate : ReportTemplate
    {
        public HandMadeTemplate(string id)
            : base(id, "HandMade" + id, "手工模板", "测试", 2090, null, Array.Empty<string>(), new[]
            {
                new SectionDescriptor("applications", "三、", "收到和处理政府信息公开申请情况", new[]
                {
                    new TableDescriptor("applications", null, new[] { new ColumnDescriptor("total", "总计", ValueKind.Count, "件") }, new[] { new RowDescriptor("newlyReceived", "本年新收政府信息公开申请数量", "一、") }),
                }, isSingleTable: true),
            })
        {
        }

        public override Type ReportType => typeof(IReport);

        protected override IReport CreateReportCore(ReadOnlySpan<CellValue> cells, int? year, string? agency) =>
            new HandMadeReport(this, cells.ToArray(), year, agency);
    }

    /// <summary>
    /// The report of the hand-made template. The registry is global: once registered, the template takes part in
    /// detection in every later test (extraction of text with only its one row picks it), so it builds real reports.
    /// </summary>
    private sealed record HandMadeReport(ReportTemplate Template, CellValue[] Cells, int? Year, string? Agency) : IReport
    {
        public CellValue GetCell(int index) => Cells[index];
    }

    [Fact]
    public void The_sample_reports_ship_with_the_repository()
    {
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt");
        Assert.Equal(5, samples.Length);
        // Four reports for 2019/2020 and one for 2021: each year has a registered template.
        foreach (var sample in samples)
        {
            int year = int.Parse(Path.GetFileName(sample)[..4]);
            Assert.NotEmpty(TemplateRegistry.ForYear(year));
        }
    }
}
