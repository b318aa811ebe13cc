using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>
/// A user's project (Consumer/) restores the package from the local feed, adds a fictitious 2025 template
/// (2021 plus the row 行政检查 and the rule N1) and uses what the generator makes of it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests
{
    private readonly PackageFixture _package;

    public ConsumerTests(PackageFixture package) => _package = package;

    [Fact]
    public void The_users_template_becomes_Report2025_in_the_registry_beside_the_packaged_ones()
    {
        var consumer = _package.Consumer;
        Assert.True(consumer.Run.ExitCode == 0, consumer.Run.ToString());
        Assert.Equal("2019,2021,2025", consumer.Fact("registry"));
        Assert.Equal("Consumer.Report2025", consumer.Fact("type"));

        // 2021 has 200 cells; the extra row has one (its one column, 本年处理决定数量).
        Assert.Equal("201", consumer.Fact("template.cells"));
        Assert.Equal(
            "E5.regulatoryDocuments,W4,X2,E5.licensing,E5.enforcement,N1,E5.fees,E1,E2,E3,E5.applications,X1,E4,E5.reviews",
            consumer.Fact("template.rules"));
    }

    [Fact]
    public void A_2025_format_text_is_detected_and_read_with_the_extra_row()
    {
        var consumer = _package.Consumer;
        Assert.Equal("2025", consumer.Fact("extract.template"));
        Assert.Equal("2025", consumer.Fact("extract.year"));
        Assert.Equal("示例县人民政府", consumer.Fact("extract.agency"));
        Assert.Equal("True", consumer.Fact("extract.complete"));
        Assert.Equal("", consumer.Fact("extract.findings"));

        // The values as written in Consumer/reports/2025-example-county.txt.
        string text = File.ReadAllText(Path.Combine(Repository.Consumer, "reports", "2025-example-county.txt"));
        Assert.Contains("行政检查\t35", text, StringComparison.Ordinal);
        Assert.Contains("行政处罚\t18", text, StringComparison.Ordinal);
        Assert.Equal("35", consumer.Fact("extract.inspection"));
        Assert.Equal("18", consumer.Fact("extract.penalty"));
        Assert.Equal("13", consumer.Fact("extract.applications.total"));
    }

    [Fact]
    public void The_generated_validator_passes_the_report_and_catches_the_broken_new_rule()
    {
        var consumer = _package.Consumer;
        Assert.Equal("", consumer.Fact("validate.findings"));

        // Inspections set to 5 while penalties (18) + coercions (2) are 20: N1 fails, nothing else.
        Assert.Equal("N1:Failed", consumer.Fact("broken.findings"));
        Assert.Equal("Error", consumer.Fact("broken.N1.severity"));
        Assert.Equal(
            "proactiveDisclosure.enforcement.administrativePenalty.decisions=18,proactiveDisclosure.enforcement.administrativeCoercion.decisions=2,proactiveDisclosure.enforcement.administrativeInspection.decisions=5",
            consumer.Fact("broken.N1.cells"));
        Assert.Equal(
            "column decisions: penalties plus coercions must not exceed inspections: administrativePenalty(18) + administrativeCoercion(2) > administrativeInspection(5), off by 15",
            consumer.Fact("broken.N1.message"));
    }

    [Fact]
    public void Json_round_trips_through_the_polymorphic_reader()
    {
        var consumer = _package.Consumer;
        Assert.Equal("Consumer.Report2025", consumer.Fact("json.type"));
        Assert.Equal("True", consumer.Fact("json.equal"));
        Assert.Equal("True", consumer.Fact("json.inspection"));

        // Loaded at run time from the same file: the same cells, the same JSON, the same N1 finding.
        Assert.Equal("GovInfoReports.LoadedReport", consumer.Fact("load.type"));
        Assert.Equal("True", consumer.Fact("load.sameCells"));
        Assert.Equal("True", consumer.Fact("load.sameJson"));
        Assert.Equal(consumer.Fact("broken.findings"), consumer.Fact("load.brokenFindings"));
        Assert.Equal("True", consumer.Fact("json.onePass"));
    }

    /// <summary>The committed 2025.json is the packaged 2021.json with exactly the edits README describes.</summary>
    [Fact]
    public void The_users_template_is_the_packaged_2021_plus_one_row_and_one_rule()
    {
        _ = _package.Consumer; // restores the package
        var packaged = JsonNode.Parse(File.ReadAllText(_package.PackageFile("schema/2021.json")))!;
        var user = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Consumer, "templates", "2025.json")))!;

        var enforcement = user["sections"]!.AsArray().Single(s => (string?)s!["id"] == "proactiveDisclosure")!["tables"]!.AsArray()
            .Single(t => (string?)t!["id"] == "enforcement")!;
        var rows = enforcement["rows"]!.AsArray();
        var rules = enforcement["rules"]!.AsArray();
        var markers = user["detection"]!["markers"]!.AsArray();
        Assert.Equal("行政检查", (string?)rows.Single(r => (string?)r!["id"] == "administrativeInspection")!["label"]);
        Assert.Equal("administrativePenalty + administrativeCoercion <= administrativeInspection", (string?)rules.Single(r => (string?)r!["id"] == "N1")!["assert"]);
        Assert.Equal(("2025", "Report2025", 2025), ((string?)user["id"], (string?)user["typeName"], (int?)user["appliesTo"]!["fromYear"]));

        // Undo the edits: what is left must be the packaged file, member for member.
        rows.Remove(rows.Single(r => (string?)r!["id"] == "administrativeInspection"));
        rules.Remove(rules.Single(r => (string?)r!["id"] == "N1"));
        markers.Remove(markers.Single(m => (string?)m == "行政检查"));
        foreach (var member in new[] { "id", "typeName", "title", "basis", "appliesTo" })
            user[member] = packaged[member]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(packaged, user), "2025.json differs from the packaged 2021.json in more than the documented edits");
    }

    /// <summary>A mistake in the user's template is a build error at its file, line and column.</summary>
    [Fact]
    public void A_broken_template_fails_the_build_naming_file_line_and_column()
    {
        var (file, text, build) = _package.Broken;
        const string Bad = BrokenBuild.Bad;

        Assert.NotEqual(0, build.ExitCode);

        // Line and column (1-based) of the unknown id inside the assert string, counted here from the text.
        int index = text.IndexOf(Bad, StringComparison.Ordinal) + Bad.IndexOf("administrativeInspections", StringComparison.Ordinal);
        int line = text[..index].Count(c => c == '\n') + 1;
        int column = index - (text.LastIndexOf('\n', index - 1) + 1) + 1;
        string expected = $"{file}({line},{column}): error GIR017: ";
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(errors.Any(l => l.StartsWith(expected, StringComparison.Ordinal) && l.Contains("administrativeInspections", StringComparison.Ordinal)),
            $"expected an error starting with '{expected}':{Environment.NewLine}{build}");

        // A template with errors generates no code, so the only other errors are the program's uses of Report2025.
        Assert.All(errors, l => Assert.True(
            l.Contains("error GIR017", StringComparison.Ordinal) || l.Contains("'Report2025'", StringComparison.Ordinal), l));
    }

    /// <summary>
    /// In the commonest project shape (the program in the global namespace with <c>using Consumer;</c>), a template that
    /// is not valid JSON still shows its GIR001 at file, line and column: the generator emits the namespace even then, so
    /// the C# errors that follow are about the missing types, not a missing namespace that hides the template's error.
    /// </summary>
    [Fact]
    public void A_template_missing_a_comma_fails_the_build_naming_it_even_with_using_the_generated_namespace()
    {
        var (file, text, build) = _package.BrokenUsing;
        Assert.NotEqual(0, build.ExitCode);

        // JSON reports the missing comma where the next member starts: the line after "id": "2025".
        int index = text.IndexOf(BrokenBuild.CommaMissing, StringComparison.Ordinal) + BrokenBuild.CommaMissing.Length;
        int line = text[..index].Count(c => c == '\n') + 2;
        string expected = $"{file}({line},";
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(errors.Any(l => l.StartsWith(expected, StringComparison.Ordinal) && l.Contains("error GIR001", StringComparison.Ordinal)),
            $"expected an error GIR001 starting with '{expected}':{Environment.NewLine}{build}");
        Assert.DoesNotContain(errors, l => l.Contains("error CS0246", StringComparison.Ordinal) && l.Contains("'Consumer'", StringComparison.Ordinal));
    }

    /// <summary>
    /// In a real build: a second build with no change does not compile (so the generator does not run), and
    /// editing one of two user templates changes only that template's generated files.
    /// </summary>
    [Fact]
    public void Builds_are_incremental_and_an_edit_regenerates_only_its_template()
    {
        string directory = _package.PrepareConsumer("incremental");
        string templates = Path.Combine(directory, "templates");

        // A second template in the same project: the 2025 file under another id and type name.
        string second = File.ReadAllText(Path.Combine(templates, "2025.json"))
            .Replace("\"id\": \"2025\"", "\"id\": \"2025-b\"", StringComparison.Ordinal)
            .Replace("\"typeName\": \"Report2025\"", "\"typeName\": \"Report2025B\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(templates, "2025-b.json"), second);
        string project = Path.Combine(directory, "Consumer.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<GovInfoTemplate Include=\"templates/2025.json\" />",
            "<GovInfoTemplate Include=\"templates/2025.json\" />\n    <GovInfoTemplate Include=\"templates/2025-b.json\" />",
            StringComparison.Ordinal));

        string[] properties = ["-p:EmitCompilerGeneratedFiles=true"];
        string assembly = Path.Combine(directory, "obj", "Debug", "net10.0", "Consumer.dll");
        string generated = Path.Combine(directory, "obj", "Debug", "net10.0", "generated");

        var first = _package.Build(directory, properties);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(generated);
        Assert.Contains(before.Keys, k => k.EndsWith("Report2025.g.cs", StringComparison.Ordinal));
        Assert.Contains(before.Keys, k => k.EndsWith("Report2025B.g.cs", StringComparison.Ordinal));
        var compiledAt = File.GetLastWriteTimeUtc(assembly);

        // No change: CoreCompile is skipped as up to date, so neither the compiler nor the generator runs.
        var second2 = _package.Build(directory, [.. properties, "-v:d"]);
        Assert.True(second2.ExitCode == 0, second2.ToString());
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", second2.Output, StringComparison.Ordinal);
        Assert.Equal(compiledAt, File.GetLastWriteTimeUtc(assembly));
        Assert.Equal(before, Snapshot(generated));

        // Edit one label of 2025.json: only Report2025's files change; Report2025B's and the registration stay as they were.
        string file = Path.Combine(templates, "2025.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"label\": \"行政检查\"", "\"label\": \"行政检查（含抽查）\"", StringComparison.Ordinal));
        var third = _package.Build(directory, properties);
        Assert.True(third.ExitCode == 0, third.ToString());
        var after = Snapshot(generated);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = before.Keys.Where(k => before[k] != after[k]).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["Report2025.g.cs"], changed);
    }

    /// <summary>The generated files under <paramref name="directory"/>, by relative path, with their text.</summary>
    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText, StringComparer.Ordinal);
}
