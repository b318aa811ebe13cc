using System;
using System.IO;
using System.Linq;
using GovInfoReports.Cli;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary>
/// A template year of a user's own, used by the tool without compiling it (<c>--templates</c>), and template files
/// checked outside a build (<c>check</c>, <c>diff</c>) with the build's diagnostics. The template is the derived 2027
/// of the DerivedTemplateTests project (2021 with a row renamed, one added, a column removed), which this project
/// does not compile.
/// </summary>
public sealed class CliTemplateFileTests
{
    private static readonly string Template2027 = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.DerivedTemplateTests", "Templates", "2027.json");

    private static IReport RandomReport(ReportTemplate template, int seed)
    {
        var random = new Random(seed);
        var values = new CellValue[template.Cells.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var cell = template.Cells[i];
            values[i] = cell.Kind == ValueKind.Amount
                ? CellValue.FromDecimal(random.Next(0, 10_000) / 100m, cell.Column.AmountUnit)
                : CellValue.FromInt32(random.Next(0, 50));
        }

        return template.CreateReport(values, 2027, "某某县人民政府");
    }

    [Fact]
    public void Validate_extract_export_and_render_read_a_report_of_a_template_file_given_with_templates()
    {
        var template = ReportTemplate.Load(Template2027);
        Assert.Null(TemplateRegistry.Find("2027"));
        var report = RandomReport(template, 7);
        using var folder = new Tool.Folder();
        var file = folder.Write("2027-report.txt", ReportRenderer.RenderText(report));

        // Without the template the report is read as 2021, with cells missing.
        var without = Tool.Files(Tool.Run("validate", file, "--format", "json").Out).Single();
        Assert.Equal("2021", without.GetProperty("template").GetString());
        Assert.False(without.GetProperty("complete").GetBoolean());

        var validate = Tool.Run("validate", "--templates", Template2027, file, "--format", "json");
        var result = Tool.Files(validate.Out).Single();
        Assert.Equal("2027", result.GetProperty("template").GetString());
        Assert.True(result.GetProperty("complete").GetBoolean());
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "EX04");
        // The template's own rules, interpreted: the findings the API gives for the report itself (random numbers break E1–E4).
        var expected = template.Validate(report).Select(f => f.RuleId + " " + f.Severity.ToString().ToLowerInvariant()).ToList();
        Assert.Contains(expected, e => e.StartsWith("E2 ", StringComparison.Ordinal));
        Assert.Equal(expected, findings.Where(f => f.GetProperty("source").GetString() == "report")
            .Select(f => f.GetProperty("rule").GetString() + " " + f.GetProperty("severity").GetString()).ToList());
        Assert.Equal(GovInfoCli.Findings, validate.Exit);

        // extract → the report document; render of that document (with the template) lays out the same tables.
        var json = Path.Combine(folder.Path, "2027-report.json");
        Assert.Equal(GovInfoCli.Success, Tool.Run("extract", "--templates", Template2027, file, "-o", json).Exit);
        var render = Tool.Run("render", json, "--templates", Template2027, "-f", "txt");
        Assert.Equal(GovInfoCli.Success, render.Exit);
        Assert.Equal(ReportRenderer.RenderText(report), render.Out);
        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("render", json, "-f", "txt").Exit); // unknown template without the file

        // export: one row per cell of the template.
        var export = Tool.Run("export", "--templates", Template2027, file);
        var rows = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(template.Cells.Count, rows.Count);
        Assert.All(rows, row => Assert.Contains(",2027,", row));

        // describe and schema of the file's template.
        Assert.Equal(TemplateSummary.Describe(template), Tool.Run("describe", "2027", "--templates", Template2027).Out);
        Assert.Equal(GovInfoReports.Serialization.ReportJsonSchema.Generate(template).TrimEnd(), Tool.Run("schema", "2027", "--templates", Template2027).Out.TrimEnd());
    }

    [Fact]
    public void Check_prints_each_mistake_as_the_build_does_and_fails_on_errors()
    {
        using var folder = new Tool.Folder();
        var good = Tool.Run("check", Template2027);
        Assert.Equal(GovInfoCli.Success, good.Exit);
        Assert.Contains("1 template file(s): 0 error(s), 0 warning(s); 1 usable", good.Out);

        var text = File.ReadAllText(Template2027);
        // A missing comma, and (in another file) a rule path that names no row.
        var noComma = folder.Write("no-comma.json", text.Replace("\"typeName\": \"Report2027\",", "\"typeName\": \"Report2027\""));
        var badPath = folder.Write("bad-path.json", text.Replace("newlyReceived + carriedOver == results.total", "newlyReceived + carriedOverr == results.total"));
        var broken = Tool.Run("check", noComma, badPath);
        Assert.Equal(GovInfoCli.Findings, broken.Exit);
        var expected = new[] { TemplateFile.Read(badPath), TemplateFile.Read(noComma) }.SelectMany(r => r.Diagnostics).Select(d => d.ToString()).ToList();
        Assert.Equal(new[] { "GIR017", "GIR001" }, new[] { TemplateFile.Read(badPath), TemplateFile.Read(noComma) }.Select(r => r.Diagnostics.Single().Id));
        var lines = broken.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Take(2));
        Assert.StartsWith(noComma + "(", lines[1]);
        Assert.Contains(": error GIR001: ", lines[1]);
        Assert.Contains("2 template file(s): 2 error(s)", lines[2]);

        // diff and --templates say the same about a broken file.
        var diff = Tool.Run("diff", "2021", noComma);
        Assert.Equal(GovInfoCli.UsageOrIo, diff.Exit);
        Assert.Contains(expected[1], diff.Err);
        var validate = Tool.Run("validate", "--templates", badPath, Tool.Sample("2021-wuyuan-hesheng-township"));
        Assert.Equal(GovInfoCli.UsageOrIo, validate.Exit);
        Assert.Contains(expected[0], validate.Err);

        // A template file may not take a packaged template's id.
        var taken = Tool.Run("validate", "--templates", Path.Combine(RepositoryRoot.Path, "schema", "2021.json"), Tool.Sample("2021-wuyuan-hesheng-township"));
        Assert.Equal(GovInfoCli.UsageOrIo, taken.Exit);
        Assert.Contains("'2021'", taken.Err);
    }

    [Fact]
    public void Diff_reads_template_files_with_the_builds_parser()
    {
        var diff = Tool.Run("diff", "2021", Template2027);
        Assert.Equal(GovInfoCli.Success, diff.Exit);
        Assert.Contains("- column applications.legalServices: 法律服务机构", diff.Out);
        Assert.Contains("+ row applications.results.unableToProvide.beyondScope:", diff.Out);
    }

    [Fact]
    public void Diff_shows_what_the_prose_is_checked_against()
    {
        // The 2021 file with a narrative phrase added, part 六 no longer required and a new wording of "no fee charged".
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "2021.json")))!;
        json["id"] = "2031";
        json["typeName"] = "Report2031";
        json["narrative"]![0]!["phrases"]!.AsArray().Add("共收到申请{n}件");
        var parts = json["parts"]!.AsArray();
        parts.Remove(parts.Single(p => (string?)p!["id"] == "P6"));
        json["fee"]!["none"]!.AsArray().Add("免收");
        using var folder = new Tool.Folder();
        string file = folder.Write("2031.json", json.ToJsonString());

        var diff = Tool.Run("diff", "2021", file, "--format", "json");
        Assert.True(diff.Exit == GovInfoCli.Success, diff.Err);
        using var document = System.Text.Json.JsonDocument.Parse(diff.Out);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("change").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("path").GetString()))
            .Where(c => c.Item2 != "template")
            .ToList();
        Assert.Equal(new (string?, string?, string?)[] { ("changed", "narrative", "N.received"), ("removed", "part", "P6"), ("changed", "fee", "fee") }, changes);
        var text = Tool.Run("diff", "2021", file);
        Assert.Contains("- part P6: 其他需要报告的事项 | 其他需要报告事项", text.Out);
        Assert.Contains("共收到申请{n}件", text.Out);
        Assert.Contains("; none: 未收取", text.Out);
    }
}
