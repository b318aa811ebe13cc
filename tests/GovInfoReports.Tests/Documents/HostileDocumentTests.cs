using System;
using System.Linq;
using System.Text;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Tests.Extraction;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>Pages nested or sized to break a reader, and damaged text: a clean result, never a crash, nothing else lost.</summary>
public class HostileDocumentTests
{
    private static readonly IReport Mianyang = SampleExtractionTests.Read("2020-mianyang-town").Report!;

    /// <summary>The rendered sample report with its body wrapped in <paramref name="open"/> … <paramref name="close"/>.</summary>
    private static string Wrapped(string open, string close, int depth)
    {
        string page = ReportRenderer.RenderHtml(Mianyang);
        int body = page.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        int end = page.IndexOf("</body>", StringComparison.Ordinal);
        return page[..body] + string.Concat(Enumerable.Repeat(open, depth)) + page[body..end] + string.Concat(Enumerable.Repeat(close, depth)) + page[end..];
    }

    [Theory]
    [InlineData("<div>", "</div>", 10_000)]
    [InlineData("<span>", "</span>", 30_000)]
    [InlineData("<section><div>", "</div></section>", 5_000)]
    public void A_report_inside_elements_nested_thousands_deep_is_read_when_the_limit_allows_it(string open, string close, int depth)
    {
        // The walk keeps its own stack: tens of thousands of levels would overflow the thread's stack otherwise.
        var limits = new DocumentLimits { MaxDepth = int.MaxValue };
        var loaded = ReportDocument.FromHtml(Wrapped(open, close, depth), limits);
        var result = ReportReader.Read(Assert.IsType<ReportDocument>(loaded.Document));
        RenderRoundTripTests.AssertSameRecord(Mianyang, result, $"{depth} × {open}");
    }

    [Fact]
    public void Spans_nested_thirty_thousand_deep_in_one_cell_are_read_as_its_text()
    {
        string cell = string.Concat(Enumerable.Repeat("<span>", 30_000)) + "行政许可" + string.Concat(Enumerable.Repeat("</span>", 30_000));
        var loaded = ReportDocument.FromHtml($"<table><tr><td>{cell}</td><td>21</td></tr></table>", new DocumentLimits { MaxDepth = int.MaxValue });
        var table = Assert.Single(Assert.IsType<ReportDocument>(loaded.Document).Tables);
        Assert.Equal("行政许可", table[0, 0]!.Text);
        Assert.Equal("21", table[0, 1]!.Text);
    }

    [Theory]
    [InlineData("<table><tr><td>", "</td></tr></table>", 6_000)]
    [InlineData("<div>", "</div>", 30_000)]
    [InlineData("<b><i>", "</i></b>", 1_000)]
    public void A_page_nested_deeper_than_the_limit_is_refused_before_it_is_parsed(string open, string close, int depth)
    {
        var loaded = ReportDocument.FromHtml(Wrapped(open, close, depth));
        Assert.Null(loaded.Document);
        Assert.Equal(DocumentProblem.TooLarge, loaded.Problem);
        Assert.Contains("nested too deeply", loaded.MessageEn, StringComparison.Ordinal);
        Assert.Contains("嵌套过深", loaded.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_pages_nest_far_less_than_the_limit()
    {
        foreach (var name in new[] { "quirks-2021.html", "script-table-2019.html", "no-report-table.html" })
        {
            var html = System.IO.File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", name));
            // Read with a limit of 64 levels (the default is 1,000), and refused at 0: the estimate sees their elements.
            var loaded = ReportDocument.Load(html, DocumentKind.Html, new DocumentLimits { MaxDepth = 64 });
            Assert.True(loaded.Document is not null, name + ": " + loaded.MessageEn);
            Assert.Equal(DocumentProblem.TooLarge, ReportDocument.Load(html, DocumentKind.Html, new DocumentLimits { MaxDepth = 0 }).Problem);
        }
    }

    [Fact]
    public void A_page_of_more_tags_than_the_limit_is_refused_before_its_tree_is_built()
    {
        string page = "<html><body>" + new StringBuilder().Insert(0, "<b>1</b>", 600_000) + "</body></html>";
        long before = GC.GetAllocatedBytesForCurrentThread();
        var loaded = ReportDocument.FromHtml(page);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DocumentProblem.TooLarge, loaded.Problem);
        Assert.Contains("600002 tags", loaded.MessageEn, StringComparison.Ordinal);
        // Counting the tags allocates nothing per tag; parsing them would have built 600,000 elements (~1 KB each).
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Escaped_markup_in_a_script_counts_against_the_element_limit_too()
    {
        string rows = string.Concat(Enumerable.Repeat("\\u003Ctr>\\u003Ctd>1\\u003C/td>\\u003C/tr>", 2_000));
        string page = $"<html><body><script>document.write(\"\\u003Ctable>{rows}\\u003C/table>\");</script></body></html>";
        Assert.NotNull(ReportDocument.FromHtml(page).Document);
        Assert.Equal(DocumentProblem.TooLarge, ReportDocument.FromHtml(page, new DocumentLimits { MaxElements = 1_000 }).Problem);
    }

    [Theory]
    [MemberData(nameof(SampleExtractionTests.Samples), MemberType = typeof(SampleExtractionTests))]
    public void A_damaged_byte_in_a_UTF8_report_is_replaced_and_the_rest_read_as_UTF8(string name)
    {
        var original = SampleExtractionTests.Read(name);
        var bytes = Encoding.UTF8.GetBytes(SampleExtractionTests.Text(name));
        var leads = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] >= 0xC0).ToList();
        int reported = 0, tried = 0;
        for (int k = 0; k < leads.Count; k += Math.Max(1, leads.Count / 30))
        {
            var damaged = (byte[])bytes.Clone();
            damaged[leads[k]] = 0xFF;                       // never valid in UTF-8
            var loaded = ReportDocument.Load(damaged, DocumentKind.Text);
            Assert.Equal("utf-8", loaded.Encoding);
            Assert.InRange(loaded.InvalidSequences, 1, 4);    // the byte, and the continuation bytes it leaves orphaned
            var result = ReportReader.Read(loaded.Document!);
            Assert.Equal(original.TemplateId, result.TemplateId);
            for (int c = 0; c < result.Statuses.Count; c++)
            {
                if (result.Statuses[c] == CellStatus.Missing)
                    continue;
                Assert.Equal(original.Cells[c].Value, result.Cells[c].Value);
                reported++;
            }

            tried++;
        }

        // One damaged character costs at most the row whose label it is in.
        int before = original.Statuses.Count(s => s != CellStatus.Missing);
        Assert.True(reported >= before * tried * 9 / 10, $"{reported} of {before * tried}");
    }

    [Fact]
    public void A_GB18030_report_is_still_read_as_GB18030()
    {
        var original = SampleExtractionTests.Read("2020-mianyang-town");
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(SampleExtractionTests.Text("2020-mianyang-town"));
        var loaded = ReportDocument.Load(gbk, DocumentKind.Text);
        Assert.Equal("gb18030", loaded.Encoding);
        Assert.Equal(0, loaded.InvalidSequences);
        Assert.Equal(original.Statuses, ReportReader.Read(loaded.Document!).Statuses);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void A_pages_bytes_decide_its_encoding_whatever_its_meta_charset_says(string encoding)
    {
        string page = ReportRenderer.RenderHtml(Mianyang).Replace("<head>", "<head><meta charset=\"gbk\">", StringComparison.Ordinal);
        Assert.Contains("charset=\"gbk\"", page, StringComparison.Ordinal);
        var bytes = encoding == "utf-8" ? Encoding.UTF8.GetBytes(page) : CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(page);
        var loaded = ReportDocument.Load(bytes, DocumentKind.Html);
        Assert.Equal(encoding, loaded.Encoding);
        RenderRoundTripTests.AssertSameRecord(Mianyang, ReportReader.Read(loaded.Document!), encoding);
    }

    /// <summary>The mianyang sample's licensing table as a Word table, inside <paramref name="open"/> … <paramref name="close"/> repeated <paramref name="depth"/> times.</summary>
    private static byte[] WrappedDocx(string open, string close, int depth) => RawDocx.Bytes(w =>
    {
        for (int i = 0; i < depth; i++)
            w.Write(open);
        w.Write(RawDocx.P("行政许可情况") + "<w:tbl>" + RawDocx.Tr("信息内容", "上一年项目数量", "本年增/减", "处理决定数量") + RawDocx.Tr("行政许可", "21", "+98", "1780") + "</w:tbl>");
        for (int i = 0; i < depth; i++)
            w.Write(close);
    });

    [Theory]
    [InlineData("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 20_000)]
    [InlineData("<w:customXml w:element=\"x\">", "</w:customXml>", 100_000)]
    [InlineData("<x:u xmlns:x=\"urn:x\">", "</x:u>", 100_000)]
    public void A_Word_table_inside_elements_nested_a_hundred_thousand_deep_is_read_when_the_limit_allows_it(string open, string close, int depth)
    {
        var loaded = ReportDocument.FromDocx(WrappedDocx(open, close, depth), new DocumentLimits { MaxDepth = int.MaxValue });
        var table = Assert.Single(Assert.IsType<ReportDocument>(loaded.Document).Tables);
        Assert.Equal((2, 4), (table.RowCount, table.ColumnCount));
        Assert.Equal("1780", table[1, 3]!.Text);

        var refused = ReportDocument.FromDocx(WrappedDocx(open, close, depth));
        Assert.Equal(DocumentProblem.TooLarge, refused.Problem);
        Assert.Contains("nested too deeply", refused.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_tables_nested_twenty_thousand_deep_are_one_cell_of_text()
    {
        var bytes = RawDocx.Bytes(w =>
        {
            for (int i = 0; i < 20_000; i++)
                w.Write("<w:tbl><w:tr><w:tc>");
            w.Write(RawDocx.P("1"));
            for (int i = 0; i < 20_000; i++)
                w.Write("</w:tc></w:tr></w:tbl>");
        });
        var table = Assert.Single(ReportDocument.FromDocx(bytes, new DocumentLimits { MaxDepth = int.MaxValue }).Document!.Tables);
        Assert.Equal("1", table[0, 0]!.Text);
        Assert.Equal(DocumentProblem.TooLarge, ReportDocument.FromDocx(bytes).Problem);
    }

    [Fact]
    public void Thirty_thousand_vertically_merged_rows_are_one_cell_with_every_rows_text()
    {
        var bytes = RawDocx.Bytes(w =>
        {
            w.Write("<w:tbl><w:tr>" + RawDocx.Tc("甲", "<w:vMerge w:val=\"restart\"/>") + RawDocx.Tc("0") + "</w:tr>");
            for (int i = 1; i <= 30_000; i++)
                w.Write("<w:tr>" + RawDocx.Tc(i % 1000 == 0 ? "乙" : "", "<w:vMerge/>") + RawDocx.Tc(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "</w:tr>");
            w.Write("</w:tbl>");
        });
        var table = Assert.Single(ReportDocument.FromDocx(bytes, new DocumentLimits { MaxElements = 1_000_000 }).Document!.Tables);
        Assert.Equal(30_001, table.RowCount);
        var merged = table[30_000, 0]!;
        Assert.Equal((0, 30_001), (merged.Row, merged.RowSpan));
        Assert.Equal("甲" + string.Concat(Enumerable.Repeat(" 乙", 30)), merged.Text);
        Assert.Equal("30000", table[30_000, 1]!.Text);
    }

    [Fact]
    public void A_small_Word_file_of_twenty_million_empty_paragraphs_is_refused_as_it_is_read()
    {
        static (DocumentLoadResult Loaded, long Allocated) Load(int paragraphs)
        {
            var bytes = RawDocx.Bytes(w =>
            {
                for (int i = 0; i < paragraphs; i++)
                    w.Write("<w:p/>");
            });
            Assert.True(bytes.Length < 1_000_000, $"{bytes.Length} bytes");
            long before = GC.GetAllocatedBytesForCurrentThread();
            var loaded = ReportDocument.FromDocx(bytes);
            return (loaded, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        var (huge, hugeAllocated) = Load(20_000_000);
        var (limit, limitAllocated) = Load(DocumentLimits.Default.MaxElements + 1);
        Assert.Equal(DocumentProblem.TooLarge, huge.Problem);
        Assert.Contains("too many elements", huge.MessageEn, StringComparison.Ordinal);
        Assert.Equal(DocumentProblem.TooLarge, limit.Problem);
        // Reading stops at the limit: 40 times the paragraphs cost what the first ones past the limit cost (as a DOM,
        // 120 MB of them peaked at 2 GB).
        Assert.True(hugeAllocated < limitAllocated * 3 / 2, $"{hugeAllocated} bytes allocated, {limitAllocated} at the limit");
    }

    [Theory]
    [InlineData("<w:tcPr><w:gridSpan w:val=\"abc\"/></w:tcPr>", "")]
    [InlineData("<w:tcPr><w:gridSpan w:val=\"99999999999\"/></w:tcPr>", "")]
    [InlineData("<w:tcPr><w:vMerge w:val=\"bogus\"/></w:tcPr>", "")]
    [InlineData("", "<w:trPr><w:gridBefore w:val=\"x\"/></w:trPr>")]
    public void A_span_or_merge_attribute_Word_would_not_write_makes_the_file_corrupt(string cellProperties, string rowProperties)
    {
        var bytes = RawDocx.Bytes(w => w.Write($"<w:tbl><w:tr>{rowProperties}<w:tc>{cellProperties}{RawDocx.P("1")}</w:tc></w:tr></w:tbl>"));
        var loaded = ReportDocument.FromDocx(bytes);
        Assert.Equal(DocumentProblem.Corrupt, loaded.Problem);
        Assert.StartsWith("The Word document is corrupt: an attribute value is invalid", loaded.MessageEn, StringComparison.Ordinal);
    }
}
