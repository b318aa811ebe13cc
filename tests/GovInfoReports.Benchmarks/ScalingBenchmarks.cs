using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// Each reader on inputs of n, 4n and 16n rows (issue 22: every stage linear): the mianyang sample followed by a table of
/// <c>2,500 × Scale</c> rows that repeat its 行政许可 row, so that every extra row is matched and found a duplicate
/// (EX18; the first 1,000 are listed, the rest counted) — the costliest row a file can add. Load (decode, parse, grid) and read, from the file's bytes.
/// Linear means the 4n time within 5× the n time (and 16n within 5× 4n).
/// </summary>
[Config(typeof(Config))]
public class ScalingBenchmarks
{
    /// <summary>
    /// The garbage collector as the govinfo tool runs it (not concurrent: a batch tool has no UI thread to keep
    /// responsive). With background collections, the time of building a large DOM swung by 2× from run to run.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithGcConcurrent(false).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }

    public enum Reader
    {
        Text,
        Html,
        Docx,
    }

    private const int RowsPerScale = 2_500;

    /// <summary>The 16n Word file has more elements than a document may by default: the limit is not what is measured here.</summary>
    private static readonly DocumentLimits Unlimited = new() { MaxElements = int.MaxValue };

    private byte[] _bytes = Array.Empty<byte>();

    [Params(Reader.Text, Reader.Html, Reader.Docx)]
    public Reader Kind { get; set; }

    [Params(1, 4, 16)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string sample = File.ReadAllText(Path.Combine(ExtractionBenchmarks.SamplesFolder, "2020-mianyang-town.txt"));
        int rows = RowsPerScale * Scale;
        _bytes = Kind switch
        {
            Reader.Text => Encoding.UTF8.GetBytes(sample + "\n" + string.Concat(Enumerable.Repeat("行政许可\t21\t+98\t1780\n", rows))),
            Reader.Html => Encoding.UTF8.GetBytes(Html(sample, rows)),
            _ => Docx(sample, rows),
        };
        var result = Read();
        if (result.TemplateId != "2019" || result.Findings.Count(f => f.Issue == ExtractionIssue.DuplicateRow) != 1_001)
            throw new InvalidOperationException($"{Kind} × {Scale}: template {result.TemplateId}, {result.Findings.Count} findings");
        Console.WriteLine($"// {Kind} × {Scale}: {_bytes.Length} bytes, {result.Findings.Count} findings");
    }

    [Benchmark(Description = "Load and read")]
    public ReadResult Read()
    {
        var loaded = ReportDocument.Load(_bytes, Kind == Reader.Text ? DocumentKind.Text : Kind == Reader.Html ? DocumentKind.Html : DocumentKind.Docx, Unlimited);
        return ReportReader.Read(loaded.Document ?? throw new InvalidOperationException(loaded.MessageEn));
    }

    private static string Html(string sample, int rows)
    {
        string page = ReportRenderer.RenderHtml(ReportReader.Read(sample).Report!);
        string table = "<table><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>"
            + string.Concat(Enumerable.Repeat("<tr><td>行政许可</td><td>21</td><td>+98</td><td>1780</td></tr>", rows)) + "</table>";
        return page.Replace("</body>", table + "</body>", StringComparison.Ordinal);
    }

    private static byte[] Docx(string sample, int rows) => RawDocx.Bytes(w =>
    {
        // The sample's lines as paragraphs, tab-separated cells kept as tabs (the text matcher reads them as cells).
        foreach (var line in sample.Split('\n'))
            w.Write(RawDocx.P(System.Security.SecurityElement.Escape(line.Replace("\t", " | ", StringComparison.Ordinal))));
        w.Write("<w:tbl>" + RawDocx.Tr("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"));
        for (int i = 0; i < rows; i++)
            w.Write(RawDocx.Tr("行政许可", "21", "+98", "1780"));
        w.Write("</w:tbl>");
    });
}
