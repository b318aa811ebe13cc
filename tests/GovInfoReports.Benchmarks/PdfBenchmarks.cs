using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// PDF reports (the committed fixtures: Word documents converted by LibreOffice, web pages printed by Chromium):
/// opening the file and finding its tables (<c>ReportDocument.Load</c>), and the whole read to a report
/// (<c>ReportReader.Read</c> on the loaded document). The baseline is reading the file's bytes. Column MB/s is the
/// PDF file's size / Mean. The side-by-side ratio to poppler's <c>pdftotext -layout</c>, process to process, is in
/// README.md (measured with <c>time</c>: a benchmark cannot run that tool).
/// </summary>
[Config(typeof(Config))]
public class PdfBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();

    [ParamsSource(nameof(Fixtures))]
    public string Fixture { get; set; } = "";

    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Documents", "Fixtures", "Pdf");

    public static IEnumerable<string> Fixtures() =>
        Directory.GetFiles(Folder, "*.expected.json").Select(f => Path.GetFileName(f)[..^".expected.json".Length] + ".pdf").Order(StringComparer.Ordinal);

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(Path.Combine(Folder, Fixture));
        var read = Read();
        if (read.Report is null)
            throw new InvalidOperationException(Fixture + " gives no report");
        Console.WriteLine($"// {Fixture}: {_bytes.Length} bytes, template {read.TemplateId}, complete={read.IsComplete}");
    }

    [Benchmark(Baseline = true, Description = "Read the file's bytes (floor)")]
    public byte[] ReadBytes() => File.ReadAllBytes(Path.Combine(Folder, Fixture));

    [Benchmark(Description = "ReportDocument.Load (PDF → tables)")]
    public ReportDocument Load() => ReportDocument.Load(_bytes, DocumentKind.Pdf).Document!;

    [Benchmark(Description = "Load + ReportReader.Read (PDF → report)")]
    public ReadResult Read() => ReportReader.Read(ReportDocument.Load(_bytes, DocumentKind.Pdf).Document!);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(RateColumn.MegabytesPerSecond(
                "MB/s: bytes of the PDF file / Mean, in 10^6 bytes per second (one core)",
                c => new FileInfo(Path.Combine(Folder, (string)c.Parameters["Fixture"])).Length));
            SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
        }
    }
}
