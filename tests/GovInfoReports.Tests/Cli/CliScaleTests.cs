using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GovInfoReports.Cli;
using Xunit;
using Xunit.Abstractions;

namespace GovInfoReports.Tests.Cli;

/// <summary>A folder of 2,000 reports, validated by the tool in its own process: bounded memory, every file in order.</summary>
// End to end (the memory of a 2,000-file run of the tool in its own process): slow, so in its own category, which CI runs with the rest
// (dotnet test --filter Category!=EndToEnd leaves it out of a quick local run).
[Trait("Category", "EndToEnd")]
public sealed class CliScaleTests
{
    private const int Files = 2000;
    private const double PeakLimitMb = 300;

    private readonly ITestOutputHelper _output;

    public CliScaleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async System.Threading.Tasks.Task Two_thousand_reports_validate_with_peak_memory_under_300_MB()
    {
        using var folder = new Tool.Folder();
        var random = new Random(2026);
        var templates = new[] { Report2019.Template, Report2021.Template };
        for (int i = 0; i < Files; i++)
        {
            var report = JsonTests.RandomReport(templates[i % 2], random);
            var layout = TextLayouts.All[i % TextLayouts.All.Length];
            folder.Write($"{i / 100:D2}/{i:D4}.txt", TextLayouts.Render(report, layout, i));
        }

        string results = Path.Combine(folder.Path, "results.json");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "govinfo.dll"), "validate", folder.Path, "--format", "json", "--output", results, "--stats", "--lang", "en" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        string stderr = await stderrTask;
        _output.WriteLine(stderr);

        // Random values do not add up: error findings, exit code 1 — but every file is read, in order.
        Assert.Equal(GovInfoCli.Findings, process.ExitCode);
        Assert.Equal("", await stdout);
        var files = Tool.Files(File.ReadAllText(results));
        Assert.Equal(Files, files.Count);
        Assert.Equal(Enumerable.Range(0, Files).Select(i => $"{i:D4}.txt"), files.Select(f => Path.GetFileName(f.GetProperty("file").GetString())));
        Assert.All(files, f => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, f.GetProperty("template").ValueKind));
        Assert.Contains($"Files: {Files} read, {Files} reports recognised", stderr, StringComparison.Ordinal);

        var peak = Regex.Match(stderr, @"peak working set ([0-9.]+) MB");
        Assert.True(peak.Success, stderr);
        double megabytes = double.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(megabytes < PeakLimitMb, $"peak working set {megabytes} MB");
    }
}
