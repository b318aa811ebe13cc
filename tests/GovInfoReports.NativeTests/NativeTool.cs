using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using GovInfoReports.PackageTests.Infrastructure;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.NativeTests;

/// <summary>What a finished process wrote, byte for byte, and its exit code.</summary>
public sealed record ToolRun(string Command, int ExitCode, byte[] Out, byte[] Error)
{
    /// <summary>The standard output as UTF-8 text.</summary>
    public string OutText => System.Text.Encoding.UTF8.GetString(Out);

    /// <summary>The standard error as UTF-8 text.</summary>
    public string ErrorText => System.Text.Encoding.UTF8.GetString(Error);

    /// <summary>The command, its exit code and what it wrote, for assertion messages.</summary>
    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{OutText}\n{ErrorText}";
}

/// <summary>
/// Publishes the tool ahead of time once per test run (artifacts/native-tests/&lt;run&gt;/native/govinfo) and lays out a
/// folder of inputs of every kind the tool reads: the samples, the HTML and PDF document fixtures (readable, scanned,
/// encrypted, damaged), a Word file and a file of an unsupported kind.
/// </summary>
public sealed class NativeTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    /// <summary>Publishes the native tool; the publish's output is kept for the test of its warnings.</summary>
    public NativeTool()
    {
        string runs = Path.Combine(RepositoryRoot.Path, "artifacts", "native-tests");
        if (Directory.Exists(runs))
            foreach (var old in Directory.EnumerateDirectories(runs))
                Directory.Delete(old, recursive: true);
        RunDirectory = Path.Combine(runs, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
        string bin = Path.Combine(RunDirectory, "native");
        Directory.CreateDirectory(bin);

        string rid = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
                     RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        Publish = Start(DotNetHost, "dotnet", RepositoryRoot.Path,
            "publish", Path.Combine("src", "GovInfoReports.Cli", "GovInfoReports.Cli.csproj"), "-c", "Release", "-r", rid, "-p:NativeTool=true", "-o", bin);
        Executable = Path.Combine(bin, OperatingSystem.IsWindows() ? "govinfo.exe" : "govinfo");
        Managed = Path.Combine(AppContext.BaseDirectory, "govinfo.dll");

        // The inputs, under relative paths that both tools print alike.
        string inputs = Path.Combine(RunDirectory, "in");
        Directory.CreateDirectory(inputs);
        string fixtures = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Documents", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests", "samples"), "*.txt"))
            File.Copy(file, Path.Combine(inputs, Path.GetFileName(file)));
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.html"))
            File.Copy(file, Path.Combine(inputs, Path.GetFileName(file)));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixtures, "Pdf"), "*.pdf"))
            File.Copy(file, Path.Combine(inputs, Path.GetFileName(file)));
        File.WriteAllBytes(Path.Combine(inputs, "old-format.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        WordFile = Path.Combine(RunDirectory, "word", "2020-report.docx");
        Directory.CreateDirectory(Path.GetDirectoryName(WordFile)!);
        var render = RunManaged("render", Path.Combine("in", "2020-haiyuan-lijun-township.txt"), "--format", "docx", "-o", WordFile);
        if (render.ExitCode != 0)
            throw new InvalidOperationException("The framework-dependent tool could not render the Word input: " + render);
        File.Copy(WordFile, Path.Combine(inputs, Path.GetFileName(WordFile)));
    }

    /// <summary>This run's folder (git ignores artifacts/; earlier runs are removed).</summary>
    public string RunDirectory { get; }

    /// <summary>The output of <c>dotnet publish -p:NativeTool=true</c>.</summary>
    public ToolRun Publish { get; }

    /// <summary>The native executable.</summary>
    public string Executable { get; }

    /// <summary>The framework-dependent tool built with this project (its project reference).</summary>
    public string Managed { get; }

    /// <summary>A Word report rendered by the framework-dependent tool (also copied into the inputs).</summary>
    public string WordFile { get; }

    /// <summary>Runs the native tool in the run folder.</summary>
    public ToolRun RunNative(params string[] arguments)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException("The native tool was not built: " + Publish);
        return Start(Executable, "govinfo", RunDirectory, arguments);
    }

    /// <summary>Runs the framework-dependent tool (<c>dotnet govinfo.dll</c>) in the run folder.</summary>
    public ToolRun RunManaged(params string[] arguments) => Start(DotNetHost, "dotnet govinfo.dll", RunDirectory, [Managed, .. arguments]);

    private static string DotNetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static ToolRun Start(string fileName, string displayName, string workingDirectory, params string[] arguments)
    {
        var info = DotNet.StartInfo(fileName, workingDirectory, null, arguments);
        string command = displayName + " " + string.Join(" ", arguments[(fileName == DotNetHost && displayName != "dotnet" ? 1 : 0)..]);
        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(output), process.StandardError.BaseStream.CopyToAsync(error));
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{command}` did not finish within {Timeout.TotalMinutes} minutes.");
        }

        copies.Wait();
        return new ToolRun(command, process.ExitCode, output.ToArray(), error.ToArray());
    }
}

/// <summary>The collection sharing one native build.</summary>
[CollectionDefinition(Name)]
public sealed class NativeCollection : ICollectionFixture<NativeTool>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "native tool";
}
