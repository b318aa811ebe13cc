using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Cli;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Serialization;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary><c>govinfo</c> with web pages and Word documents: read wherever text is read, and <c>render</c>.</summary>
public class CliDocumentTests
{
    private static readonly string[] SampleNames = Directory.GetFiles(Tool.Samples, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Validate_reads_html_and_docx_in_a_folder_as_it_reads_text()
    {
        using var folder = new Tool.Folder();
        foreach (var name in SampleNames)
        {
            var report = ReportReader.Read(File.ReadAllText(Tool.Sample(name))).Report!;
            File.Copy(Tool.Sample(name), Path.Combine(folder.Path, name + ".txt"));
            folder.Write(name + ".html", ReportRenderer.RenderHtml(report));
            folder.WriteBytes(name + ".docx", ReportRenderer.RenderDocx(report));
        }

        folder.WriteBytes("~$lock.docx", [1, 2, 3]); // Word's lock file is no report and is left out

        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json");
        var files = Tool.Files(output);
        Assert.Equal(SampleNames.Length * 3, files.Count);
        foreach (var name in SampleNames)
        {
            var text = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("/" + name + ".txt", StringComparison.Ordinal));
            foreach (var extension in new[] { ".html", ".docx" })
            {
                var other = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("/" + name + extension, StringComparison.Ordinal));
                foreach (var property in new[] { "template", "year", "agency" })
                    Assert.Equal(text.GetProperty(property).ToString(), other.GetProperty(property).ToString());
                Assert.True(other.GetProperty("complete").GetBoolean(), name + extension);

                // The same rules of the tables fail; a rendered table has every cell, so nothing is left unassessable.
                // (The rendering holds the tables only, not the prose parts 一、五、六, whose findings are left aside.)
                var parts = Report2021.Template.Parts.Select(p => p.Id).ToHashSet();
                var rules = (JsonElement f) => f.GetProperty("findings").EnumerateArray().Where(x => x.GetProperty("source").GetString() == "report" && !parts.Contains(x.GetProperty("rule").GetString()!)).Select(x => x.GetProperty("rule").GetString()).ToList();
                Assert.Equal(rules(text), rules(other));
            }
        }

        Assert.Equal(files.Any(f => f.GetProperty("findings").EnumerateArray().Any(x => x.GetProperty("severity").GetString() == "error")) ? GovInfoCli.Findings : GovInfoCli.Success, exit);
    }

    [Fact]
    public void Export_and_extract_accept_html_and_docx()
    {
        using var folder = new Tool.Folder();
        var report = ReportReader.Read(File.ReadAllText(Tool.Sample("2021-wuyuan-hesheng-township"))).Report!;
        string docx = folder.WriteBytes("report.docx", ReportRenderer.RenderDocx(report));
        string html = folder.Write("report.html", ReportRenderer.RenderHtml(report));

        var extracted = Tool.Run("extract", docx, "--format", "json");
        Assert.Equal(GovInfoCli.Success, extracted.Exit);
        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(ReportJson.Deserialize(extracted.Out)));

        var csv = Tool.Run("export", html, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(report.Template.Cells.Count + 1, csv.Length);
    }

    [Fact]
    public void Render_lays_a_report_document_out_in_each_format_and_extract_reads_it_back()
    {
        using var folder = new Tool.Folder();
        var report = ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town"))).Report!;
        string json = folder.Write("report.json", ReportJson.Serialize(report));

        foreach (var (format, extension) in new[] { ("html", ".html"), ("md", ".md"), ("txt", ".txt"), ("docx", ".docx") })
        {
            string target = Path.Combine(folder.Path, "rendered" + extension);
            var run = Tool.Run("render", json, "--format", format, "--output", target);
            Assert.True(run.Exit == GovInfoCli.Success, format + ": " + run.Err);
            var loaded = ReportDocument.Load(target);
            var back = ReportReader.Read(loaded.Document!).Report!;
            Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(back));
        }

        // To the standard output, with the official merged cells; a report file is read first.
        var html = Tool.Run("render", Tool.Sample("2020-mianyang-town"));
        Assert.Equal(GovInfoCli.Success, html.Exit);
        Assert.Contains("<td class=\"label\" rowspan=\"20\">三、本年度办理结果</td>", html.Out);
        Assert.Equal(ReportRenderer.RenderMarkdown(report), Tool.Run("render", json, "-f", "md").Out);
    }

    [Fact]
    public void Render_refuses_what_it_cannot_do_with_a_usage_error()
    {
        using var folder = new Tool.Folder();
        string json = folder.Write("report.json", ReportJson.Serialize(ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town"))).Report!));

        var binary = Tool.Run("render", json, "--format", "docx");
        Assert.Equal(GovInfoCli.UsageOrIo, binary.Exit);
        Assert.Contains("give --output", binary.Err);

        var notJson = Tool.Run("render", folder.Write("bad.json", "{\"template\": 1}"));
        Assert.Equal(GovInfoCli.UsageOrIo, notJson.Exit);
        Assert.Contains("is not a report document", notJson.Err);

        var noReport = Tool.Run("render", folder.Write("notice.txt", "关于做好防汛工作的通知\n各村：请做好准备。\n"));
        Assert.Equal(GovInfoCli.UsageOrIo, noReport.Exit);
        Assert.Contains("holds no annual report table", noReport.Err);

        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("render", json, "--format", "pdf").Exit);
        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("render", Path.Combine(folder.Path, "missing.json")).Exit);
    }

    [Fact]
    public void A_corrupt_docx_an_oversized_docx_and_a_page_without_a_report_each_give_one_clear_row()
    {
        using var folder = new Tool.Folder();
        var valid = ReportRenderer.RenderDocx(ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town"))).Report!);
        folder.WriteBytes("a-corrupt.docx", valid.AsSpan(0, valid.Length / 3).ToArray());
        folder.WriteBytes("b-bomb.docx", ZipBomb(DocumentLimits.Default.MaxUnpackedBytes + 1));
        folder.Write("c-notice.html", "<html><body><h1>关于开展2021年度防汛检查的通知</h1><table><tr><td>日期</td><td>人员</td></tr><tr><td>7月1日</td><td>张三</td></tr></table></body></html>");
        folder.WriteBytes("d-report.docx", valid);

        var (exit, output, error) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
        Assert.Equal(GovInfoCli.Findings, exit);
        Assert.DoesNotContain("Exception", error);
        Assert.Contains("Files: 4 read, 1 reports recognised (1 complete, 0 partial)", error);
        var files = Tool.Files(output);
        Assert.Equal(4, files.Count);
        JsonElement Only(int i) => Assert.Single(files[i].GetProperty("findings").EnumerateArray());
        Assert.Equal(("IN04", "input"), (Only(0).GetProperty("rule").GetString(), Only(0).GetProperty("source").GetString()));
        Assert.StartsWith("The Word document is corrupt", Only(0).GetProperty("message").GetString());
        Assert.Equal("IN05", Only(1).GetProperty("rule").GetString());
        Assert.Contains("zip bomb", Only(1).GetProperty("message").GetString());
        Assert.Equal("EX01", Only(2).GetProperty("rule").GetString());
        Assert.Equal("2019", files[3].GetProperty("template").GetString());
        Assert.True(files[3].GetProperty("complete").GetBoolean());
    }

    /// <summary>A .docx-named archive whose one entry unpacks to <paramref name="size"/> zero bytes (about 1/1000 of that packed).</summary>
    private static byte[] ZipBomb(long size)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length)
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
        }

        return stream.ToArray();
    }
}
