using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// Runs the benchmarks named by the command line (BenchmarkDotNet's switcher), with allocations measured:
/// <c>dotnet run -c Release --project tests/GovInfoReports.Benchmarks -- --filter '*'</c> runs all of them,
/// <c>-- --filter '*' --job dry</c> (or <c>--job short</c>) is the quick smoke run. See README.md.
/// </summary>
public static class Program
{
    /// <returns>0, or 1 when a benchmark could not be built or run (a failed setup check included), so a smoke run can fail CI.</returns>
    public static int Main(string[] args)
    {
        // Reports go beside this project unless --artifacts says otherwise.
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Benchmarks", "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

        var failed = summaries
            .SelectMany(s => s.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo))
            .Concat(summaries.Where(s => s.HasCriticalValidationErrors).Select(s => s.Title + ": critical validation errors"))
            .ToList();
        if (failed.Count == 0)
            return 0;
        Console.Error.WriteLine($"{failed.Count} benchmark(s) failed:");
        foreach (var name in failed)
            Console.Error.WriteLine("  " + name);
        return 1;
    }
}
