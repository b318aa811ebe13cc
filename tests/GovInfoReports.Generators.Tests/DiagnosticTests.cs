using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GovInfoReports.Generators.Tests;

/// <summary>
/// Every template diagnostic, each at its exact line and column inside the template file. Columns count
/// characters (UTF-16), so Chinese text before a mistake on the same line must not shift them.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Path = "templates/2025.json";

    private const string Valid = """
{
  "id": "2025",
  "typeName": "Report2025",
  "title": "测试格式",
  "basis": "测试〔2025〕1号",
  "appliesTo": { "fromYear": 2025 },
  "columnSets": {
    "applicants": [
      { "id": "naturalPerson", "label": "自然人" },
      { "id": "total", "label": "总计" }
    ]
  },
  "sections": [
    {
      "id": "applications",
      "number": "三、",
      "heading": "收到和处理政府信息公开申请情况",
      "columns": "applicants",
      "rows": [
        { "id": "newlyReceived", "number": "一、", "label": "本年新收政府信息公开申请数量" },
        { "id": "carriedOver", "number": "二、", "label": "上年结转政府信息公开申请数量" }
      ],
      "rules": [
        { "id": "E1", "description": "第一项加第二项", "each": "column", "assert": "newlyReceived + carriedOver >= 0" }
      ]
    },
    {
      "id": "fees",
      "number": "二、",
      "heading": "收费",
      "tables": [
        {
          "id": "charges",
          "caption": "收费情况",
          "columns": [
            { "id": "items", "label": "件数" },
            { "id": "amount", "label": "金额", "kind": "amount", "unit": "万元" }
          ],
          "rows": [ { "id": "administrative", "label": "行政事业性收费" } ],
          "rules": [ { "id": "F1", "each": "row", "assert": "amount >= 0" } ]
        }
      ]
    }
  ]
}
""";

    [Fact]
    public void The_base_template_is_valid()
    {
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Template(Path, Valid)));
        Assert.Contains("Report2025.g.cs", GeneratorHarness.GeneratedSources(new[] { GeneratorHarness.Template(Path, Valid) }).Keys);
    }

    [Fact]
    public void GIR001_malformed_json_at_the_unexpected_token()
    {
        var text = Edit("申请数量\" },\n        { \"id\": \"carriedOver\"", "申请数量\" }\n        { \"id\": \"carriedOver\"");
        var d = Expect(text, "GIR001", text.IndexOf("{ \"id\": \"carriedOver\"", StringComparison.Ordinal));
        Assert.Contains("',' or ']' was expected", d.GetMessage());
    }

    [Fact]
    public void GIR002_missing_required_member_at_the_object()
    {
        var text = Edit(", \"label\": \"上年结转政府信息公开申请数量\"", "");
        var d = Expect(text, "GIR002", text.IndexOf("{ \"id\": \"carriedOver\"", StringComparison.Ordinal));
        Assert.Contains("'label'", d.GetMessage());
    }

    [Fact]
    public void GIR003_duplicate_id_at_the_second_use()
    {
        var text = Edit("\"id\": \"carriedOver\"", "\"id\": \"newlyReceived\"");
        Expect(text, "GIR003", text.LastIndexOf("\"newlyReceived\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR004_unknown_column_set_at_the_name()
    {
        var text = Edit("\"columns\": \"applicants\"", "\"columns\": \"applicant\"");
        var d = Expect(text, "GIR004", text.IndexOf("\"applicant\"", StringComparison.Ordinal));
        Assert.Contains("applicants", d.GetMessage());
    }

    [Fact]
    public void GIR005_unknown_value_kind_after_chinese_text_on_the_line()
    {
        var text = Edit("\"label\": \"总计\" }", "\"label\": \"总计\", \"kind\": \"counts\" }");
        Expect(text, "GIR005", text.IndexOf("\"counts\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR006_wrong_json_type_at_the_value()
    {
        var text = Edit("\"fromYear\": 2025", "\"fromYear\": \"2025\"");
        var d = Expect(text, "GIR006", text.IndexOf("\"fromYear\"", StringComparison.Ordinal) + "\"fromYear\": ".Length);
        Assert.Contains("a whole number", d.GetMessage());
    }

    [Fact]
    public void GIR007_unknown_member_is_a_warning_at_its_name()
    {
        var text = Edit("\"label\": \"上年结转政府信息公开申请数量\"", "\"label\": \"上年结转政府信息公开申请数量\", \"lable\": \"x\"");
        var d = Expect(text, "GIR007", text.IndexOf("\"lable\"", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        // A warning does not stop generation.
        Assert.Contains("Report2025.g.cs", GeneratorHarness.GeneratedSources(new[] { GeneratorHarness.Template(Path, text) }).Keys);
    }

    [Fact]
    public void GIR008_invalid_identifier_at_the_id()
    {
        var text = Edit("\"id\": \"carriedOver\"", "\"id\": \"carried-over\"");
        Expect(text, "GIR008", text.IndexOf("\"carried-over\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR009_duplicate_member_at_the_second_name()
    {
        var text = Edit("\"heading\": \"收到和处理政府信息公开申请情况\",", "\"heading\": \"收到和处理政府信息公开申请情况\", \"heading\": \"又一个\",");
        Expect(text, "GIR009", text.IndexOf("\"heading\": \"又一个\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR010_money_unit_on_a_count_column()
    {
        var text = Edit("\"label\": \"自然人\" }", "\"label\": \"自然人\", \"unit\": \"元\" }");
        Expect(text, "GIR010", text.IndexOf("\"元\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR010_amount_column_needs_a_money_unit()
    {
        var text = Edit("\"label\": \"总计\" }", "\"label\": \"总计\", \"kind\": \"amount\", \"unit\": \"件\" }");
        Expect(text, "GIR010", text.IndexOf("\"件\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR011_generated_name_clash_at_the_id()
    {
        // "equals" would become the C# member Equals, which every record already has.
        var text = Edit("\"id\": \"carriedOver\"", "\"id\": \"equals\"");
        var d = Expect(text, "GIR011", text.IndexOf("\"equals\"", StringComparison.Ordinal));
        Assert.Contains("'Equals'", d.GetMessage());
    }

    [Fact]
    public void GIR012_empty_list_at_the_array()
    {
        var text = Edit("\"columns\": \"applicants\",\n      \"rows\": [", "\"columns\": \"applicants\",\n      \"rows\": [], \"unused\": [");
        Expect(text, "GIR012", text.IndexOf("[]", StringComparison.Ordinal), alsoAllowed: "GIR007");
    }

    [Fact]
    public void GIR013_invalid_value_at_the_value()
    {
        var text = Edit("\"columns\": \"applicants\",", "\"columns\": \"applicants\", \"layout\": \"matrix\",");
        Expect(text, "GIR013", text.IndexOf("\"matrix\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR014_section_with_tables_and_rows()
    {
        var text = Edit("\"columns\": \"applicants\",", "\"tables\": [], \"columns\": \"applicants\",");
        Expect(text, "GIR014", text.IndexOf("\"tables\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR015_duplicate_template_id_across_files()
    {
        var other = Valid.Replace("\"typeName\": \"Report2025\"", "\"typeName\": \"Report2025b\"");
        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.Template(Path, Valid), GeneratorHarness.Template("templates/2025b.json", other));
        var d = Assert.Single(diagnostics);
        Assert.Equal("GIR015", d.Id);
        Assert.Equal("templates/2025b.json", d.Location.GetLineSpan().Path);
        Assert.Equal(Position(other, other.IndexOf("\"2025\"", StringComparison.Ordinal)), d.Location.GetLineSpan().StartLinePosition);
        // Reported at the end of the compilation: tagged as such, so IDEs and build tools know it is a full-build diagnostic.
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, d.Descriptor.CustomTags);
        Assert.All(new[] { Diagnostics.InvalidJson, Diagnostics.RuleSyntax }, other => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, RoslynDiagnostics.Descriptor(other).CustomTags));
    }

    [Fact]
    public void The_compiler_descriptors_are_the_parser_diagnostics_one_to_one()
    {
        // RoslynDiagnostics writes ids and severities out for the analyzer release tracking; the texts come from Diagnostics.
        Assert.Equal(Diagnostics.All.Select(d => d.Id), RoslynDiagnostics.All.Select(d => d.Id));
        foreach (var definition in Diagnostics.All)
        {
            var descriptor = RoslynDiagnostics.Descriptor(definition);
            Assert.Equal(definition.Title, descriptor.Title.ToString());
            Assert.Equal(definition.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(definition.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal(definition.IsCompilationEnd, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        }
    }

    [Fact]
    public void Revises_names_another_template_and_is_generated_into_the_descriptor()
    {
        var text = Edit("\"appliesTo\": { \"fromYear\": 2025 },", "\"appliesTo\": { \"fromYear\": 2025 }, \"revises\": \"2021\",");
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Template(Path, text)));
        var source = GeneratorHarness.GeneratedSources(new[] { GeneratorHarness.Template(Path, text) })["Report2025.g.cs"];
        Assert.Contains("Revises = \"2021\";", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Revises", GeneratorHarness.GeneratedSources(new[] { GeneratorHarness.Template(Path, Valid) })["Report2025.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2025\"", "GIR013")]
    [InlineData("\"20 21\"", "GIR008")]
    public void Revises_itself_or_no_template_id_is_an_error_at_the_value(string value, string id)
    {
        var text = Edit("\"appliesTo\": { \"fromYear\": 2025 },", "\"appliesTo\": { \"fromYear\": 2025 }, \"revises\": " + value + ",");
        Expect(text, id, text.IndexOf("\"revises\": ", StringComparison.Ordinal) + "\"revises\": ".Length);
    }

    [Fact]
    public void GIR015_two_files_with_one_type_name_generate_the_first_ones_code_once()
    {
        var other = Valid.Replace("\"id\": \"2025\"", "\"id\": \"2025b\"");
        Assert.NotEqual(Valid, other);
        var (result, _) = GeneratorHarness.Run(new[] { GeneratorHarness.Template(Path, Valid), GeneratorHarness.Template("templates/2025b.json", other) });
        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        var report = Assert.Single(run.GeneratedSources, g => g.HintName == "Report2025.g.cs");
        Assert.Contains("\"2025\"", report.SourceText.ToString());
        Assert.DoesNotContain("\"2025b\"", report.SourceText.ToString());
        Assert.Contains(GeneratorHarness.Analyze(GeneratorHarness.Template(Path, Valid), GeneratorHarness.Template("templates/2025b.json", other)), d => d.Id == "GIR015");
    }

    /// <summary>
    /// GIR099 is what a bug of the parser becomes instead of an analyzer crash: reported at the file's start
    /// (1,1), naming the exception. No template can cause it, so the test makes the parse step throw.
    /// </summary>
    [Fact]
    public void GIR099_an_internal_error_is_reported_at_the_start_of_the_file_not_thrown()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(Valid);
        var result = GovInfoReports.Generators.Parsing.TemplateParser.Parse(Valid, default, static (_, _) => throw new InvalidOperationException("a bug"));
        Assert.Null(result.Model);
        var d = Assert.Single(result.Diagnostics).ToDiagnostic(Path, text);
        Assert.Equal("GIR099", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(Path, d.Location.GetLineSpan().Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("InvalidOperationException: a bug", d.GetMessage());

        // Cancellation is not an error: it propagates.
        Assert.Throws<OperationCanceledException>(() => GovInfoReports.Generators.Parsing.TemplateParser.Parse(Valid, default, static (_, _) => throw new OperationCanceledException()));
    }

    [Fact]
    public void GIR001_for_a_file_that_cannot_be_read_at_the_start_of_the_file()
    {
        var result = GovInfoReports.Generators.Parsing.TemplateParser.Parse(null);
        var d = Assert.Single(result.Diagnostics).ToDiagnostic(Path, null);
        Assert.Equal("GIR001", d.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("could not be read", d.GetMessage());
    }

    [Fact]
    public void Every_diagnostic_the_analyzer_declares_is_listed_in_the_readme()
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, "README.md"));
        foreach (var descriptor in new TemplateFileAnalyzer().SupportedDiagnostics)
            Assert.Contains("| " + descriptor.Id + " |", readme);
    }

    [Fact]
    public void GIR016_rule_syntax_error_at_the_character_inside_the_string()
    {
        var text = Edit("newlyReceived + carriedOver >= 0", "newlyReceived + carriedOver => 0");
        var d = Expect(text, "GIR016", text.IndexOf("=> 0", StringComparison.Ordinal));
        Assert.Contains("'=' is not an operator", d.GetMessage());
        var unfinished = Edit("newlyReceived + carriedOver >= 0", "newlyReceived + >= 0");
        Expect(unfinished, "GIR016", unfinished.IndexOf(">= 0\"", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR017_unknown_path_in_a_rule_at_the_path_even_after_an_escape()
    {
        var text = Edit("newlyReceived + carriedOver >= 0", "newlyReceived \\u002B carriedOvr >= 0");
        var d = Expect(text, "GIR017", text.IndexOf("carriedOvr", StringComparison.Ordinal));
        Assert.Contains("newlyReceived, carriedOver", d.GetMessage());
        var column = Edit("\"assert\": \"amount >= 0\"", "\"assert\": \"amount + fee >= 0\"");
        Expect(column, "GIR017", column.IndexOf("fee >= 0", StringComparison.Ordinal));
    }

    [Fact]
    public void GIR018_counts_compared_with_amounts_at_the_assertion()
    {
        var text = Edit("\"assert\": \"amount >= 0\"", "\"assert\": \"amount >= items\"");
        var d = Expect(text, "GIR018", text.IndexOf("\"amount >= items\"", StringComparison.Ordinal));
        Assert.Contains("tolerance", d.GetMessage());
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Template(Path, Edit("\"assert\": \"amount >= 0\"", "\"assert\": \"amount >= items\", \"tolerance\": 0.5"))));
    }

    [Fact]
    public void GIR019_each_over_a_section_of_several_tables_at_the_each_value()
    {
        var text = Edit("\"heading\": \"收费\",", "\"heading\": \"收费\", \"rules\": [ { \"id\": \"S1\", \"each\": \"row\", \"assert\": \"charges.administrative.amount >= 0\" } ],");
        var d = Expect(text, "GIR019", text.IndexOf("\"row\", \"assert\"", StringComparison.Ordinal));
        Assert.Contains("section 'fees'", d.GetMessage());
    }

    [Fact]
    public void Rule_values_and_ids_are_checked_like_other_members()
    {
        var severity = Edit("\"each\": \"column\",", "\"each\": \"column\", \"severity\": \"fatal\",");
        Expect(severity, "GIR013", severity.IndexOf("\"fatal\"", StringComparison.Ordinal));
        var duplicate = Edit("{ \"id\": \"F1\"", "{ \"id\": \"E1\"");
        Expect(duplicate, "GIR003", duplicate.LastIndexOf("\"E1\"", StringComparison.Ordinal));
        var cellPath = Edit("\"heading\": \"收费\",", "\"heading\": \"收费\", \"rules\": [ { \"id\": \"S1\", \"assert\": \"charges.administrative.amount >= 0\" } ],");
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Template(Path, cellPath)));
    }

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    /// <summary>Asserts that the analyzer reports exactly one <paramref name="id"/>, starting at character <paramref name="index"/>.</summary>
    private static Diagnostic Expect(string text, string id, int index, string? alsoAllowed = null)
    {
        Assert.True(index >= 0, "the expected position was not found in the text");
        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.Template(Path, text));
        var relevant = diagnostics.Where(d => d.Id != alsoAllowed).ToList();
        Assert.True(relevant.Count == 1, "expected one " + id + ", got:\n" + string.Join("\n", diagnostics));
        var d = relevant[0];
        Assert.Equal(id, d.Id);
        var span = d.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(Position(text, index), span.StartLinePosition);
        AssertTheRuntimeReportsTheSame(text, diagnostics);
        return d;
    }

    /// <summary>
    /// The runtime's loader (ReportTemplate.Load, govinfo check) runs the same parser, compiled into the runtime: it must
    /// report what the build reports, at the same lines and columns, with the same messages, and load nothing on errors.
    /// </summary>
    private static void AssertTheRuntimeReportsTheSame(string text, System.Collections.Immutable.ImmutableArray<Diagnostic> build)
    {
        var runtime = GovInfoReports.Templates.TemplateFile.Parse(text, Path);
        var expected = build.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
                + $" to ({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
        });
        var actual = runtime.Diagnostics.Select(d => d + $" to ({d.EndLine},{d.EndColumn})");
        Assert.Equal(expected, actual);
        Assert.Equal(build.Any(d => d.Severity == DiagnosticSeverity.Error), runtime.Template is null);
    }

    /// <summary>Line and column (0-based, in characters) of a character index, counted independently of Roslyn.</summary>
    private static Microsoft.CodeAnalysis.Text.LinePosition Position(string text, int index)
    {
        int line = text.Take(index).Count(c => c == '\n');
        int lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
            lineStart = 0;
        return new Microsoft.CodeAnalysis.Text.LinePosition(line, index - lineStart);
    }
}
