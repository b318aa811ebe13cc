using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Serialization;
using GovInfoReports.Tests.Shared;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Templates;

/// <summary>
/// A template file loaded at run time (ReportTemplate.Load, the parser the generator uses) must be the template the
/// generator compiles from the same file: the same descriptor and rules, and its reports read, written, validated and
/// rendered to the same results as the compiled records'.
/// </summary>
public sealed class LoadedTemplateTests
{
    private static readonly string Schema = Path.Combine(RepositoryRoot.Path, "schema");
    private static readonly string Conformance = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Conformance");

    public static TheoryData<string> Files => new() { "2019", "2021", "test-amounts" };

    private static (ReportTemplate Loaded, ReportTemplate Compiled) Pair(string id) => id == "test-amounts"
        ? (ReportTemplate.Load(Path.Combine(Conformance, "test-amounts.json")), TestAmountsReport.Template)
        : (ReportTemplate.Load(Path.Combine(Schema, id + ".json")), TemplateRegistry.Find(id)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_loaded_template_file_is_the_descriptor_the_generator_compiles_from_it(string id)
    {
        var (loaded, compiled) = Pair(id);
        Assert.IsType<LoadedReport>(loaded.CreateReport(new CellValue[loaded.Cells.Count]));
        Assert.Equal(TemplateSummary.Describe(compiled), TemplateSummary.Describe(loaded));
        Assert.Equal(compiled.Markers, loaded.Markers);
        Assert.Equal(compiled.Revises, loaded.Revises);
        Assert.Equal(compiled.Cells.Select(c => c.Path + " " + c.Kind + " " + c.Column.Unit), loaded.Cells.Select(c => c.Path + " " + c.Kind + " " + c.Column.Unit));
        Assert.Equal(Rules(compiled), Rules(loaded));
        Assert.Equal(ReportJsonSchema.Generate(compiled), ReportJsonSchema.Generate(loaded));
    }

    // Every rule down to each instance's terms and the cells they read.
    private static IEnumerable<string> Rules(ReportTemplate template) =>
        template.Rules.SelectMany(r => r.Instances.Select(i =>
            $"{r.Id} {r.Severity} {r.Status} {r.Each} {r.Scope} {r.Tolerance} {r.MessageZh} {r.MessageEn} | {i.Context} | {Comparison(i.Assertion)} | {(i.When is null ? "" : Comparison(i.When))}"));

    private static string Comparison(RuleComparison c) => Terms(c.Left) + " " + c.Comparison + " " + Terms(c.Right);

    private static string Terms(IReadOnlyList<RuleTerm> terms) =>
        string.Join(" ", terms.Select(t => (t.Negative ? "-" : "+") + t.Text + "[" + string.Join(",", t.Paths) + "]" + t.Constant + (t.IsPrevious ? "p" : "") + (t.IsSum ? "s" : "")));

    [Theory]
    [MemberData(nameof(Files))]
    public void Loaded_reports_write_and_read_the_documents_of_the_generated_converters_and_validate_alike(string id)
    {
        var (loaded, compiled) = Pair(id);
        Reports.Check(Reports.Report(compiled), report =>
        {
            var cells = Enumerable.Range(0, compiled.Cells.Count).Select(report.GetCell).ToArray();
            var twin = loaded.CreateReport(cells, report.Year, report.Agency);
            Assert.Equal(Reports.CellTexts(report), Reports.CellTexts(twin));

            // The same bytes as the generated writer; read back by the descriptor reader to the same cells.
            var json = ReportJson.Serialize(report);
            Assert.Equal(json, ReportJson.Serialize(twin));
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            var back = loaded.ReadJson(ref reader);
            Assert.Equal(twin, back);

            // The rule interpreter over the loaded report finds what the compiled validator finds.
            Assert.Equal(Findings(report.Template.Validate(report)), Findings(loaded.Validate(twin)));
            Assert.Equal(ReportRenderer.RenderText(report), ReportRenderer.RenderText(twin));
        }, count: 60);
    }

    private static IEnumerable<string> Findings(IReadOnlyList<ValidationFinding> findings) =>
        findings.Select(f => $"{f.RuleId} {f.Severity} {f.Kind} {f.Context} {f.Message} [{string.Join(", ", f.Cells)}]");

    [Fact]
    public void The_samples_read_with_the_loaded_official_templates_as_with_the_compiled_ones()
    {
        var loaded = new[] { ReportTemplate.Load(Path.Combine(Schema, "2019.json")), ReportTemplate.Load(Path.Combine(Schema, "2021.json")) };
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt");
        Assert.Equal(5, samples.Length);
        foreach (var sample in samples)
        {
            var text = File.ReadAllText(sample);
            var compiled = ReportReader.Read(text);
            var run = ReportReader.Read(text, new ReadOptions { Templates = loaded });
            Assert.IsType<LoadedReport>(run.Report);
            Assert.Equal(compiled.TemplateId, run.TemplateId);
            Assert.Equal(compiled.Year, run.Year);
            Assert.Equal(compiled.Agency, run.Agency);
            Assert.Equal(compiled.Cells.Select(c => $"{c.Cell.Path} {c.Status} {c.Value} {c.Position} {c.SourceText}"),
                run.Cells.Select(c => $"{c.Cell.Path} {c.Status} {c.Value} {c.Position} {c.SourceText}"));
            Assert.Equal(compiled.Findings.Select(f => $"{f.Code} {f.Position} {f.Message}"), run.Findings.Select(f => $"{f.Code} {f.Position} {f.Message}"));
            Assert.Equal(Findings(compiled.Validate()), Findings(run.Validate()));
        }
    }

    [Fact]
    public void A_loaded_report_document_is_read_strictly()
    {
        var template = ReportTemplate.Load(Path.Combine(Conformance, "test-amounts.json"));
        IReport Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            return template.ReadJson(ref reader);
        }

        var report = Read("""{"template":"test-amounts","year":2000,"money":{"a":{"yuan":1.50,"reported":{"value":2,"unit":"万元"}}}}""");
        var loaded = Assert.IsType<LoadedReport>(report);
        Assert.Equal(1.50m, loaded["money.a.yuan"].Number);
        Assert.Equal(AmountUnit.TenThousandYuan, loaded["money.a.reported"].Unit);
        Assert.True(loaded["money.b.count"].IsBlank);

        Assert.Contains("$.money.a.euro", Assert.Throws<JsonException>(() => Read("""{"template":"test-amounts","money":{"a":{"euro":1}}}""")).Message);
        Assert.Contains("$.money.a.count", Assert.Throws<JsonException>(() => Read("""{"template":"test-amounts","money":{"a":{"count":-1}}}""")).Message);
        Assert.Contains("\"yuan\"", Assert.Throws<JsonException>(() => Read("""{"template":"test-amounts","money":{"a":{"yuan":1,"yuan":2}}}""")).Message);
        Assert.Contains("2021", Assert.Throws<JsonException>(() => Read("""{"template":"2021"}""")).Message);
        Assert.Contains("template", Assert.Throws<JsonException>(() => Read("""{"year":2000}""")).Message);
        Assert.Contains("$.money", Assert.Throws<JsonException>(() => Read("""{"template":"test-amounts","money":null}""")).Message);
    }

    [Fact]
    public void A_broken_template_file_is_refused_with_the_diagnostics_the_build_gives()
    {
        var text = File.ReadAllText(Path.Combine(Schema, "2021.json"));
        int comma = text.IndexOf("\"typeName\"", StringComparison.Ordinal);
        var broken = text.Remove(text.LastIndexOf(',', comma), 1); // the comma after "id"
        var result = TemplateFile.Parse(broken, "my/2027.json");
        Assert.Null(result.Template);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("GIR001", error.Id);
        Assert.Equal(TemplateDiagnosticSeverity.Error, error.Severity);
        var lines = broken.Substring(0, broken.IndexOf("\"typeName\"", StringComparison.Ordinal)).Split('\n');
        Assert.Equal((lines.Length, lines[^1].Length + 1), (error.Line, error.Column));
        Assert.StartsWith($"my/2027.json({error.Line},{error.Column}): error GIR001: ", error.ToString());

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(broken));
        var thrown = Assert.Throws<TemplateFileException>(() => ReportTemplate.Load(stream, "my/2027.json"));
        Assert.Contains(error.ToString(), thrown.Message);
        Assert.Equal(error.ToString(), Assert.Single(thrown.Diagnostics).ToString());
    }

    [Fact]
    public void Template_files_read_together_clash_on_a_shared_id_as_in_a_build()
    {
        var folder = Directory.CreateTempSubdirectory("govinfo-templates-");
        try
        {
            var text = File.ReadAllText(Path.Combine(Schema, "2021.json"));
            File.WriteAllText(Path.Combine(folder.FullName, "a.json"), text.Replace("\"typeName\": \"Report2021\"", "\"typeName\": \"ReportA\""));
            File.WriteAllText(Path.Combine(folder.FullName, "b.json"), text.Replace("\"typeName\": \"Report2021\"", "\"typeName\": \"ReportB\""));
            File.WriteAllText(Path.Combine(folder.FullName, "c.json"), text.Replace("\"id\": \"2021\"", "\"id\": \"2021c\""));
            var results = TemplateFile.ReadAll(new[] { folder.FullName });
            Assert.Equal(new[] { "a.json", "b.json", "c.json" }, results.Select(r => Path.GetFileName(r.Path)));
            Assert.NotNull(results[0].Template);
            Assert.NotNull(results[2].Template);
            var clash = Assert.Single(results[1].Diagnostics);
            Assert.Equal("GIR015", clash.Id);
            Assert.Null(results[1].Template);
            Assert.Contains("a.json", clash.Message);
            var lines = text.Substring(0, text.IndexOf("\"2021\"", StringComparison.Ordinal)).Split('\n');
            Assert.Equal((lines.Length, lines[^1].Length + 1), (clash.Line, clash.Column));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
