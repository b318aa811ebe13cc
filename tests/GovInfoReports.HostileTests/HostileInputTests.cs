using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using static GovInfoReports.HostileTests.Inputs;

namespace GovInfoReports.HostileTests;

/// <summary>
/// Each hostile file beside a good report in one run of <c>govinfo validate</c>: the run ends normally, the good report
/// is read complete, the bad file is one row with a clear finding, no stack trace is printed, memory stays bounded.
/// </summary>
public class HostileInputTests
{
    private const string Good = "a-good.txt";
    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output) => _output = output;

    /// <summary>A hostile file: how to write it, what its row must say, and the peak memory the run must stay under.</summary>
    private sealed record Case(string File, Action<string> Write, Action<JsonElement> Check, double PeakMegabytes = 400);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Text: big, repetitive, one enormous line.
        ["128,000 repeated rows"] = new("b.txt",
            path => File.WriteAllText(path, Sample("2020-mianyang-town") + "\n" + Repeat("行政许可\t21\t+98\t1780\n", 128_000)),
            row => { Read(row, "2019"); Assert.Equal(1_001, Count(row, "EX18")); Assert.Contains("127000 more EX18", Findings(row).Last(f => f.GetProperty("rule").GetString() == "EX18").GetProperty("message").GetString(), StringComparison.Ordinal); }),
        ["a 10 MB line"] = new("b.txt",
            path => File.WriteAllText(path, Sample("2020-mianyang-town") + "\n" + Repeat("行政许可 1 2 3 ", 650_000)),
            row => Read(row, "2019"), PeakMegabytes: 600),
        ["a million row lines"] = new("b.txt",
            path => { using var w = new StreamWriter(path); w.Write(Sample("2020-mianyang-town")); Write(w, "\n1\t2\t3", 1_000_000); },
            row => Read(row, "2019"), PeakMegabytes: 700),
        ["63 MB of text"] = new("b.txt",
            path => { using var w = new StreamWriter(path); Write(w, Sample("2020-mianyang-town") + "\n", 63L * 1024 * 1024 / Encoding.UTF8.GetByteCount(Sample("2020-mianyang-town") + "\n")); },
            row => Read(row, "2019"), PeakMegabytes: 1_200),
        ["a damaged UTF-8 byte"] = new("b.txt",
            path => { var bytes = Encoding.UTF8.GetBytes(Sample("2020-mianyang-town")); bytes[Array.IndexOf(bytes, (byte)0xE6, 200)] = 0xFF; File.WriteAllBytes(path, bytes); },
            row => { Assert.Equal("utf-8", row.GetProperty("encoding").GetString()); Read(row, "2019"); Assert.Equal(1, Count(row, "IN06")); }),
        ["a value line printed twice"] = new("b.txt",
            path => File.WriteAllText(path, Sample("2020-mianyang-town").Replace("\t+98\n", "\t+98\n\t+98\n", StringComparison.Ordinal)),
            row =>
            {
                Assert.False(row.GetProperty("complete").GetBoolean());
                var finding = Findings(row).Single(f => f.GetProperty("rule").GetString() == "EX09");
                Assert.Equal("warning", finding.GetProperty("severity").GetString());
                Assert.Contains("proactiveDisclosure.licensing.administrativeLicensing.decisions", finding.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
            }),

        // Web pages: nested past any stack, or too many elements to build.
        ["6,000 nested tables"] = new("b.html",
            path => File.WriteAllText(path, Page(Repeat("<table><tr><td>", 6_000) + "1" + Repeat("</td></tr></table>", 6_000))),
            row => Refused(row, "IN05", "nested too deeply")),
        ["30,000 nested divs"] = new("b.html",
            path => File.WriteAllText(path, Page(Repeat("<div>", 30_000) + "1" + Repeat("</div>", 30_000))),
            row => Refused(row, "IN05", "nested too deeply")),
        ["30,000 spans in one cell"] = new("b.html",
            path => File.WriteAllText(path, Page("<table><tr><td>" + Repeat("<span>", 30_000) + "行政许可" + Repeat("</span>", 30_000) + "</td><td>1</td></tr></table>")),
            row => Refused(row, "IN05", "nested too deeply")),
        ["a 100,000-row table"] = new("b.html",
            path => File.WriteAllText(path, Page("<p>棉洋镇人民政府2020年政府信息公开工作年度报告</p><table><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>" + Repeat("<tr><td>行政许可</td><td>21</td><td>+98</td></tr>", 100_000) + "</table>")),
            row => Refused(row, "IN05", "too many elements")),
        ["a 49.5 MB page with a 500,000-row table"] = new("b.html",
            path => { using var w = new StreamWriter(path); w.Write("<html><body><table>"); Write(w, "<tr><td>行政许可</td><td>1</td><td>2</td><td>3</td><td>说明文字说明文字说明文字</td></tr>", 500_000); w.Write("</table></body></html>"); },
            row => Refused(row, "IN05", "too many elements")),

        // PDF files: a decompression bomb, too many pages, a page of countless strokes.
        ["a 140 KB PDF that unpacks to 300 MB"] = new("b.pdf",
            path => Pdf(path, 1, Repeat(" ", 1 << 20), repeat: 300, compress: true),
            row => Refused(row, "IN05", "unpacks to too much data")),
        ["a 600-page PDF"] = new("b.pdf",
            path => Pdf(path, 600, "BT /F1 12 Tf 72 720 Td (1) Tj ET\n"),
            row => Refused(row, "IN05", "too many pages")),
        ["a PDF page of 250,000 strokes"] = new("b.pdf",
            path => Pdf(path, 1, "0 0 m 1 1 l S\n", repeat: 250_000),
            row => Refused(row, "IN05", "too much content")),

        // Word documents: nested past any stack, big inside a small zip, attributes that are not numbers.
        ["20,000 nested content controls"] = new("b.docx",
            path => Docx(path, w => { Write(w, "<w:sdt><w:sdtContent>", 20_000); Write(w, "</w:sdtContent></w:sdt>", 20_000); }),
            row => Refused(row, "IN05", "nested too deeply")),
        ["20,000 nested tables"] = new("b.docx",
            path => Docx(path, w => { Write(w, "<w:tbl><w:tr><w:tc>", 20_000); w.Write(P("1")); Write(w, "</w:tc></w:tr></w:tbl>", 20_000); }),
            row => Refused(row, "IN05", "nested too deeply")),
        ["100,000 nested custom XML elements"] = new("b.docx",
            path => Docx(path, w => { Write(w, "<w:customXml w:element=\"x\">", 100_000); Write(w, "</w:customXml>", 100_000); }),
            row => Refused(row, "IN05", "nested too deeply")),
        ["100,000 nested unknown elements"] = new("b.docx",
            path => Docx(path, w => { Write(w, "<x:u xmlns:x=\"urn:x\">", 100_000); Write(w, "</x:u>", 100_000); }),
            row => Refused(row, "IN05", "nested too deeply")),
        ["120 MB of empty paragraphs in a small Word file"] = new("b.docx",
            path => Docx(path, w => Write(w, "<w:p/>", 20_000_000)),
            row => Refused(row, "IN05", "too many elements")),
        ["a 100,000-row Word table"] = new("b.docx",
            path => Docx(path, w => { w.Write("<w:tbl>" + LicensingHeader); Write(w, "<w:tr>" + Tc("行政许可") + Tc("21") + Tc("+98") + Tc("1780") + "</w:tr>", 100_000); w.Write("</w:tbl>"); }),
            row => Refused(row, "IN05", "too many elements")),
        ["30,000 vertically merged rows"] = new("b.docx",
            path => Docx(path, w => { w.Write("<w:tbl><w:tr>" + Tc("行政许可", "<w:vMerge w:val=\"restart\"/>") + Tc("1") + "</w:tr>"); Write(w, "<w:tr>" + Tc("许可", "<w:vMerge/>") + Tc("1") + "</w:tr>", 30_000); w.Write("</w:tbl>"); }),
            row => Assert.NotEmpty(Findings(row))),
        ["gridSpan=\"abc\""] = new("b.docx", path => Docx(path, w => w.Write("<w:tbl><w:tr>" + Tc("1", "<w:gridSpan w:val=\"abc\"/>") + "</w:tr></w:tbl>")), row => Refused(row, "IN04", "attribute value is invalid")),
        ["an overflowing gridSpan"] = new("b.docx", path => Docx(path, w => w.Write("<w:tbl><w:tr>" + Tc("1", "<w:gridSpan w:val=\"99999999999\"/>") + "</w:tr></w:tbl>")), row => Refused(row, "IN04", "attribute value is invalid")),
        ["gridBefore=\"x\""] = new("b.docx", path => Docx(path, w => w.Write("<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"x\"/></w:trPr>" + Tc("1") + "</w:tr></w:tbl>")), row => Refused(row, "IN04", "attribute value is invalid")),
        ["vMerge val=\"bogus\""] = new("b.docx", path => Docx(path, w => w.Write("<w:tbl><w:tr>" + Tc("1", "<w:vMerge w:val=\"bogus\"/>") + "</w:tr></w:tbl>")), row => Refused(row, "IN04", "attribute value is invalid")),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_file_is_one_clear_row_and_the_good_report_beside_it_is_read_complete(string name)
    {
        var hostile = Cases[name];
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(Good), Sample("2021-wuyuan-hesheng-township"));
        hostile.Write(folder.File(hostile.File));
        string results = Path.Combine(Path.GetTempPath(), "govinfo-hostile-" + Guid.NewGuid().ToString("N")[..12] + ".json");
        try
        {
            var run = await Govinfo.Validate(folder.Path, results);
            _output.WriteLine($"{name}: exit {run.Exit}, {new FileInfo(folder.File(hostile.File)).Length:N0} bytes, peak {run.PeakMegabytes} MB");
            _output.WriteLine(run.Error);

            Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
            Assert.InRange(run.Exit, 0, 1);
            Assert.Equal(2, run.Files.Count);
            var good = run.File(Good);
            Assert.True(good.GetProperty("complete").GetBoolean(), good.ToString());
            var bad = run.File(hostile.File);
            Assert.DoesNotContain(Findings(bad), f => f.GetProperty("rule").GetString() == "IN99");
            hostile.Check(bad);
            Assert.True(run.PeakMegabytes < hostile.PeakMegabytes, $"peak working set {run.PeakMegabytes} MB");
        }
        finally
        {
            File.Delete(results);
        }
    }

    private static IEnumerable<JsonElement> Findings(JsonElement row) => row.GetProperty("findings").EnumerateArray();

    private static int Count(JsonElement row, string rule) => Findings(row).Count(f => f.GetProperty("rule").GetString() == rule);

    private static void Read(JsonElement row, string template) =>
        Assert.True(row.GetProperty("template").ValueKind == JsonValueKind.String && row.GetProperty("template").GetString() == template, row.ToString()[..Math.Min(2000, row.ToString().Length)]);

    private static void Refused(JsonElement row, string code, string words)
    {
        var finding = Assert.Single(Findings(row));
        Assert.Equal(code, finding.GetProperty("rule").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains(words, finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
