using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using GovInfoReports.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GovInfoReports.Generators.Tests;

/// <summary>The generated code of the official templates, pinned by snapshots and compiled.</summary>
public sealed class GeneratedSourceTests
{
    private static TemplateAdditionalText Official(string id) =>
        GeneratorHarness.Template("schema/" + id + ".json", GeneratorHarness.ReadTemplate(id));

    private static readonly string Snapshots = System.IO.Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, "tests", "GovInfoReports.Generators.Tests", "Snapshots");

    /// <summary>Every template file in schema/ (a file whose "$schema" is the template schema): each is snapshotted, none by name.</summary>
    public static TheoryData<string> SchemaTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(GeneratorHarness.SchemaDirectory, "*.json").Order(StringComparer.Ordinal))
            if (System.IO.File.ReadAllText(file).Contains("\"$schema\": \"./template.schema.json\"", StringComparison.Ordinal))
                data.Add(System.IO.Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void Every_official_template_is_among_the_snapshotted_ones()
    {
        Assert.Equal(new[] { "2019", "2021" }, SchemaTemplates().Cast<object[]>().Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(SchemaTemplates))]
    public void Each_schema_template_matches_its_snapshot_summary_and_generated_sources(string id)
    {
        // The helper users get (GovInfoReports.Testing): the template's summary and every generated source.
        TemplateSnapshot.Verify(System.IO.Path.Combine(GeneratorHarness.SchemaDirectory, id + ".json"), "GovInfoReports", name: id, directory: Snapshots);
    }

    [Theory]
    [InlineData("\"id\": \"administrativeLicensing\"", 1, 60)]
    [InlineData("\"id\": \"queryMatters\"", 7, 200)]
    public void Adding_one_row_changes_the_snapshots_by_about_the_rows_size(string before, int cells, int limit)
    {
        // A row added before another (in 二's licensing table: one cell; in 三's grid: seven cells, each checked by
        // E2, E3 and E5): cells are written as their row's constant plus a column position and rule instances are
        // counted, so no other cell or instance is renumbered.
        var text = GeneratorHarness.ReadTemplate("2021");
        int at = text.IndexOf(before, StringComparison.Ordinal);
        var added = text.Insert(text.LastIndexOf('{', at), "{ \"id\": \"addedRow\", \"label\": \"新增的一行\" },\n");
        var changed = ChangedLines(TemplateSnapshot.Render(text, "schema/2021.json", "GovInfoReports"), TemplateSnapshot.Render(added, "schema/2021.json", "GovInfoReports"));
        Assert.True(changed.Values.Sum() is > 0 && changed.Values.Sum() < limit, $"{cells} cell(s) added; changed lines per part: " + string.Join(", ", changed.Select(c => c.Key + " " + c.Value)));
    }

    private static Dictionary<string, int> ChangedLines(IReadOnlyList<SnapshotPart> before, IReadOnlyList<SnapshotPart> after)
    {
        Assert.Equal(before.Select(p => p.Name), after.Select(p => p.Name));
        return before.Zip(after).ToDictionary(p => p.First.Name, p => Snapshot.UnifiedDiff(p.First.Text, p.Second.Text).Split('\n')
            .Count(l => (l.StartsWith('+') && !l.StartsWith("+++")) || (l.StartsWith('-') && !l.StartsWith("---"))));
    }

    [Fact]
    public void Adding_one_rule_changes_the_snapshots_by_about_the_rules_size()
    {
        // A rule added in the middle of 2021's rules (before E1): generated code names rules, so nothing is renumbered.
        var text = GeneratorHarness.ReadTemplate("2021");
        const string anchor = "\"id\": \"E1\"";
        int at = text.IndexOf(anchor, StringComparison.Ordinal);
        int ruleStart = text.LastIndexOf('{', at);
        var added = text.Insert(ruleStart, "{ \"id\": \"W9\", \"severity\": \"warning\", \"assert\": \"carriedForward.total <= newlyReceived.total + carriedOver.total\", \"message\": { \"zh\": \"结转不应多于收到\", \"en\": \"carried forward exceeds what was received\" } },\n        ");
        var before = TemplateSnapshot.Render(text, "schema/2021.json", "GovInfoReports");
        var after = TemplateSnapshot.Render(added, "schema/2021.json", "GovInfoReports");
        var changed = ChangedLines(before, after);
        Assert.True(changed.Values.Sum() is > 10 and < 60, "changed lines per part: " + string.Join(", ", changed.Select(c => c.Key + " " + c.Value)));
        Assert.Contains("W9", Snapshot.UnifiedDiff(before.Single(p => p.Name == "Report2021.Validation").Text, after.Single(p => p.Name == "Report2021.Validation").Text));
    }

    [Fact]
    public void Registration_matches_snapshot()
    {
        var sources = GeneratorHarness.GeneratedSources(new[] { Official("2019"), Official("2021") });
        Snapshot.Match(sources["GovInfoReports.TemplateRegistration.g.cs"], "TemplateRegistration", "cs");
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings()
    {
        var (result, output) = GeneratorHarness.Run(new[] { Official("2019"), Official("2021") });
        Assert.Empty(result.Diagnostics);
        Assert.Equal(7, result.GeneratedTrees.Length);
        // CS0436: the generated types also exist in the referenced GovInfoReports.dll (the same code, shipped).
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Generated_code_is_the_code_the_library_ships(string id)
    {
        // The runtime library compiles the same template files: the generator's output, compiled and loaded here, must
        // describe every cell, row, column and rule exactly as the shipped descriptor does (the snapshots pin the source).
        var (_, output) = GeneratorHarness.Run(new[] { Official(id) });
        using var image = new System.IO.MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var context = new System.Runtime.Loader.AssemblyLoadContext("generated-" + id, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new System.IO.MemoryStream(image.ToArray()));
            var generated = (GovInfoReports.Templates.ReportTemplate)assembly.GetType("GovInfoReports.Report" + id)!.GetProperty("Template")!.GetValue(null)!;
            var shipped = GovInfoReports.Templates.TemplateRegistry.Find(id)!;
            Assert.NotSame(shipped, generated);
            Assert.Equal(Describe(shipped), Describe(generated));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every fact of a descriptor that extraction, validation and JSON use, one line each.</summary>
    private static string[] Describe(GovInfoReports.Templates.ReportTemplate template) =>
        new[] { $"{template.Id} {template.TypeName} {template.Title} {template.Basis} {template.FromYear}-{template.ToYear} {string.Join(",", template.Markers)}" }
            .Concat(template.Sections.Select(s => $"section {s.Id} {s.FullHeading} {string.Join(",", s.Aliases)} {s.Tables.Count}"))
            .Concat(template.Tables.Select(t => $"table {t.Id} {t.Caption} {t.Layout} {t.RowHeader} {t.ColumnsCaption} {t.Note} {string.Join(",", t.Aliases)}"))
            .Concat(template.Cells.Select(c => $"cell {c.Index} {c.Path} {c.Kind} {c.Row.FullLabel} {string.Join(",", c.Row.Aliases)} {c.Column.Label} {string.Join(",", c.Column.Aliases)} {c.Column.Group} {c.Column.AmountUnit}"))
            .Concat(template.Rules.Select(r => $"rule {r.Id} {r.Severity} {r.Scope} {r} when {r.WhenText} {r.MessageZh} {r.MessageEn}"))
            .ToArray();

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Generation_does_not_depend_on_the_culture(string culture)
    {
        var templates = new[] { Official("2019"), Official("2021") };
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => GeneratorHarness.GeneratedSources(templates));
        var local = WithCulture(new CultureInfo(culture), () => GeneratorHarness.GeneratedSources(templates));
        Assert.Equal(invariant.Keys.OrderBy(k => k), local.Keys.OrderBy(k => k));
        foreach (var (name, text) in invariant)
            Assert.Equal(text, local[name]);
    }

    [Fact]
    public void Generated_code_carries_no_version_numbers_or_paths()
    {
        var sources = GeneratorHarness.GeneratedSources(new[] { Official("2019"), Official("2021") });
        foreach (var text in sources.Values)
        {
            Assert.DoesNotMatch(@"\d+\.\d+\.\d+", text);
            Assert.DoesNotContain("GeneratedCode", text);
            Assert.DoesNotContain(AppContext.BaseDirectory, text);
        }
    }

    [Fact]
    public void A_changed_label_shows_in_the_diff_of_generated_code()
    {
        const string before = "本年新收政府信息公开申请数量";
        const string after = "本年新收到的政府信息公开申请数量";
        var edited = GeneratorHarness.ReadTemplate("2021").Replace("\"" + before + "\"", "\"" + after + "\"");
        Assert.NotEqual(GeneratorHarness.ReadTemplate("2021"), edited);

        var generated = GeneratorHarness.GeneratedSources(new[] { GeneratorHarness.Template("schema/2021.json", edited) })["Report2021.g.cs"];
        var verified = Snapshot.ReadVerified("2021#Report2021", "cs");
        Assert.NotNull(verified);

        var diff = Snapshot.UnifiedDiff(verified!, generated, "verified", "received");
        var removed = diff.Split('\n').Where(l => l.StartsWith('-') && !l.StartsWith("---")).ToList();
        var added = diff.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++")).ToList();
        Assert.Contains(removed, l => l.Contains(before));
        Assert.Contains(added, l => l.Contains(after));
        // Only the lines that carry the label change: its doc comment and its descriptor entry.
        Assert.Equal(2, removed.Count);
        Assert.Equal(2, added.Count);
    }

    [Fact]
    public void A_user_namespace_is_honoured()
    {
        var sources = GeneratorHarness.GeneratedSources(new[] { Official("2021") }, ns: "Contoso.Reports");
        Assert.Contains("namespace Contoso.Reports", sources["Report2021.g.cs"]);
        Assert.Contains("namespace Contoso.Reports", sources["GovInfoReports.TemplateRegistration.g.cs"]);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = c;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
