using System;
using System.IO;
using System.Linq;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>
/// GovInfoReports.Testing as a user gets it: their xUnit project snapshots their template (summary and generated
/// sources) with Verify's file conventions. No verified files: the test fails and writes *.received.*; accepted
/// (renamed to *.verified.*): it passes; a rule added to the template: it fails with a diff of about that rule.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SnapshotPackageTests
{
    private const string Rule = "{ \"id\": \"N9\", \"severity\": \"warning\", \"each\": \"column\", \"assert\": \"administrativePenalty <= administrativeInspection\" },";

    private readonly PackageFixture _package;

    public SnapshotPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void A_users_template_snapshot_is_created_accepted_and_then_shows_a_rule_change_as_a_diff()
    {
        string directory = _package.PrepareSnapshotTests("snapshots");

        var first = _package.Run(directory, "test");
        Assert.True(first.ExitCode != 0, first.ToString());
        Assert.Contains("No verified snapshot TemplateTests.Template2025#summary.verified.txt yet", first.Output, StringComparison.Ordinal);
        var received = Directory.GetFiles(directory, "*.received.*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "TemplateTests.Template2025#GovInfoReports.TemplateRegistration.received.cs", "TemplateTests.Template2025#Report2025.Json.received.cs", "TemplateTests.Template2025#Report2025.Validation.received.cs", "TemplateTests.Template2025#Report2025.received.cs", "TemplateTests.Template2025#summary.received.txt" },
            received);
        Assert.Contains("namespace Consumer", File.ReadAllText(Path.Combine(directory, "TemplateTests.Template2025#Report2025.received.cs")), StringComparison.Ordinal);
        Assert.Contains("N1 [", File.ReadAllText(Path.Combine(directory, "TemplateTests.Template2025#summary.received.txt")), StringComparison.Ordinal);

        // Accept, as a user does: rename *.received.* to *.verified.* (the generated C# is not compiled: the package's targets leave it out).
        foreach (var file in Directory.GetFiles(directory, "*.received.*"))
            File.Move(file, file.Replace(".received.", ".verified.", StringComparison.Ordinal));
        var accepted = _package.Run(directory, "test");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Empty(Directory.GetFiles(directory, "*.received.*"));

        // A rule added: the test fails, naming the rule in a diff of a few lines.
        string template = Path.Combine(directory, "templates", "2025.json");
        string text = File.ReadAllText(template);
        int at = text.IndexOf("\"id\": \"N1\"", StringComparison.Ordinal);
        Assert.True(at > 0, "the consumer's template has no rule N1");
        File.WriteAllText(template, text.Insert(text.LastIndexOf('{', at), Rule + "\n"));
        var changed = _package.Run(directory, "test", "--no-build");
        Assert.True(changed.ExitCode != 0, changed.ToString());
        Assert.Contains("+  N9 [warning] each column in proactiveDisclosure.enforcement: administrativePenalty <= administrativeInspection", changed.Output, StringComparison.Ordinal);
        var diffLines = changed.Output.Split('\n').Count(l => (l.StartsWith('+') && !l.StartsWith("+++")) || (l.StartsWith('-') && !l.StartsWith("---")));
        Assert.InRange(diffLines, 5, 60);
        Assert.Equal(
            new[] { "TemplateTests.Template2025#Report2025.Validation.received.cs", "TemplateTests.Template2025#summary.received.txt" },
            Directory.GetFiles(directory, "*.received.*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
