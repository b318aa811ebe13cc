using System;
using System.Linq;
using System.Text;
using GovInfoReports.Documents;
using GovInfoReports.Rendering;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// The layouts of real published reports that the samples do not show (issue 26), in made-up texts of the same shape,
/// each read cell by cell with its findings.
/// </summary>
public class PublishedLayoutTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    /// <summary>An excerpt of a 2021 report (its table 三 alone does not tell the template).</summary>
    private static ReadResult Read2021(params string[] lines) => ReportReader.Read(Lines(lines), new ReadOptions { TemplateId = "2021" });

    private static ExtractedCell Cell(ReadResult result, string path) =>
        result.Cells[Assert.IsAssignableFrom<ReportTemplate>(result.Template).FindCell(path)!.Index];

    /// <summary>Every cell of the template: reported with the record's value, or blank where the record's is.</summary>
    private static void AllCellsAre(IReport expected, ReadResult result, string text)
    {
        Assert.Equal(expected.Template.Id, result.TemplateId);
        foreach (var cell in expected.Template.Cells)
        {
            var value = expected.GetCell(cell.Index);
            var read = result.Cells[cell.Index];
            bool same = value.IsBlank ? read.Status == CellStatus.Blank : read.Status == CellStatus.Reported && read.Value == value;
            Assert.True(same, $"{cell.Path}: expected {value}, read {read}\n{string.Join("\n", result.Findings)}\n{text}");
        }
    }

    /// <summary>A record with every third cell blank, the others numbered by their index.</summary>
    private static IReport Record(ReportTemplate template)
    {
        var values = template.Cells.Select(c => c.Index % 3 == 1 ? CellValue.Blank
            : c.Kind == ValueKind.Amount ? CellValue.FromAmount(c.Index + 0.5m, AmountUnit.TenThousandYuan)
            : CellValue.FromInt32(c.Index + 1)).ToArray();
        return template.CreateReport(values, template.FromYear, "测试县人民政府");
    }

    // Kind 1: the separators say which column an empty cell is, also next to the label and after the last number.
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Pipe_rows_with_empty_cells_anywhere_keep_every_cell_in_its_column(string templateId)
    {
        var template = TemplateRegistry.Find(templateId)!;
        var report = Record(template);
        for (int seed = 1; seed <= 20; seed++)
        {
            string text = TextLayouts.Render(report, TextLayout.PipeRows, seed);
            var result = ReportReader.Read(text);
            AllCellsAre(report, result, text);
            Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
        }
    }

    [Fact]
    public void A_row_of_empty_cells_and_one_number_and_a_label_over_two_cells_are_read_by_their_separators()
    {
        var result = Read2021(
            "三、收到和处理政府信息公开申请情况",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |",
            "| 自然人 | 法人或其他组织 | | | | | 总计 |",
            "| | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |",
            "三、本年度办理结果 | （二）部分公开 | | | | | | | 5 |",
            "四、结转下年度继续办理 | | | | | | | 2 |",
            "二、上年结转政府信息公开申请数量 | | | | | | | |");

        Assert.Equal("2021", result.TemplateId);
        foreach (var (row, last) in new[] { ("results.partiallyDisclosed", 5), ("carriedForward", 2) })
        {
            foreach (var column in new[] { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other" })
                Assert.Equal(CellStatus.Blank, Cell(result, $"applications.{row}.{column}").Status);
            Assert.Equal(last, Cell(result, $"applications.{row}.total").Value.Number);
        }

        Assert.All(TemplateRegistry.Find("2021")!.Cells.Where(c => c.Path.StartsWith("applications.carriedOver.")),
            c => Assert.Equal(CellStatus.Blank, result.Cells[c.Index].Status));
        Assert.DoesNotContain(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch
            || (f.Issue == ExtractionIssue.RowNotFound && (f.Message.Contains("部分公开") || f.Message.Contains("结转"))));
    }

    [Fact]
    public void Fewer_cells_than_columns_after_the_label_stay_missing_with_a_finding()
    {
        // Six cells for seven columns: which one is left out cannot be told.
        var result = Read2021(
            "三、收到和处理政府信息公开申请情况",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |",
            "| 自然人 | 法人或其他组织 | | | | | 总计 |",
            "| | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |",
            "四、结转下年度继续办理 | | | | | | 2 |");

        Assert.All(TemplateRegistry.Find("2021")!.Cells.Where(c => c.Path.StartsWith("applications.carriedForward.")),
            c => Assert.Equal(CellStatus.Missing, result.Cells[c.Index].Status));
        var finding = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch);
        Assert.Equal(5, finding.Line());
    }

    // Kind 5: a report's page saved as text, or its body alone, is read as the page it is, by its content.
    [Theory]
    [InlineData("2019", false)]
    [InlineData("2021", false)]
    [InlineData("2021", true)]
    public void A_page_fragment_in_a_text_file_is_read_as_a_page(string templateId, bool jsonEscaped)
    {
        var report = Record(TemplateRegistry.Find(templateId)!);
        string page = ReportRenderer.RenderHtml(report);
        int body = page.IndexOf('>', page.IndexOf("<body", StringComparison.Ordinal)) + 1;
        string fragment = page.Substring(body, page.IndexOf("</body>", StringComparison.Ordinal) - body).Trim();
        Assert.StartsWith("<h1>", fragment);
        if (jsonEscaped)
            fragment = fragment.Replace("\"", "\\\"").Replace("\n", "\\n");

        var loaded = ReportDocument.Load(Encoding.UTF8.GetBytes(fragment), DocumentKind.Text);
        var document = Assert.IsType<ReportDocument>(loaded.Document);
        Assert.Equal(DocumentKind.Html, document.Kind);
        var result = ReportReader.Read(document);
        AllCellsAre(report, result, document.Text);
        Assert.Equal(report.Agency, result.Agency);
        Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
    }

    [Theory]
    [InlineData("年度报告的表格见附件 <table> 标签之后。\n一、总体情况 <td> 与 <tr> 只是文字。")]
    [InlineData("| 信息内容 | <b>本年制发件数</b> |")]
    public void Text_that_names_a_tag_now_and_then_stays_text(string text)
    {
        var loaded = ReportDocument.Load(Encoding.UTF8.GetBytes(text), DocumentKind.Text);
        Assert.Equal(DocumentKind.Text, Assert.IsType<ReportDocument>(loaded.Document).Kind);
    }

    // Kind 7: the official blank form, all tables and no numbers, says it holds no values.
    [Theory]
    [InlineData("2019", "html")]
    [InlineData("2021", "html")]
    [InlineData("2019", "md")]
    [InlineData("2021", "md")]
    public void The_blank_form_is_read_as_a_form_without_values(string templateId, string format)
    {
        var template = TemplateRegistry.Find(templateId)!;
        var blank = template.CreateReport(template.Cells.Select(_ => CellValue.Blank).ToArray(), template.FromYear, "测试县人民政府");
        string text = format == "html" ? ReportRenderer.RenderHtml(blank) : ReportRenderer.RenderMarkdown(blank).Replace("| — ", "|  ");
        var result = ReportReader.Read(ReportDocument.Load(Encoding.UTF8.GetBytes(text), format == "html" ? DocumentKind.Html : DocumentKind.Text).Document!);

        Assert.Equal(templateId, result.TemplateId);
        // In text, section 四's row has no label: a line of empty cells alone is no row (it may be a filler line).
        foreach (var cell in template.Cells)
            Assert.Equal(format == "md" && cell.Path.StartsWith("reviews.", StringComparison.Ordinal) ? CellStatus.Missing : CellStatus.Blank, result.Statuses[cell.Index]);
        Assert.False(result.HoldsValues);
        Assert.False(result.IsComplete);
        var finding = Assert.Single(result.Findings, f => f.Severity != Validation.Severity.Info && f.Issue != ExtractionIssue.RowNotFound && f.Issue != ExtractionIssue.TableNotFound);
        Assert.Equal(ExtractionIssue.BlankForm, finding.Issue);
        Assert.Equal("EX21", finding.Code);

        // One number filled in: a report, complete, with no such finding.
        var one = template.Cells.Select(c => c.Index == 0 ? CellValue.FromInt32(3) : CellValue.Blank).ToArray();
        var filled = ReportReader.Read(ReportRenderer.RenderMarkdown(template.CreateReport(one, template.FromYear, "测试县人民政府")));
        Assert.True(filled.IsComplete);
        Assert.True(filled.HoldsValues);
        Assert.DoesNotContain(filled.Findings, f => f.Issue == ExtractionIssue.BlankForm);
    }

    // Kind 6: the agency is the name of a government body, recognised by how such names end; else it is unknown.
    [Theory]
    [InlineData("2021", "根据修订的《中华人民共和国政府信息公开条例》\n（以下简称《条例》）要求，现公布本机关2021年度报告。", null)]
    [InlineData("2021", "标题：某市统计局2021年政府信息公开工作年度报告", "某市统计局")]
    [InlineData("2019", "标题:某县人民政府办公室2019年政府信息公开工作年度报告", "某县人民政府办公室")]
    [InlineData("2019", "首页 > 政务公开 > 年度报告\n古城回族乡2019年政府信息公开工作年度报告", "古城回族乡")]
    [InlineData("2021", "2021年政府信息公开工作年度报告", null)]
    [InlineData("2021", "关于做好2021年政府信息公开工作年度报告", null)]
    public void The_agency_is_a_government_body_named_in_the_title_or_unknown(string templateId, string title, string? agency)
    {
        var template = TemplateRegistry.Find(templateId)!;
        var report = Record(template);
        string body = TextLayouts.Render(report, TextLayout.PipeRows, 7);
        string text = title + "\n" + body.Substring(body.IndexOf('\n') + 1);
        var result = ReportReader.Read(text);

        Assert.Equal(agency, result.Agency);
        Assert.Equal(template.FromYear, result.Year);
        AllCellsAre(template.CreateReport(Enumerable.Range(0, template.Cells.Count).Select(i => report.GetCell(i)).ToArray(), template.FromYear, agency), result, text);
        Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
    }

    /// <summary>The numbers of the row at <paramref name="rowPath"/> as a line of their own (<c>| 2 | 0 | … |</c>), blanks as dashes.</summary>
    private static string ValueLine(IReport report, string rowPath) =>
        "| " + string.Join(" | ", report.Template.Cells.Where(c => c.Path.StartsWith("applications." + rowPath + ".", StringComparison.Ordinal))
            .Select(c => report.GetCell(c.Index) is { IsBlank: false } value ? value.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")) + " |";

    /// <summary>
    /// The report in <see cref="TextLayout.PipeRows"/>, with the rows 2.没有现成信息需要另行制作 and 3.补正后申请内容仍不明确
    /// written as a converter of a PDF writes them: <paramref name="lines"/> in their place.
    /// </summary>
    private static string WithLabelsApart(IReport report, params string[] lines)
    {
        var text = TextLayouts.Render(report, TextLayout.PipeRows, 3).Split('\n').ToList();
        int at = text.FindIndex(l => l.Contains("2.没有现成信息需要另行制作", StringComparison.Ordinal));
        Assert.Contains("3.补正后申请内容仍不明确", text[at + 1]);
        text.RemoveRange(at, 2);
        text.InsertRange(at, lines);
        return string.Join("\n", text);
    }

    // Kind 2: wrapped labels pulled away from their numbers, then the lines of numbers: paired in template order.
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Lines_of_numbers_after_labels_that_stand_apart_are_paired_with_those_rows_in_order(string templateId)
    {
        var report = Record(TemplateRegistry.Find(templateId)!);
        string needs = ValueLine(report, "results.unableToProvide.needsCreation"), unclear = ValueLine(report, "results.unableToProvide.unclearAfterCorrection");
        foreach (string text in new[]
        {
            WithLabelsApart(report, "2.没有现成信息需要另", "行制作", "3.补正后申请内容仍不", "明确", needs, unclear),
            WithLabelsApart(report, "没有现成信息需要另", "行制作", "补正后申请内容仍不", "明确", needs, unclear),
            WithLabelsApart(report, "2.没有现成信息需要另", "3.补正后申请内容仍不", needs, unclear, "行制作", "明确"),
        })
        {
            var result = ReportReader.Read(text);
            AllCellsAre(report, result, text);
            var paired = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.RowsPairedByPosition);
            Assert.Equal("EX22", paired.Code);
            Assert.Equal(Validation.Severity.Info, paired.Severity);
            Assert.Contains("2.没有现成信息需要另行制作", paired.Message);
            Assert.Contains("3.补正后申请内容仍不明确", paired.Message);
            Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
        }
    }

    [Fact]
    public void Lines_of_numbers_that_do_not_match_the_rows_apart_leave_them_missing()
    {
        var report = Record(Report2021.Template);
        string needs = ValueLine(report, "results.unableToProvide.needsCreation"), unclear = ValueLine(report, "results.unableToProvide.unclearAfterCorrection");
        foreach (string text in new[]
        {
            // Three lines for two rows; one line for two rows; a line that does not fill a row.
            WithLabelsApart(report, "2.没有现成信息需要另", "行制作", "3.补正后申请内容仍不", "明确", needs, unclear, unclear),
            WithLabelsApart(report, "2.没有现成信息需要另", "行制作", "3.补正后申请内容仍不", "明确", needs),
            WithLabelsApart(report, "2.没有现成信息需要另", "行制作", "3.补正后申请内容仍不", "明确", needs, "| 1 | 2 |"),
        })
        {
            var result = ReportReader.Read(text);
            // Neither row is given numbers: not even the last label the lines follow.
            foreach (var cell in report.Template.Cells.Where(c => c.Path.Contains(".needsCreation.", StringComparison.Ordinal) || c.Path.Contains(".unclearAfterCorrection.", StringComparison.Ordinal)))
                Assert.Equal(CellStatus.Missing, result.Cells[cell.Index].Status);
            Assert.DoesNotContain(result.Findings, f => f.Issue == ExtractionIssue.RowsPairedByPosition);
            var finding = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch);
            Assert.Equal(14, finding.Cells.Count);
            Assert.Contains("2.没有现成信息需要另行制作", finding.Message);
            // Every other cell is read as before.
            foreach (var cell in report.Template.Cells.Where(c => !c.Path.Contains(".unableToProvide.needsCreation.", StringComparison.Ordinal) && !c.Path.Contains(".unableToProvide.unclearAfterCorrection.", StringComparison.Ordinal)))
                Assert.NotEqual(CellStatus.Missing, result.Cells[cell.Index].Status);
        }
    }

    /// <summary>
    /// A <see cref="TextLayout.PipeRows"/> text as a page whose tables were flattened: each pipe line a row of one cell per
    /// field, no merged cells (a merged label's other columns are empty cells), other lines paragraphs.
    /// </summary>
    private static string AsFlatPage(string text)
    {
        var page = new StringBuilder("<html><body>\n");
        bool inTable = false;
        foreach (string line in text.Split('\n'))
        {
            bool row = line.Contains(" |", StringComparison.Ordinal);
            if (row != inTable)
                page.Append(row ? "<table border=\"1\">\n" : "</table>\n");
            inTable = row;
            if (!row)
            {
                page.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</p>\n");
                continue;
            }

            var cells = line.Trim().TrimStart('|').TrimEnd('|').Split('|');
            page.Append("<tr>").Append(string.Concat(cells.Select(c => "<td>" + System.Net.WebUtility.HtmlEncode(c.Trim()) + "</td>"))).Append("</tr>\n");
        }

        return page.Append(inTable ? "</table>\n" : "").Append("</body></html>\n").ToString();
    }

    // Kind 1 in a page: merged label cells flattened into empty cells; a row's empty cells before its first number are
    // decided by its column count, as in a text line.
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void A_page_table_with_flattened_label_cells_keeps_every_cell_in_its_column(string templateId)
    {
        var report = Record(TemplateRegistry.Find(templateId)!);
        for (int seed = 1; seed <= 10; seed++)
        {
            string page = AsFlatPage(TextLayouts.Render(report, TextLayout.PipeRows, seed));
            var result = ReportReader.Read(ReportDocument.Load(Encoding.UTF8.GetBytes(page), DocumentKind.Html).Document!);
            AllCellsAre(report, result, page);
            Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
        }
    }

    /// <summary>A data row's values as printed on a plain line: numbers, <c>—</c> for blanks, a unit where the column prints one.</summary>
    private static string PlainValues(IReport report, RowDescriptor row) =>
        string.Join(" ", row.Table.Cells.Where(c => c.Row == row).Select(c => report.GetCell(c.Index) is { IsBlank: false } value
            ? value.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + (c.Column.HasReportedUnit ? "万元" : "")
            : "—"));

    // Kind 3: section 二's items as plain lines (行政许可 97), and its first table later under a caption of its own, with
    // the 2019 wording 规范性文件 under the 2021 headers.
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Section_two_items_as_plain_lines_and_its_first_table_later_are_read(string templateId)
    {
        var template = TemplateRegistry.Find(templateId)!;
        var report = Record(template);
        string body = TextLayouts.Render(report, TextLayout.PipeRows, 5);
        var section = template.Sections[0];
        var first = section.Tables[0];
        var plain = new StringBuilder(section.FullHeading).Append('\n');
        foreach (var table in section.Tables.Skip(1))
            foreach (var row in table.DataRows)
                plain.Append(row.FullLabel).Append(' ').Append(PlainValues(report, row)).Append('\n');
        plain.Append("## 表二\n| 信息内容 | ").Append(string.Join(" | ", first.Columns.Select(c => c.Label))).Append(" |\n");
        foreach (var row in first.DataRows)
            plain.Append("| ").Append(row.FullLabel.Replace("行政规范性文件", "规范性文件", StringComparison.Ordinal)).Append(" | ")
                .Append(PlainValues(report, row).Replace(" ", " | ", StringComparison.Ordinal)).Append(" |\n");
        int start = body.IndexOf(section.FullHeading, StringComparison.Ordinal), end = body.IndexOf(template.Sections[1].FullHeading, StringComparison.Ordinal);
        string text = body.Substring(0, start) + plain + body.Substring(end);

        var result = ReportReader.Read(text);
        AllCellsAre(report, result, text);
        Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
    }

    // Kind 4: headers shredded by a converter, placeholder headers and a misread character of OCR, section 四's headers
    // collapsed to fragments before its 15 numbers.
    [Theory]
    [InlineData("2019", "shredded")]
    [InlineData("2021", "shredded")]
    [InlineData("2019", "placeholders")]
    [InlineData("2021", "placeholders")]
    [InlineData("2019", "fragments")]
    [InlineData("2021", "fragments")]
    public void Shredded_placeholder_and_fragment_headers_are_passed_over_and_every_cell_read(string templateId, string kind)
    {
        var template = TemplateRegistry.Find(templateId)!;
        var report = Record(template);
        var lines = TextLayouts.Render(report, TextLayout.PipeRows, 11).Split('\n').ToList();
        int applicants = lines.FindIndex(l => l.Contains("商业企业", StringComparison.Ordinal));
        string? agency = report.Agency;
        switch (kind)
        {
            case "shredded":
                lines[applicants] = "商业企科研机社会公法律服其他";
                lines.Insert(applicants + 1, "| 业 | 构 | 益组织 | 务机构 |");
                break;
            case "placeholders":
                Assert.Contains("自然人", lines[applicants - 1]);
                lines[applicants - 1] = "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |";
                lines.RemoveAt(applicants);
                lines[0] = lines[0].Replace("人民政府", "人民攻府", StringComparison.Ordinal);
                agency = "测试县人民攻府";
                break;
            default:
                int heading = lines.IndexOf(template.Sections[2].FullHeading);
                Assert.StartsWith("行政复议", lines[heading + 1].TrimStart('|', ' '));
                lines.RemoveRange(heading + 1, 3);
                lines.Insert(heading + 1, "持 正 果 结 计");
                break;
        }

        string text = string.Join("\n", lines);
        var result = ReportReader.Read(text);
        AllCellsAre(report, result, text);
        Assert.Equal(agency, result.Agency);
        Assert.DoesNotContain(result.Findings, f => f.Severity != Validation.Severity.Info);
        if (kind == "fragments")
            Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.HeaderFromFragments);
    }
}
