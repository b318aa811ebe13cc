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
    private readonly PackageFixture _package;

    public SnapshotPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void A_users_template_snapshot_is_created_accepted_and_then_shows_a_rule_change_as_a_diff()
    {
        var run = _package.Snapshots;

        Assert.True(run.First.ExitCode != 0, run.First.ToString());
        Assert.Contains("No verified snapshot TemplateTests.Template2025#summary.verified.txt yet", run.First.Output, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "TemplateTests.Template2025#GovInfoReports.TemplateRegistration.received.cs", "TemplateTests.Template2025#Report2025.Json.received.cs", "TemplateTests.Template2025#Report2025.Validation.received.cs", "TemplateTests.Template2025#Report2025.received.cs", "TemplateTests.Template2025#summary.received.txt" },
            run.FirstReceived);
        Assert.Contains("N1 [error] each column in proactiveDisclosure.enforcement", run.FirstSummary, StringComparison.Ordinal);

        Assert.True(run.Accepted.ExitCode == 0, run.Accepted.ToString());
        Assert.Empty(run.AcceptedReceived);

        // The rule added: the test fails, naming the rule in a diff of a few lines, in the two parts it changes.
        Assert.True(run.Changed.ExitCode != 0, run.Changed.ToString());
        Assert.Contains("+  N9 [warning] each column in proactiveDisclosure.enforcement: administrativePenalty <= administrativeInspection", run.Changed.Output, StringComparison.Ordinal);
        Assert.Contains("+        private void ValidateRule_N9(", run.Changed.Output, StringComparison.Ordinal);
        var diffLines = run.Changed.Output.Split('\n').Count(l => (l.StartsWith('+') && !l.StartsWith("+++")) || (l.StartsWith('-') && !l.StartsWith("---")));
        Assert.InRange(diffLines, 5, 60);
        Assert.Equal(new[] { "TemplateTests.Template2025#Report2025.Validation.received.cs", "TemplateTests.Template2025#summary.received.txt" }, run.ChangedReceived);
    }
}
