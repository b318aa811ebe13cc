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
        var tool = _package.Tool;
        Assert.DoesNotContain(tool.Pack.Output.Split('\n'), l => l.Contains(": warning ", StringComparison.Ordinal));
        using (var zip = ZipFile.OpenRead(tool.Package))
        {
            var settings = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            using var reader = new StreamReader(settings.Open());
            Assert.Contains("<Command Name=\"govinfo\" EntryPoint=\"govinfo.dll\"", reader.ReadToEnd(), StringComparison.Ordinal);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.Name == "GovInfoReports.dll");
        }

        var run = DotNet.Tool(tool.Path, _package.RunDirectory, "validate", Path.Combine(Repository.Root, "tests", "samples"), "--lang", "en");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Files: 5 read, 5 reports recognised (4 complete, 1 partial), 0 not reports, 0 unreadable.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_tool_checks_a_users_template_as_the_build_does_and_reads_its_reports_with_templates()
    {
        // The consumer's broken copy: check prints the build's GIR017 line, without building, and exits 1.
        var broken = _package.Broken;
        string directory = Path.GetDirectoryName(Path.GetDirectoryName(broken.File))!;
        var check = _package.RunTool(directory, "check", "templates/2025.json");
        Assert.Equal(1, check.ExitCode);
        var line = check.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.Contains(": error GIR017: ", StringComparison.Ordinal));
        Assert.StartsWith("templates/2025.json(", line, StringComparison.Ordinal);
        Assert.Contains(broken.Build.Output.Split('\n'), l => l.TrimEnd('\r').Contains(Path.Combine(directory, line), StringComparison.Ordinal));

        // The consumer's good template, used by the tool without compiling it: its report is read whole as 2025.
        var consumer = _package.Consumer;
        var validate = _package.RunTool(consumer.Directory, "validate", "--templates", "templates/2025.json", "reports/2025-example-county.txt", "--format", "json", "--lang", "en");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("\"template\":\"2025\"", validate.Output, StringComparison.Ordinal);
        Assert.Contains("\"complete\":true", validate.Output, StringComparison.Ordinal);
        Assert.Equal(0, _package.RunTool(consumer.Directory, "check", "templates/2025.json").ExitCode);
    }
}
