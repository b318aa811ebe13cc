using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GovInfoReports.Cli;
using GovInfoReports.Tests;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// <c>govinfo validate &lt;folder&gt; --jobs &lt;cores&gt;</c>, in-process through <see cref="GovInfoCli.Run"/> with its
/// output to <see cref="TextWriter.Null"/>, over a folder of N generated reports of one of two corpora:
/// <c>consistent</c> (every report adds up, except one in ten with two mistyped totals: three findings — how a
/// real year's corpus looks) or <c>random</c> (random values: nearly every rule of every report fails, the
/// worst case for finding formatting); both templates alternately, rendered as text in four layouts (cell per line,
/// tabs, markdown, space-separated), 100 files a subfolder, written once in GlobalSetup to a temporary
/// folder. The baseline is the I/O floor: the same files only read (<see cref="File.ReadAllText(string)"/>,
/// in parallel on as many threads). N is 10,000, or the value of the environment variable
/// GOVINFO_BENCH_REPORTS (for smoke runs). Reports/s is N / Mean. Few iterations: an operation takes seconds.
/// </summary>
[Config(typeof(Config))]
[ProcessCount(1)]
[WarmupCount(1)]
[IterationCount(3)]
public class EndToEndBenchmarks
{
    /// <summary>The environment variable that sets N for a smoke run.</summary>
    public const string ReportsVariable = "GOVINFO_BENCH_REPORTS";

    private static readonly TextLayout[] Layouts = { TextLayout.CellPerLine, TextLayout.Tabs, TextLayout.Markdown, TextLayout.SpaceSeparated };

    private string _folder = "";
    private string[] _arguments = Array.Empty<string>();

    /// <summary><c>consistent</c>: 9 in 10 reports add up, 1 in 10 has two mistyped totals; <c>random</c>: random values.</summary>
    [Params("consistent", "random")]
    public string Corpus { get; set; } = "consistent";

    /// <summary>The number of report files in the folder.</summary>
    [ParamsSource(nameof(ReportCounts))]
    public int Reports { get; set; }

    public static IEnumerable<int> ReportCounts() =>
        new[] { int.TryParse(Environment.GetEnvironmentVariable(ReportsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 10_000 };

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "govinfo-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var templates = new[] { Report2019.Template, Report2021.Template };
        var utf8 = new UTF8Encoding(false);
        long bytes = 0;
        Parallel.For(0, Reports, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var report = Corpus == "random" ? SampleReports.Random(templates[i % 2], new Random(i))
                : i % 10 == 9 ? SampleReports.Invalid(SampleReports.Valid(templates[i % 2], seed: i))
                : SampleReports.Valid(templates[i % 2], seed: i);
            string text = TextLayouts.Render(report, Layouts[i / 2 % Layouts.Length], seed: i);
            string file = Path.Combine(_folder, (i / 100).ToString("D3", CultureInfo.InvariantCulture), i.ToString("D5", CultureInfo.InvariantCulture) + ".txt");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, utf8);
            Interlocked.Add(ref bytes, utf8.GetByteCount(text));
        });

        _arguments = new[] { "validate", _folder, "--jobs", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) };
        int exit = Validate();
        if (exit is not (GovInfoCli.Success or GovInfoCli.Findings))
        {
            var error = new StringWriter();
            GovInfoCli.Run(_arguments, TextWriter.Null, error);
            throw new InvalidOperationException($"govinfo validate exited with {exit}: {error}");
        }

        Console.WriteLine($"// {Corpus}: {Reports} reports, {bytes / 1e6:F1} MB (UTF-8) in {_folder}; --jobs {Environment.ProcessorCount}; exit code {exit}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Peak working set of this benchmark process: the generated folder, the harness and every iteration included.
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// Peak working set of the benchmark process: {process.PeakWorkingSet64 / 1e6:F1} MB (N = {Reports})");
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Benchmark(Baseline = true, Description = "Read every file (I/O floor)")]
    public long Read_files()
    {
        long chars = 0;
        var files = Directory.EnumerateFiles(_folder, "*.txt", SearchOption.AllDirectories);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            Interlocked.Add(ref chars, File.ReadAllText(file).Length));
        return chars;
    }

    [Benchmark(Description = "govinfo validate")]
    public int Validate() => GovInfoCli.Run(_arguments, TextWriter.Null, TextWriter.Null);

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddColumn(RateColumn.PerSecond(
                "Reports/s",
                "Reports/s: N / Mean, with --jobs = the number of logical cores; 10^6 reports take 10^6 / (Reports/s) seconds",
                c => (int)c.Parameters["Reports"]));
    }
}
