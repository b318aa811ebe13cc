using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>
/// The data-driven conformance suite: every case of Conformance/cases/*.json is (a report document, options,
/// optionally the previous year's report, the expected findings). Findings must match exactly (rule,
/// instance, kind; severity, cells, blank cells, difference and message where the case states them), and the
/// compiled validator must agree with the interpreter over the same rule descriptors.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string Directory = System.IO.Path.Combine(AppContext.BaseDirectory, "Conformance", "cases");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var cases = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var c in cases.RootElement.EnumerateArray())
                data.Add(System.IO.Path.GetFileNameWithoutExtension(file), c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_forty_cases_and_covers_every_rule_of_both_templates()
    {
        var cases = Cases().Select(row => Load((string)row[0], (string)row[1])).ToList();
        Assert.True(cases.Count >= 40, $"{cases.Count} cases");
        var failing = cases.SelectMany(c => c.GetProperty("expected").EnumerateArray()).Select(e => e.GetProperty("rule").GetString()).ToHashSet();
        foreach (var template in new[] { Report2019.Template, Report2021.Template })
        {
            // E5 (no negative values) cannot be broken by a JSON document: the reader refuses negatives. ValidationTests covers it.
            foreach (var rule in template.Rules.Where(r => !r.Id.StartsWith("E5.", StringComparison.Ordinal)))
                Assert.True(failing.Contains(rule.Id), $"no conformance case makes {template.Id} rule {rule.Id} fail");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, string name)
    {
        var c = Load(file, name);
        var report = ReportJson.Deserialize(c.GetProperty("report").GetRawText());
        var options = Options(c, report);
        IReadOnlyList<ValidationFinding> findings;
        if (c.TryGetProperty("previous", out var previousJson))
        {
            var previous = ReportJson.Deserialize(previousJson.GetRawText());
            options = WithPreviousMissing(c, options, previous.Template);
            findings = ReportValidator.ValidateCrossYear(report, previous, options);
        }
        else
        {
            findings = ReportValidator.Validate(report, options);
            var interpreted = ReportValidator.Interpret(report, options);
            Assert.Equal(findings.Select(ValidationTests.Describe), interpreted.Select(ValidationTests.Describe));
        }

        var expected = c.GetProperty("expected").EnumerateArray().ToList();
        Assert.Equal(
            expected.Select(Key).Order(StringComparer.Ordinal),
            findings.Select(f => f.RuleId + "|" + f.Context + "|" + Kind(f.Kind)).Order(StringComparer.Ordinal));

        foreach (var e in expected)
        {
            var finding = findings.Single(f => f.RuleId + "|" + f.Context + "|" + Kind(f.Kind) == Key(e));
            if (e.TryGetProperty("severity", out var severity))
                Assert.Equal(severity.GetString(), finding.Severity.ToString().ToLowerInvariant());
            if (e.TryGetProperty("cells", out var cells))
                Assert.Equal(Strings(cells).Order(StringComparer.Ordinal), finding.Cells.Select(Path).Order(StringComparer.Ordinal));
            if (e.TryGetProperty("blank", out var blank))
                Assert.Equal(Strings(blank).Order(StringComparer.Ordinal), finding.BlankCells.Select(Path).Order(StringComparer.Ordinal));
            if (e.TryGetProperty("difference", out var difference))
                Assert.Equal(difference.GetDecimal(), finding.Difference);
            if (e.TryGetProperty("message", out var message))
                Assert.Contains(message.GetString()!, finding.Message);
            Assert.All(finding.Cells, cell => Assert.StartsWith("/", cell.JsonPointer));
        }
    }

    private static JsonElement Load(string file, string name)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Directory, file + ".json")));
        return cases.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).Clone();
    }

    private static ValidationOptions Options(JsonElement c, IReport report)
    {
        if (!c.TryGetProperty("options", out var o))
            return ValidationOptions.Default;
        var overrides = new Dictionary<string, RuleOverride>();
        if (o.TryGetProperty("overrides", out var map))
        {
            foreach (var entry in map.EnumerateObject())
            {
                overrides[entry.Name] = entry.Value.GetString() == "disabled"
                    ? RuleOverride.Disable
                    : RuleOverride.WithSeverity(Enum.Parse<Severity>(entry.Value.GetString()!, ignoreCase: true));
            }
        }

        return new ValidationOptions
        {
            Language = o.TryGetProperty("language", out var language) && language.GetString() == "en" ? MessageLanguage.English : MessageLanguage.Chinese,
            BlankCells = o.TryGetProperty("blankCells", out var blanks) && blanks.GetString() == "skip" ? BlankCellHandling.SkipRule : BlankCellHandling.AsZero,
            Overrides = overrides.Count > 0 ? overrides : null,
            Statuses = o.TryGetProperty("missing", out var missing) ? Statuses(report.Template, Strings(missing)) : null,
        };
    }

    private static ValidationOptions WithPreviousMissing(JsonElement c, ValidationOptions options, ReportTemplate previous) =>
        c.TryGetProperty("options", out var o) && o.TryGetProperty("previousMissing", out var missing)
            ? new ValidationOptions { Language = options.Language, BlankCells = options.BlankCells, Overrides = options.Overrides, Statuses = options.Statuses, PreviousStatuses = Statuses(previous, Strings(missing)) }
            : options;

    private static CellStatus[] Statuses(ReportTemplate template, IEnumerable<string> missing)
    {
        var statuses = new CellStatus[template.Cells.Count];
        foreach (var path in missing)
            statuses[(template.FindCell(path) ?? throw new InvalidOperationException("no cell " + path)).Index] = CellStatus.Missing;
        return statuses;
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    private static string Key(JsonElement e) =>
        e.GetProperty("rule").GetString() + "|" + (e.TryGetProperty("context", out var context) ? context.GetString() : null) + "|" + (e.TryGetProperty("kind", out var kind) ? kind.GetString() : "failed");

    private static string Kind(FindingKind kind) => kind == FindingKind.Failed ? "failed" : "notAssessable";

    private static string Path(FindingCell cell) => (cell.IsPrevious ? "previous." : "") + cell.Cell.Path;
}
