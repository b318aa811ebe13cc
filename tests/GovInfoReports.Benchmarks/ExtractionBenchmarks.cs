using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using GovInfoReports.Extraction;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// <see cref="ReportReader.Read"/> on each sample report in tests/samples (template detection, matching,
/// values, findings), against the floor any extractor pays: one pass over the same string that only
/// counts ASCII digits. The MB/s column is the file's UTF-8 size over the mean time (one core).
/// </summary>
[Config(typeof(Config))]
public class ExtractionBenchmarks
{
    private static readonly ConcurrentDictionary<string, int> Sizes = new(StringComparer.Ordinal);

    private string _text = "";

    /// <summary>The sample's file name in tests/samples.</summary>
    [ParamsSource(nameof(SampleNames))]
    public string Sample { get; set; } = "";

    public static IEnumerable<string> SampleNames() =>
        Directory.GetFiles(SamplesFolder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string SamplesFolder => Path.Combine(RepositoryRoot.Path, "tests", "samples");

    /// <summary>The UTF-8 size of a sample file in bytes.</summary>
    public static int Size(string sample) => Sizes.GetOrAdd(sample, s => Encoding.UTF8.GetByteCount(File.ReadAllText(Path.Combine(SamplesFolder, s))));

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(SamplesFolder, Sample));
        var result = ReportReader.Read(_text);
        if (result.Report is null)
            throw new InvalidOperationException($"{Sample} gives no report: " + string.Join("; ", result.Findings));
        Console.WriteLine($"// {Sample}: {Size(Sample)} UTF-8 bytes, {_text.Length} chars, template {result.TemplateId}, complete={result.IsComplete}, {Count_digits()} digits");
    }

    [Benchmark(Baseline = true, Description = "Count ASCII digits (floor)")]
    public int Count_digits()
    {
        int digits = 0;
        foreach (char c in _text)
        {
            if ((uint)(c - '0') <= 9)
                digits++;
        }

        return digits;
    }

    [Benchmark(Description = "ReportReader.Read")]
    public ReadResult Read() => ReportReader.Read(_text);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(RateColumn.MegabytesPerSecond(
                "MB/s: UTF-8 bytes of the sample file / Mean, in 10^6 bytes per second (one core)",
                c => Size((string)c.Parameters["Sample"])));
            // The whole file name, not BenchmarkDotNet's default of 20 characters.
            SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
        }
    }
}
