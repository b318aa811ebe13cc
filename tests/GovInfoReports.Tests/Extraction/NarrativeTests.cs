using System;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using GovInfoReports.Tests.Shared;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// The narrative facts of the template files (issue 28): the prose's numbers against the tables' — a warning with both
/// numbers and both places where they disagree, nothing where they agree; Chinese numerals read.
/// </summary>
public class NarrativeTests
{
    /// <summary>A made-up report: a consistent record of the template rendered as text, after a prose section.</summary>
    private static (string Text, IReport Report) Report(string id, string prose, int seed = 11)
    {
        var template = TemplateRegistry.Find(id)!;
        var report = template.CreateReport(ConsistentReports.Cells(template, new Random(seed)), id == "2019" ? 2020 : 2022, "某某县人民政府办公室");
        var text = new StringBuilder();
        text.Append("某某县人民政府办公室").Append(report.Year).Append("年政府信息公开工作年度报告\n\n一、总体情况\n").Append(prose).Append("\n\n");
        text.Append(ReportRenderer.RenderText(report));
        return (text.ToString(), report);
    }

    private static int Cell(IReport report, string path) => (int)report.GetCell(report.Template.FindCell(path)!.Index).Number!.Value;

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void A_number_in_the_prose_that_disagrees_with_the_table_is_a_warning_with_both_numbers_and_both_places(string id)
    {
        var (_, probe) = Report(id, "");
        int received = Cell(probe, "applications.newlyReceived.total");
        var (text, _) = Report(id, $"本年度共收到政府信息公开申请 {received + 78} 件，上年结转{Cell(probe, "applications.carriedOver.total")}件。");
        var result = ReportReader.Read(text);
        Assert.True(result.IsComplete);

        Assert.Equal(new[] { "N.received", "N.carriedOver" }, result.Narrative.Select(s => s.Fact.Id));
        var finding = Assert.Single(result.CheckNarrative());
        Assert.Equal("N.received", finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(received + 78, finding.Statement.Value);
        Assert.Equal(received, finding.TableValue);
        Assert.Equal("收到政府信息公开申请 " + (received + 78) + " 件", finding.Statement.Text);

        // Both places: the prose's line (4) and column of the number, and the table cell's position.
        var lines = text.Split('\n');
        Assert.Equal(4, finding.Statement.Position.Line);
        Assert.StartsWith((received + 78).ToString(), lines[3].Substring(finding.Statement.Position.Column - 1));
        var cell = result.Cells[probe.Template.FindCell("applications.newlyReceived.total")!.Index];
        Assert.Equal(cell.Position, finding.TablePosition);
        Assert.Contains($"第 4 行", finding.Message);
        Assert.Contains($"（{received + 78}）", finding.Message);
        Assert.Contains($"表格为 {received}", finding.Message);
        Assert.Contains($"第 {cell.Position!.Value.Line} 行", finding.Message);
        Assert.Contains($"at 4:{finding.Statement.Position.Column}", result.CheckNarrative(new ValidationOptions { Language = MessageLanguage.English }).Single().Message);
    }

    [Fact]
    public void Numbers_that_agree_give_no_finding_and_Chinese_numerals_count()
    {
        var (_, probe) = Report("2021", "");
        int received = Cell(probe, "applications.newlyReceived.total");
        int forward = Cell(probe, "applications.carriedForward.total");
        int litigation = Cell(probe, "reviews.litigation.direct.total") + Cell(probe, "reviews.litigation.afterReconsideration.total");
        string prose = $"全年收到政府信息公开申请{received}件，结转下年度继续办理{Chinese(forward)}件；被提起行政诉讼 {litigation} 件。";
        var (text, _) = Report("2021", prose);
        var result = ReportReader.Read(text);
        Assert.Equal(new[] { ("N.received", (decimal)received), ("N.carriedForward", forward), ("N.litigation", litigation) }, result.Narrative.Select(s => (s.Fact.Id, s.Value)));
        Assert.Empty(result.CheckNarrative());
    }

    [Fact]
    public void The_table_rows_and_other_numbers_are_no_statements()
    {
        // The table's own rows (一、本年新收政府信息公开申请数量 …) and prose numbers outside the phrases state nothing.
        var (text, _) = Report("2021", "2022年，本机关主动公开政府信息1200条，收到政府信息公开申请同比增长 5 件。");
        var result = ReportReader.Read(text);
        Assert.Empty(result.Narrative);
        Assert.Empty(result.CheckNarrative());
    }

    [Fact]
    public void A_statement_whose_cells_were_not_read_is_not_compared()
    {
        var (text, _) = Report("2021", "收到政府信息公开申请 9999 件。");
        // The 一、本年新收 row removed from the table: the cells are missing, so nothing is known to disagree.
        var lines = text.Split('\n').Where(l => !l.Contains("本年新收政府信息公开申请数量", StringComparison.Ordinal));
        var result = ReportReader.Read(string.Join("\n", lines));
        Assert.Equal(CellStatus.Missing, result.Statuses[Report2021.Template.FindCell("applications.newlyReceived.total")!.Index]);
        Assert.Single(result.Narrative);
        Assert.Empty(result.CheckNarrative());
    }

    [Fact]
    public void The_tool_reports_a_disagreement_as_the_report_s_warning_at_the_prose()
    {
        var (_, probe) = Report("2021", "");
        int reviews = Cell(probe, "reviews.reconsideration.total");
        var (text, _) = Report("2021", $"因政府信息公开工作被申请行政复议{reviews + 1}件。");
        using var folder = new Cli.Tool.Folder();
        var (exit, json, _) = Cli.Tool.Run("validate", folder.Write("r.txt", text), "--format", "json");
        Assert.Equal(0, exit);                                  // a warning: the exit code stays 0
        var finding = Assert.Single(Cli.Tool.Files(json)[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "N.reconsideration");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("report", finding.GetProperty("source").GetString());
        Assert.Equal(4, finding.GetProperty("line").GetInt32());
        Assert.Equal("reviews.reconsideration.total", Assert.Single(finding.GetProperty("cells").EnumerateArray()).GetString());
    }

    /// <summary>A made-up report with its prose parts: 一 before the tables, the given text after them.</summary>
    private static string WithParts(string after) => Report("2021", "本年度，本机关认真贯彻《条例》。").Text + "\n" + after;

    [Fact]
    public void A_report_with_every_part_gives_no_part_finding_however_it_numbers_and_words_them()
    {
        var complete = ReportReader.Read(WithParts("五、存在的主要问题及改进情况\n公开内容还不够全面。\n六、其他需要报告的事项\n无。\n"));
        Assert.Empty(complete.CheckParts());
        Assert.Equal(new[] { "P1", "P5", "P6" }, complete.Parts.Select(p => p.Part.Id));

        // Renumbered (an extra part before), worded otherwise, in Traditional script, as markdown headings.
        var variant = ReportReader.Read(WithParts("## 六、存在的問題及改進情況\n一是……\n七、 其他需要報告的事項\n本年度未收取信息处理费。\n"));
        Assert.Empty(variant.CheckParts());
    }

    [Fact]
    public void A_missing_or_empty_part_is_a_warning()
    {
        var missing = ReportReader.Read(WithParts("五、存在的主要问题及改进情况\n公开内容还不够全面。\n"));
        var finding = Assert.Single(missing.CheckParts());
        Assert.Equal(("P6", Severity.Warning, false), (finding.RuleId, finding.Severity, finding.IsEmpty));
        Assert.Contains("其他需要报告的事项", finding.Message);

        string text = WithParts("五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n无。\n");
        var empty = Assert.Single(ReportReader.Read(text).CheckParts());
        Assert.Equal("P5", empty.RuleId);
        Assert.True(empty.IsEmpty);
        Assert.StartsWith("五、存在的主要问题", text.Split('\n')[empty.Location!.Position.Line - 1]);
        Assert.Contains($"第 {empty.Location.Position.Line} 行", empty.Message);

        // The intro that lists the parts in a sentence is no heading.
        var listed = ReportReader.Read(WithParts("本报告包括总体情况、存在的主要问题及改进情况、其他需要报告的事项等部分。\n"));
        Assert.Equal(new[] { "P5", "P6" }, listed.CheckParts().Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("依据《政府信息公开信息处理费管理办法》规定，本机关本年度未收取信息处理费。", true, null, AmountUnit.Unknown)]
    [InlineData("2025年全市实际收取信息处理费共计 400 元。", false, 400.0, AmountUnit.Yuan)]
    [InlineData("本年度收取信息处理费0.12万元；其他无。", false, 0.12, AmountUnit.TenThousandYuan)]
    [InlineData("本年度无其他需要报告的事项。", null, null, AmountUnit.Unknown)]
    public void The_fee_statement_of_part_six_is_read_as_a_typed_fact(string sentence, bool? notCharged, double? amount, AmountUnit unit)
    {
        string text = WithParts("五、存在的主要问题及改进情况\n公开内容还不够全面。\n六、其他需要报告的事项\n" + sentence + "\n");
        var fee = ReportReader.Read(text).Fee;
        if (notCharged is null)
        {
            Assert.Null(fee);
            return;
        }

        Assert.NotNull(fee);
        Assert.Equal(notCharged.Value, fee!.NotCharged);
        Assert.Equal(amount is null ? null : (decimal)amount.Value, fee.Amount);
        Assert.Equal(unit, fee.Unit);
        Assert.Contains("信息处理费", fee.Text);
        Assert.Contains(fee.Text, text.Split('\n')[fee.Position.Line - 1]);
    }

    [Theory]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("九十五", 95)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    [InlineData("两千三百", 2300)]
    [InlineData("三万四千", 34000)]
    [InlineData("一〇五", 105)]
    [InlineData("零", 0)]
    public void Chinese_numerals_are_read(string numeral, int value) =>
        Assert.Equal(value, ChineseNumerals.Parse(numeral, 0, numeral.Length));

    [Fact]
    public void A_narrative_fact_must_name_cells_of_the_template_and_phrases_with_one_number()
    {
        using var folder = new Cli.Tool.Folder();
        string official = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "2021.json"));
        var good = TemplateFile.Read(folder.Write("good.json", official));
        Assert.Empty(good.Diagnostics);
        Assert.Equal(Report2021.Template.Narrative.Select(f => f.Id), good.Template!.Narrative.Select(f => f.Id));
        Assert.Equal(Report2021.Template.Narrative.SelectMany(f => f.Phrases), good.Template.Narrative.SelectMany(f => f.Phrases));

        var unknown = TemplateFile.Read(folder.Write("unknown.json", official.Replace("\"applications.carriedOver.total\"", "\"applications.carriedOver.totall\"")));
        Assert.Equal("GIR020", Assert.Single(unknown.Diagnostics).Id);
        Assert.Null(unknown.Template);
        var noNumber = TemplateFile.Read(folder.Write("no-number.json", official.Replace("\"予以公开{n}件\"", "\"予以公开件\"")));
        Assert.Contains("{n}", Assert.Single(noNumber.Diagnostics).ToString());
    }

    private static string Chinese(int value)
    {
        // Enough for the test's small counts (0–99).
        string[] digits = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
        if (value < 10)
            return digits[value];
        return (value / 10 == 1 ? "" : digits[value / 10]) + "十" + (value % 10 == 0 ? "" : digits[value % 10]);
    }
}
