using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>The govinfo .NET tool: packed, installed from a feed into a tool path, and run over the samples.</summary>
[Collection(PackageCollection.Name)]
public sealed class ToolPackageTests
{
    private readonly PackageFixture _package;

    public ToolPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void The_tool_package_installs_and_its_govinfo_command_validates_the_samples()
    {
        string feed = Path.Combine(_package.RunDirectory, "tool-feed");
        var pack = DotNet.Run(Repository.Root, null, "pack", Path.Combine("src", "GovInfoReports.Cli", "GovInfoReports.Cli.csproj"), "-c", "Release", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.DoesNotContain(pack.Output.Split('\n'), l => l.Contains(": warning ", StringComparison.Ordinal));
        string nupkg = Directory.EnumerateFiles(feed, "GovInfoReports.Tool.*.nupkg").Single();
        string version = Path.GetFileNameWithoutExtension(nupkg)["GovInfoReports.Tool.".Length..];

        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var settings = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            using var reader = new StreamReader(settings.Open());
            Assert.Contains("<Command Name=\"govinfo\" EntryPoint=\"govinfo.dll\"", reader.ReadToEnd(), StringComparison.Ordinal);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.Name == "GovInfoReports.dll");
        }

        string tools = Path.Combine(_package.RunDirectory, "tools");
        var install = DotNet.Run(_package.RunDirectory, _package.Environment, "tool", "install", "--tool-path", tools, "--add-source", feed, "GovInfoReports.Tool", "--version", version);
        Assert.True(install.ExitCode == 0, install.ToString());

        var run = RunTool(Path.Combine(tools, "govinfo"), "validate", Path.Combine(Repository.Root, "tests", "samples"), "--lang", "en");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Files: 5 read, 5 reports recognised (4 complete, 1 partial), 0 not reports, 0 unreadable.", run.Output, StringComparison.Ordinal);
    }

    private static ProcessResult RunTool(string path, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(path + " " + string.Join(" ", arguments), process.ExitCode, output.Result + error.Result);
    }
}
