using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>
/// The library is trimming-safe in practice, not only by its analyzers (IsTrimmable/IsAotCompatible with
/// warnings as errors): a consumer that reads, writes, exports and describes reports is published
/// self-contained with full trimming and warnings as errors, and the trimmed program gives the right output.
/// </summary>
// End to end (a consumer published self-contained and trimmed): slow, so in its own category, which CI runs with the rest
// (dotnet test --filter Category!=EndToEnd leaves it out of a quick local run).
[Trait("Category", "EndToEnd")]
public sealed class TrimmingTests
{
    private const string Program = """
        using GovInfoReports;
        using GovInfoReports.Export;
        using GovInfoReports.Serialization;
        using GovInfoReports.Templates;

        var json = "{\"template\":\"2019\",\"year\":2020,\"proactiveDisclosure\":{\"procurement\":{\"centralizedProcurement\":{\"projects\":18,\"amount\":{\"value\":258463.87,\"unit\":\"元\"}}}}}";
        var report = (Report2019)ReportJson.Deserialize(json);
        var csv = TidyCsv.ToCsv(report);
        var back = TidyCsvReader.Read(csv)[0].Report;
        System.Console.WriteLine(string.Join("|",
            report.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount,
            ReportJson.Serialize(back) == ReportJson.Serialize(report),
            TemplateRegistry.All.Count,
            ReportJsonSchema.Generate(Report2021.Template).Length > 1000,
            csv.Split('\n').Length - 2));
        """;

    [Fact]
    public void A_fully_trimmed_consumer_publishes_without_warnings_and_runs()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "GovInfoReports.dll");
        var directory = Directory.CreateTempSubdirectory("govinfo-trim-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RuntimeIdentifier>{RuntimeInformation.RuntimeIdentifier}</RuntimeIdentifier>
                    <SelfContained>true</SelfContained>
                    <PublishTrimmed>true</PublishTrimmed>
                    <TrimMode>full</TrimMode>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="GovInfoReports" HintPath="{library}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory.FullName, "Program.cs"), Program);
            var output = Path.Combine(directory.FullName, "out");

            var (code, log) = Run(DotNet(), $"publish -c Release -o \"{output}\" -nologo", directory.FullName);
            Assert.True(code == 0, "dotnet publish failed:\n" + log);
            var warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal) || l.Contains("error IL", StringComparison.Ordinal)).ToList();
            Assert.Empty(warnings);
            // Trimming really happened: the framework's reflection-heavy assemblies are gone.
            Assert.False(File.Exists(Path.Combine(output, "System.Xml.dll")), "System.Xml.dll should have been trimmed away");

            var (runCode, stdout) = Run(Path.Combine(output, "Consumer"), "", directory.FullName);
            Assert.Equal(0, runCode);
            // The library ships two templates (2019, 2021); the consumer adds none.
            Assert.Equal("258463.87元|True|2|True|198", stdout.Trim());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static (int Code, string Output) Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Do not inherit the test host's MSBuild state.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
