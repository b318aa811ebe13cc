using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Validation;
using GovInfoReports.Tests.Shared;
using Xunit;
using static GovInfoReports.Tests.Documents.DocxFixture;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovInfoReports.Tests.Documents;

/// <summary>
/// Hand-made web pages and Word documents with what real ones do to their tables — a 总计 column left blank in some
/// rows, a header split over two rows, a label broken over two rows, a table split in two by a page break,
/// <c>&amp;nbsp;</c> cells, page chrome, a table written by a script — read as a careful reader reads them.
/// </summary>
public class DocumentFixtureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", name);

    private static ReadResult Read(DocumentLoadResult loaded)
    {
        Assert.True(loaded.Document is not null, loaded.MessageEn);
        return ReportReader.Read(loaded.Document!);
    }

    private static ExtractedCell Cell(ReadResult result, string path) => result.Cells.Single(c => c.Cell.Path == path);

    private static void AssertValue(ReadResult result, string path, decimal expected) =>
        Assert.True(Cell(result, path) is { Status: CellStatus.Reported } cell && cell.Value.Number == expected, $"{path}: {Cell(result, path)}");

    private static void AssertBlank(ReadResult result, string path) =>
        Assert.True(Cell(result, path).Status == CellStatus.Blank, $"{path}: {Cell(result, path)}");

    private static readonly string[] Applicants = { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other", "total" };

    [Fact]
    public void A_2021_web_page_with_every_quirk_reads_as_a_careful_reader_reads_it()
    {
        // quirks-2021.html: breadcrumb and hidden menu before the title, the report inside a layout table, section 二 as four
        // tables, section 三 split in two by a page break (header repeated, merged label cells cut), its header split over
        // two rows (商业/企业 …), the label （二）部分公开（区分处理的…） broken over two rows, 总计 blank (empty or &nbsp;).
        var result = Read(ReportDocument.Load(Fixture("quirks-2021.html")));
        Assert.Equal("2021", result.TemplateId);
        Assert.Equal(2021, result.Year);
        Assert.Equal("五原县和胜乡", result.Agency);
        Assert.True(result.IsComplete);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Info, f.Severity));

        AssertValue(result, "proactiveDisclosure.regulatoryDocuments.regulations.issued", 1);
        AssertValue(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.issued", 4);
        AssertBlank(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.repealed"); // &nbsp;
        AssertValue(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.inForce", 6);
        AssertValue(result, "proactiveDisclosure.enforcement.administrativeCoercion.decisions", 9);
        Assert.Equal(CellValue.FromDecimal(67.74m, AmountUnit.TenThousandYuan), Cell(result, "proactiveDisclosure.fees.administrativeFees.amount").Value);

        // Section 三: data row i, column j holds 100 × (i + 1) + j, except the blank 总计 of rows 2 and 7 (empty) and 5 (&nbsp;).
        var rows = Report2021.Template.Tables.Single(t => t.Path == "applications").DataRows;
        Assert.Equal(25, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < Applicants.Length; j++)
            {
                string path = "applications." + rows[i].Path + "." + Applicants[j];
                if (j == 6 && i is 2 or 5 or 7)
                    AssertBlank(result, path);
                else
                    AssertValue(result, path, 100 * (i + 1) + j);
            }
        }

        // After the page break: 7.属于行政执法案卷 (row 10) under the cut （三）不予公开, then （四）… in their places.
        AssertValue(result, "applications.results.withheld.enforcementFiles.naturalPerson", 1100);
        AssertValue(result, "applications.results.unableToProvide.notHeld.total", 1306);
        AssertValue(result, "applications.carriedForward.total", 2506);

        // Section 四: &nbsp; cells and one empty cell are blanks in their columns.
        AssertValue(result, "reviews.reconsideration.upheld", 1);
        AssertValue(result, "reviews.reconsideration.total", 1);
        foreach (var column in new[] { "upheld", "corrected", "otherOutcome", "pending", "total" })
            AssertBlank(result, "reviews.litigation.direct." + column);
        AssertValue(result, "reviews.litigation.afterReconsideration.upheld", 2);
        AssertBlank(result, "reviews.litigation.afterReconsideration.pending");
        AssertValue(result, "reviews.litigation.afterReconsideration.total", 2);

        // Positions are lines of the document's text view, whose line holds the cell's text at that column.
        var cell = Cell(result, "applications.carriedForward.total");
        string line = result.Cells.Count > 0 ? Text(result, cell) : "";
        Assert.StartsWith("2506", line);
    }

    private static string Text(ReadResult result, ExtractedCell cell)
    {
        var document = ReportDocument.Load(Fixture("quirks-2021.html")).Document!;
        var lines = document.Text.Split('\n');
        var position = cell.Position!.Value;
        return lines[position.Line - 1].Substring(position.Column - 1);
    }

    [Fact]
    public void A_table_written_by_a_script_as_an_escaped_string_is_read()
    {
        // script-table-2019.html: the article is a JSON string in a script (\u003Ctable…, CJK escaped); the body shows only 加载中.
        var result = Read(ReportDocument.Load(Fixture("script-table-2019.html")));
        var expected = ReportReader.Read(File.ReadAllText(Tool.Sample("2019-gucheng-hui-township")));
        Assert.Equal("2019", result.TemplateId);
        Assert.Equal(2019, result.Year);
        Assert.Equal("古城回族乡", result.Agency);
        Assert.True(result.IsComplete);
        Assert.Equal(expected.Cells.Select(c => c.Value), result.Cells.Select(c => c.Value));
        AssertValue(result, "proactiveDisclosure.procurement.centralizedProcurement.projects", 9);
        Assert.Equal(CellValue.FromAmount(67.74m, AmountUnit.TenThousandYuan), Cell(result, "proactiveDisclosure.procurement.centralizedProcurement.amount").Value);
    }

    [Fact]
    public void A_page_without_a_report_table_gives_one_clear_finding()
    {
        // no-report-table.html: a GB2312 notice (declared by <meta charset>) with a duty roster table.
        var loaded = ReportDocument.Load(Fixture("no-report-table.html"));
        Assert.Equal("gb18030", loaded.Encoding);
        Assert.Contains("防汛值班", loaded.Document!.Text);
        var result = ReportReader.Read(loaded.Document!);
        Assert.Null(result.Report);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ExtractionIssue.NotAReport, finding.Issue);
    }

    /// <summary>
    /// A 2019 Word report as offices write them: a title broken by a line break, a caption row merged over each small
    /// table, section 三's header split over two rows, section 三 split in two by a page break (no header repeated; the group cells restart empty, or the row starts
    /// after an empty grid column), vertical merges, a label in two paragraphs of one cell, 总计 blank in two rows,
    /// section 四 inside a content control.
    /// </summary>
    internal static byte[] Quirky2019Docx()
    {
        string V(int i, int j) => j == 6 && i is 4 or 9 ? "" : (10 * (i + 1) + j).ToString(System.Globalization.CultureInfo.InvariantCulture);
        W.TableCell[] Values(int i) => Enumerable.Range(0, 7).Select(j => C(V(i, j))).ToArray();
        W.TableRow Data(int i, params W.TableCell[] labels) => Row(labels.Concat(Values(i)).ToArray());
        string[] withheld = { "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项" };
        string[] unable = { "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确" };
        string[] notProcessed = { "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息" };

        var first = Table(
            Row(C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, Merge.Restart), C("申请人情况", 7)),
            Row(C("", 3, Merge.Continue), C("自然人", 1, Merge.Restart), C("法人或其他组织", 5), C("总计", 1, Merge.Restart)),
            // The sub-headers split over two rows, as a table pasted from a PDF keeps them.
            Row(C("", 3, Merge.Continue), C("", 1, Merge.Continue), C("商业"), C("科研"), C("社会公益"), C("法律服务"), C("其他", 1, Merge.Restart), C("", 1, Merge.Continue)),
            Row(C("", 3, Merge.Continue), C("", 1, Merge.Continue), C("企业"), C("机构"), C("组织"), C("机构"), C("", 1, Merge.Continue), C("", 1, Merge.Continue)),
            Data(0, C("一、本年新收政府信息公开申请数量", 3)),
            Data(1, C("二、上年结转政府信息公开申请数量", 3)),
            Data(2, C("三、本年度办理结果", 1, Merge.Restart), C("（一）予以公开", 2)),
            Data(3, C("", 1, Merge.Continue), C("（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）", 2)),
            Data(4, C("", 1, Merge.Continue), C("（三）不予公开", 1, Merge.Restart), C(withheld[0])),
            Data(5, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[1])),
            Data(6, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[2])),
            Data(7, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[3])));

        var second = Table(
            Data(8, C("", 1, Merge.Restart), C("", 1, Merge.Restart), C(withheld[4])),
            Data(9, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[5])),
            Data(10, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[6])),
            Data(11, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(withheld[7])),
            Data(12, C("", 1, Merge.Continue), C("（四）无法提供", 1, Merge.Restart), C(unable[0])),
            Data(13, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(unable[1])),
            Data(14, C("", 1, Merge.Continue), C("", 1, Merge.Continue), C(unable[2])),
            // From here the rows start after an empty grid column (w:gridBefore) instead of continuing the merge.
            RowAfter(1, new[] { C("（五）不予处理", 1, Merge.Restart), C(notProcessed[0]) }.Concat(Values(15)).ToArray()),
            RowAfter(1, new[] { C("", 1, Merge.Continue), C(notProcessed[1]) }.Concat(Values(16)).ToArray()),
            RowAfter(1, new[] { C("", 1, Merge.Continue), C(notProcessed[2]) }.Concat(Values(17)).ToArray()),
            RowAfter(1, new[] { C("", 1, Merge.Continue), C(notProcessed[3]) }.Concat(Values(18)).ToArray()),
            RowAfter(1, new[] { C("", 1, Merge.Continue), C(notProcessed[4]) }.Concat(Values(19)).ToArray()),
            RowAfter(1, new[] { C("（六）其他处理", 2) }.Concat(Values(20)).ToArray()),
            RowAfter(1, new[] { C("（七）总计", 2) }.Concat(Values(21)).ToArray()),
            Data(22, C("四、结转下年度继续办理", 3)));

        W.Table Small(string caption, string[] columns, params string[][] rows)
        {
            var table = Table(Row(C(caption, columns.Length + 1)), Row(new[] { C("信息内容") }.Concat(columns.Select(c => C(c))).ToArray()));
            foreach (var row in rows)
                table.Append(Row(row.Select(c => C(c)).ToArray()));
            return table;
        }

        return Build(
            P("古城回族乡\n2019年政府信息公开工作年度报告"),
            P("一、总体情况"),
            P("2019年，古城回族乡认真贯彻落实《中华人民共和国政府信息公开条例》。"),
            P("二、主动公开政府信息情况"),
            Small("第二十条第（一）项", new[] { "本年新制作数量", "本年新公开数量", "对外公开总数量" }, new[] { "规章", "0", "0", "0" }, new[] { "规范性文件", "1", "2", "3" }),
            Small("第二十条第（五）项", new[] { "上一年项目数量", "本年增/减", "处理决定数量" }, new[] { "行政许可", "4", "+1", "5" }, new[] { "其他对外管理服务事项", "0", "0", "0" }),
            Small("第二十条第（六）项", new[] { "上一年项目数量", "本年增/减", "处理决定数量" }, new[] { "行政处罚", "6", "-2", "7" }, new[] { "行政强制", "0", "0", "0" }),
            Small("第二十条第（八）项", new[] { "上一年项目数量", "本年增/减" }, new[] { "行政事业性收费", "0", "0" }),
            Small("第二十条第（九）项", new[] { "采购项目数量", "采购总金额" }, new[] { "政府集中采购", "9", "258463.87元" }),
            P("三、收到和处理政府信息公开申请情况"),
            first,
            PageBreak(),
            second,
            P("四、政府信息公开行政复议、行政诉讼情况"),
            ContentControl(Table(
                Row(C("行政复议", 5), C("行政诉讼", 10)),
                Row(C("结果维持", 1, Merge.Restart), C("结果纠正", 1, Merge.Restart), C("其他结果", 1, Merge.Restart), C("尚未审结", 1, Merge.Restart), C("总计", 1, Merge.Restart), C("未经复议直接起诉", 5), C("复议后起诉", 5)),
                Row(new[] { C("", 1, Merge.Continue), C("", 1, Merge.Continue), C("", 1, Merge.Continue), C("", 1, Merge.Continue), C("", 1, Merge.Continue) }
                    .Concat(Enumerable.Range(0, 2).SelectMany(_ => new[] { C("结果维持"), C("结果纠正"), C("其他结果"), C("尚未审结"), C("总计") })).ToArray()),
                // Blanks: empty cells, and cells holding only a no-break space (Word's &nbsp;).
                Row(new[] { "1", "0", "0", "0", "1", "\u00A0", "", "\u00A0", "", "", "2", "0", "0", "", "2" }.Select(v => C(v)).ToArray()))),
            P("五、存在的主要问题及改进情况"),
            P("无。"));
    }

    [Fact]
    public void A_2019_word_document_with_every_quirk_reads_as_a_careful_reader_reads_it()
    {
        var result = Read(ReportDocument.FromDocx(Quirky2019Docx()));
        Assert.Equal("2019", result.TemplateId);
        Assert.Equal(2019, result.Year);
        Assert.Equal("古城回族乡", result.Agency);
        Assert.True(result.IsComplete);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Info, f.Severity));

        AssertValue(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.publishedTotal", 3);
        AssertValue(result, "proactiveDisclosure.licensing.administrativeLicensing.change", 1);
        AssertValue(result, "proactiveDisclosure.enforcement.administrativePenalty.change", -2);
        Assert.Equal(CellValue.FromAmount(258463.87m, AmountUnit.Yuan), Cell(result, "proactiveDisclosure.procurement.centralizedProcurement.amount").Value);

        // Section 三: data row i, column j holds 10 × (i + 1) + j; 总计 of rows 4 and 9 is blank.
        var rows = Report2019.Template.Tables.Single(t => t.Path == "applications").DataRows;
        Assert.Equal(23, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < Applicants.Length; j++)
            {
                string path = "applications." + rows[i].Path + "." + Applicants[j];
                if (j == 6 && i is 4 or 9)
                    AssertBlank(result, path);
                else
                    AssertValue(result, path, 10 * (i + 1) + j);
            }
        }

        AssertValue(result, "reviews.reconsideration.total", 1);
        foreach (var column in new[] { "upheld", "corrected", "otherOutcome", "pending", "total" })
            AssertBlank(result, "reviews.litigation.direct." + column);
        AssertBlank(result, "reviews.litigation.afterReconsideration.pending");
        AssertValue(result, "reviews.litigation.afterReconsideration.total", 2);
    }

    [Fact]
    public void Word_merges_become_one_cell_of_the_grid()
    {
        var document = ReportDocument.FromDocx(Quirky2019Docx()).Document!;
        var applications = document.Tables.ElementAt(5);
        Assert.Equal(10, applications.ColumnCount);
        var note = applications[0, 0]!;
        Assert.Equal((0, 0, 4, 3), (note.Row, note.Column, note.RowSpan, note.ColumnSpan));
        Assert.Same(note, applications[3, 2]);
        var group = applications[6, 0]!;
        Assert.Equal("三、本年度办理结果", group.Text);
        Assert.Equal(6, group.RowSpan);
        Assert.Equal("（二）部分公开 （区分处理的，只计这一情形，不计其他情形）", applications[7, 1]!.Text);
        Assert.Equal(("其他", 2), (applications[2, 8]!.Text, applications[3, 8]!.RowSpan));
        var second = document.Tables.ElementAt(6);
        Assert.Null(second[7, 0]); // w:gridBefore: no cell at the row's first grid column
        Assert.Equal("（五）不予处理", second[7, 1]!.Text);
        Assert.Equal(5, second[7, 1]!.RowSpan);
    }

    [Fact]
    public void A_corrupt_word_document_is_one_clear_problem()
    {
        var valid = ReportRenderer.RenderDocx(ReportReader.Read(File.ReadAllText(Tool.Sample("2019-gucheng-hui-township"))).Report!);
        var truncated = valid.AsSpan(0, valid.Length / 2).ToArray();
        var garbage = new byte[] { (byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        var notWord = Zip(("hello.txt", new byte[] { 1, 2, 3 }));
        var brokenXml = Replace(valid, "word/document.xml", "<w:document><w:body><w:p>"u8.ToArray());
        var legacy = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 };
        foreach (var (name, bytes) in new[] { ("truncated", truncated), ("garbage", garbage), ("not word", notWord), ("broken xml", brokenXml), ("legacy .doc", legacy) })
        {
            var loaded = ReportDocument.Load(bytes, DocumentKind.Docx);
            Assert.True(loaded.Problem == DocumentProblem.Corrupt, $"{name}: {loaded.Problem} {loaded.MessageEn}");
            Assert.Null(loaded.Document);
            Assert.StartsWith(name == "legacy .doc" ? "This is a legacy Word file" : "The Word document is corrupt", loaded.MessageEn);
            Assert.False(string.IsNullOrEmpty(loaded.MessageZh));
            Assert.DoesNotContain('\n', loaded.MessageEn!);
        }
    }

    [Fact]
    public void A_strict_open_xml_word_document_reads_as_the_transitional_one()
    {
        // Word's "Strict Open XML Document": the same markup under other namespace and relationship names.
        var valid = ReportRenderer.RenderDocx(ReportReader.Read(File.ReadAllText(Tool.Sample("2019-gucheng-hui-township"))).Report!);
        string Entry(string name)
        {
            using var zip = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read);
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        string body = Entry("word/document.xml"), rels = Entry("_rels/.rels");
        Assert.Contains("http://schemas.openxmlformats.org/wordprocessingml/2006/main", body, StringComparison.Ordinal);
        var strict = Replace(valid, "word/document.xml", System.Text.Encoding.UTF8.GetBytes(
            body.Replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal)));
        strict = Replace(strict, "_rels/.rels", System.Text.Encoding.UTF8.GetBytes(
            rels.Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", StringComparison.Ordinal)));

        var loaded = ReportDocument.Load(strict, DocumentKind.Docx);
        Assert.True(loaded.Document is not null, loaded.MessageEn);
        var read = ReportReader.Read(loaded.Document);
        var expected = ReportReader.Read(ReportDocument.Load(valid, DocumentKind.Docx).Document!);
        Assert.True(read.IsComplete);
        Assert.Equal(expected.Cells.Select(c => c.Value), read.Cells.Select(c => c.Value));
        Assert.Equal(expected.Agency, read.Agency);
    }

    [Fact]
    public void A_text_box_in_a_word_document_is_read_once()
    {
        // Word writes a text box twice: as a drawing (mc:Choice) and as VML for older readers (mc:Fallback).
        const string title = "某县人民政府2021年政府信息公开工作年度报告";
        static string Box(string inner) => "<w:txbxContent><w:p><w:r><w:t>" + inner + "</w:t></w:r></w:p></w:txbxContent>";
        var docx = RawDocx.Bytes(w => w.Write(
            "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">" +
            "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" + Box(title) + "</wps:txbx></w:drawing></mc:Choice>" +
            "<mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox>" + Box(title) + "</v:textbox></v:shape></w:pict></mc:Fallback>" +
            "</mc:AlternateContent></w:r></w:p>" + RawDocx.P("一、总体情况")));
        var loaded = ReportDocument.Load(docx, DocumentKind.Docx);
        Assert.True(loaded.Document is not null, loaded.MessageEn);
        string text = loaded.Document!.Text;
        Assert.Equal(1, (text.Length - text.Replace(title, "", StringComparison.Ordinal).Length) / title.Length);
        Assert.Contains("一、总体情况", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tracked_changes_in_a_word_document_read_as_accepted()
    {
        // A deletion (w:del, its text in w:delText), an insertion (w:ins) and a move (w:moveFrom where the text was,
        // w:moveTo where it went), in a table cell as in a paragraph; a table row deleted (w:trPr/w:del).
        var docx = RawDocx.Bytes(w => w.Write(
            "<w:p><w:r><w:t>本年</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>上年</w:delText></w:r></w:del>" +
            "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>新收</w:t></w:r></w:ins>" +
            "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>申请</w:t></w:r></w:moveFrom><w:r><w:t>数量</w:t></w:r>" +
            "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>申请</w:t></w:r></w:moveTo></w:p>" +
            "<w:tbl><w:tr><w:tc><w:p><w:moveFrom w:id=\"5\" w:author=\"a\"><w:r><w:t>12</w:t></w:r></w:moveFrom>" +
            "<w:ins w:id=\"6\" w:author=\"a\"><w:r><w:t>13</w:t></w:r></w:ins></w:p></w:tc></w:tr>" +
            "<w:tr><w:trPr><w:del w:id=\"7\" w:author=\"a\"/></w:trPr><w:tc><w:p><w:r><w:t>99</w:t></w:r></w:p></w:tc></w:tr>" +
            "<w:tr><w:tc><w:p><w:r><w:t>14</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"));
        var loaded = ReportDocument.Load(docx, DocumentKind.Docx);
        Assert.True(loaded.Document is not null, loaded.MessageEn);
        Assert.Equal("本年新收数量申请", loaded.Document!.Text.Split('\n')[0]);
        var table = Assert.Single(loaded.Document.Tables);
        Assert.Equal("13", table[0, 0]!.Text);
        Assert.Equal("14", table[1, 0]!.Text);   // the deleted row (99) is not in the grid
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void A_word_document_over_the_size_limits_is_refused_without_unpacking_it()
    {
        var valid = ReportRenderer.RenderDocx(ReportReader.Read(File.ReadAllText(Tool.Sample("2019-gucheng-hui-township"))).Report!);

        // The file itself over the limit.
        var small = new DocumentLimits { MaxFileBytes = valid.Length - 1 };
        var file = ReportDocument.Load(valid, DocumentKind.Docx, small);
        Assert.Equal(DocumentProblem.TooLarge, file.Problem);
        Assert.Contains("too large", file.MessageEn);

        // A zip bomb: 64 MiB of spaces in a part, compressed to a few dozen KiB.
        var bomb = Replace(valid, "word/settings.xml", new byte[64 * 1024 * 1024], fill: (byte)' ');
        Assert.True(bomb.Length < 1024 * 1024);
        var unpacked = ReportDocument.Load(bomb, DocumentKind.Docx, new DocumentLimits { MaxUnpackedBytes = 16 * 1024 * 1024 });
        Assert.Equal(DocumentProblem.TooLarge, unpacked.Problem);
        Assert.Contains("zip bomb", unpacked.MessageEn);

        // Within the archive's limit but over the characters a part may have while it is read (ASCII: one byte, one character).
        var document = Replace(valid, "word/document.xml", System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" + new string('x', 6_000_000) + "</w:t></w:r></w:p></w:body></w:document>"));
        var characters = ReportDocument.Load(document, DocumentKind.Docx, new DocumentLimits { MaxUnpackedBytes = 10 * 1024 * 1024 });
        Assert.Equal(DocumentProblem.TooLarge, characters.Problem);
    }

    [Fact]
    public void Merged_cell_bombs_in_a_web_page_are_refused()
    {
        string html = "<table><tr><td colspan=\"1000\" rowspan=\"65534\">x</td></tr>" + string.Concat(Enumerable.Repeat("<tr><td colspan=\"1000\">1</td></tr>", 2000)) + "</table>";
        var loaded = ReportDocument.FromHtml(html);
        Assert.Equal(DocumentProblem.TooLarge, loaded.Problem);
        Assert.Contains("grid positions", loaded.MessageEn);
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The archive with one entry's content replaced (or filled with <paramref name="fill"/>).</summary>
    private static byte[] Replace(byte[] docx, string entryName, byte[] content, byte? fill = null)
    {
        if (fill is { } f)
            Array.Fill(content, f);
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var output = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                using var target = output.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName == entryName)
                    target.Write(content);
                else
                    entry.Open().CopyTo(target);
            }

            if (input.GetEntry(entryName) is null)
            {
                using var target = output.CreateEntry(entryName, CompressionLevel.Optimal).Open();
                target.Write(content);
            }
        }

        return stream.ToArray();
    }
}
