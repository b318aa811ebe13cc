using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace GovInfoReports.HostileTests;

/// <summary>What one run of the tool gave.</summary>
/// <param name="Exit">The exit code.</param>
/// <param name="Output">The standard output.</param>
/// <param name="Error">The standard error (with <c>--stats</c>: the run's peak working set).</param>
internal sealed record ToolRun(int Exit, string Output, string Error)
{
    /// <summary>The per-file objects of the JSON results written with <c>--output</c>.</summary>
    public List<JsonElement> Files { get; init; } = new();

    /// <summary>The peak working set the tool reported for itself, in MiB.</summary>
    public double PeakMegabytes
    {
        get
        {
            var match = Regex.Match(Error, @"peak working set ([0-9.]+) MB");
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        }
    }

    /// <summary>The row of the file whose name ends with <paramref name="name"/>.</summary>
    public JsonElement File(string name) => Files.Single(f => f.GetProperty("file").GetString()!.EndsWith(name, StringComparison.Ordinal));
}

/// <summary>Runs the govinfo tool in a process of its own, as a user does: its crash is not the test host's.</summary>
internal static class Govinfo
{
    /// <summary>
    /// Long enough for any case on a slow shared machine; a run still going then is a hang (a FIFO read, a loop), which
    /// is what it guards against — it is not a speed target (speed is the benchmarks' business).
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static async Task<ToolRun> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govinfo.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"govinfo {string.Join(' ', arguments)} still running after {HangGuard.TotalMinutes} minutes");
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }

    /// <summary><c>govinfo validate folder --format json --output … --stats --lang en</c>, with its results read.</summary>
    public static async Task<ToolRun> Validate(string folder, string results)
    {
        var run = await Run("validate", folder, "--format", "json", "--output", results, "--stats", "--lang", "en");
        if (!System.IO.File.Exists(results))
            return run;
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(results));
        return run with { Files = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList() };
    }
}

/// <summary>A fresh temporary folder, removed when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govinfo-hostile-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
