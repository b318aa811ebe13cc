using System.Linq;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The generated descriptors against ../shared/templates.md §3–§4: cell counts, columns, labels, ids.</summary>
public sealed class DescriptorTests
{
    [Theory]
    [InlineData("2019", 22, 23, 15)]
    [InlineData("2021", 10, 25, 15)]
    public void Cell_counts_match_the_official_formats(string id, int proactiveCells, int applicationRows, int reviewCells)
    {
        var template = TemplateRegistry.Find(id)!;
        Assert.Equal(new[] { "proactiveDisclosure", "applications", "reviews" }, template.Sections.Select(s => s.Id));

        Assert.Equal(proactiveCells, template.FindSection("proactiveDisclosure")!.Tables.Sum(t => t.Cells.Count));

        var applications = Assert.Single(template.FindSection("applications")!.Tables);
        Assert.Equal(applicationRows, applications.DataRows.Count);
        Assert.Equal(7, applications.Columns.Count);
        Assert.Equal(applicationRows * 7, applications.Cells.Count);

        var reviews = Assert.Single(template.FindSection("reviews")!.Tables);
        Assert.Equal(reviewCells, reviews.Cells.Count);
        Assert.Equal(TableLayout.SingleRow, reviews.Layout);

        Assert.Equal(proactiveCells + applicationRows * 7 + reviewCells, template.Cells.Count);
    }

    [Theory]
    [InlineData("2019", new[] { 6, 6, 6, 2, 2 })]
    [InlineData("2021", new[] { 6, 1, 2, 1 })]
    public void Section_two_sub_tables_have_the_official_sizes(string id, int[] sizes)
    {
        var tables = TemplateRegistry.Find(id)!.FindSection("proactiveDisclosure")!.Tables;
        Assert.Equal(sizes, tables.Select(t => t.Cells.Count));
        Assert.All(tables, t => Assert.Equal("信息内容", t.RowHeader));
        Assert.All(tables, t => Assert.StartsWith("第二十条第（", t.Caption));
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Applicant_columns_have_the_legal_person_grouping(string id)
    {
        var columns = TemplateRegistry.Find(id)!.FindSection("applications")!.Tables[0].Columns;
        Assert.Equal(new[] { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" }, columns.Select(c => c.Label));
        Assert.Equal(new string?[] { null, "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", null }, columns.Select(c => c.Group));
        Assert.All(columns, c => Assert.Equal(ValueKind.Count, c.Kind));
    }

    [Fact]
    public void Value_kinds_and_units_follow_the_templates()
    {
        var t2019 = Report2019.Template;
        Assert.Equal(ValueKind.SignedCount, t2019.FindCell("proactiveDisclosure.licensing.administrativeLicensing.change")!.Kind);
        Assert.Equal(ValueKind.SignedCount, t2019.FindCell("proactiveDisclosure.fees.administrativeFees.change")!.Kind);
        var procurement = t2019.FindCell("proactiveDisclosure.procurement.centralizedProcurement.amount")!.Column;
        Assert.Equal(ValueKind.Amount, procurement.Kind);
        Assert.True(procurement.HasReportedUnit);
        Assert.Null(procurement.Unit);

        var fee = Report2021.Template.FindCell("proactiveDisclosure.fees.administrativeFees.amount")!.Column;
        Assert.Equal(ValueKind.Amount, fee.Kind);
        Assert.Equal("万元", fee.Unit);
        Assert.Equal(AmountUnit.TenThousandYuan, fee.AmountUnit);
        Assert.Equal("本年收费金额（单位：万元）", fee.Label);

        Assert.DoesNotContain(Report2021.Template.Cells, c => c.Kind == ValueKind.SignedCount);
    }

    [Fact]
    public void Other_handling_is_one_row_in_2019_and_three_in_2021()
    {
        var other2019 = Report2019.Template.FindSection("applications")!.Tables[0].DataRows.Single(r => r.Id == "other");
        Assert.False(other2019.IsGroup);
        Assert.Equal("（六）其他处理", other2019.FullLabel);

        var other2021 = Report2021.Template.FindSection("applications")!.Tables[0].Rows.Single(r => r.Id == "results").Children.Single(r => r.Id == "other");
        Assert.True(other2021.IsGroup);
        Assert.Equal(
            new[] { "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他" },
            other2021.Children.Select(r => r.FullLabel));
    }

    [Fact]
    public void Labels_are_verbatim()
    {
        var rows = Report2021.Template.FindSection("applications")!.Tables[0].DataRows;
        var safety = rows.Single(r => r.Id == "endangersSafety");
        Assert.Equal("3.危及\u201C三安全一稳定\u201D", safety.FullLabel);
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", rows.Single(r => r.Id == "partiallyDisclosed").FullLabel);
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", Report2021.Template.FindSection("applications")!.Tables[0].Note);
        Assert.Equal("对外公开总数量", Report2019.Template.FindCell("proactiveDisclosure.regulatoryDocuments.regulations.publishedTotal")!.Column.Label);
        Assert.Contains("对外公开总数", Report2019.Template.FindCell("proactiveDisclosure.regulatoryDocuments.regulations.publishedTotal")!.Column.Aliases);
    }

    [Fact]
    public void Shared_concepts_have_the_same_path_in_both_years()
    {
        var paths2019 = Report2019.Template.Cells.Select(c => c.Path).ToHashSet();
        var paths2021 = Report2021.Template.Cells.Select(c => c.Path).ToHashSet();

        // Section 三 apart from （六）, and all of section 四, are identical in both formats (templates.md §7).
        foreach (var path in paths2019.Where(p => (p.StartsWith("applications.") && !p.StartsWith("applications.results.other.")) || p.StartsWith("reviews.")))
            Assert.Contains(path, paths2021);
        Assert.Contains("applications.results.total.total", paths2021);
        Assert.Contains("reviews.litigation.afterReconsideration.pending", paths2021);
        Assert.Contains("proactiveDisclosure.licensing.administrativeLicensing.decisions", paths2019.Intersect(paths2021));
        // What changed meaning does not share a path.
        Assert.DoesNotContain("proactiveDisclosure.fees.administrativeFees.amount", paths2019);
        Assert.Equal(172, paths2019.Intersect(paths2021).Count());
    }

    [Fact]
    public void Descriptor_tree_links_are_consistent()
    {
        foreach (var template in TemplateRegistry.All)
        {
            for (int i = 0; i < template.Cells.Count; i++)
            {
                var cell = template.Cells[i];
                Assert.Equal(i, cell.Index);
                Assert.Same(template, cell.Section.Template);
                Assert.Contains(cell.Row, cell.Table.DataRows);
                Assert.Contains(cell.Column, cell.Table.Columns);
                Assert.Same(cell, template.FindCell(cell.Path));
                Assert.Equal("/" + cell.Path.Replace('.', '/'), cell.JsonPointer);
            }
        }
    }
}
