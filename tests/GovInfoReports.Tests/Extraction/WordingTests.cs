using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using GovInfoReports.Tests.Shared;
using Json.Schema;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// The report wording is data: schema/wording.json, described by schema/wording.schema.json and embedded in the library.
/// A change to the data (not the code) changes what is read; a broken file is refused with a clear error.
/// </summary>
public sealed class WordingTests
{
    private static readonly string SchemaFolder = Path.Combine(RepositoryRoot.Path, "schema");

    private static string ShippedWording => File.ReadAllText(Path.Combine(SchemaFolder, "wording.json"));

    /// <summary>The 2021 sample, whose title names its agency and year.</summary>
    private static string Sample2021 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "2021-wuyuan-hesheng-township.txt"));

    [Fact]
    public void The_shipped_wording_is_valid_against_its_schema()
    {
        var results = Evaluate(ShippedWording);
        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("title", "members")]
    [InlineData("units.count", "empty word")]
    [InlineData("signs.increase", "not a word")]
    [InlineData("extra", "unknown member")]
    public void The_schema_refuses_a_broken_wording_file(string where, string how)
    {
        var broken = Break(where, how);
        Assert.False(Evaluate(broken).IsValid);
        // The loader refuses what the schema refuses.
        Assert.Throws<FormatException>(() => ReportWording.Parse(broken));
    }

    [Fact]
    public void Invalid_json_is_a_format_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => ReportWording.Parse("{\n  \"title\": {\n    \"namesReport\": [\"报告\",]\n"));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void The_default_wording_is_the_shipped_file()
    {
        var shipped = ReportWording.Parse(ShippedWording);
        var text = Sample2021;
        var withDefault = ReportReader.Read(text);
        var withShipped = ReportReader.Read(text, new ReadOptions { Wording = shipped });
        Assert.Equal(withDefault.Agency, withShipped.Agency);
        Assert.Equal(withDefault.Year, withShipped.Year);
        Assert.Equal(withDefault.Cells.Select(c => (c.Status, c.Value)), withShipped.Cells.Select(c => (c.Status, c.Value)));
    }

    [Fact]
    public void Where_the_agency_name_ends_is_data()
    {
        const string text = "某某县交通运输局办公室政府信息公开工作年度报告（2023年）\n正文。\n";
        Assert.Equal("某某县交通运输局办公室", ReportReader.Read(text).Agency);

        var wording = Edit(node => ((JsonArray)node["title"]!["agencyEndsBefore"]!).Add("办公室"));
        Assert.Equal("某某县交通运输局", ReportReader.Read(text, new ReadOptions { Wording = wording }).Agency);
    }

    [Fact]
    public void Page_chrome_is_data()
    {
        // A breadcrumb with a separator the shipped wording does not know (▸) is read as part of the title.
        const string text = "网站导航 ▸ 某某县人民政府门户网站\n某某镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n";
        Assert.StartsWith("网站导航", ReportReader.Read(text).Agency);

        var wording = Edit(node => ((JsonArray)node["pageChrome"]!["symbols"]!).Add("▸"));
        var read = ReportReader.Read(text, new ReadOptions { Wording = wording });
        Assert.Equal("某某镇人民政府", read.Agency);
        Assert.Equal(2022, read.Year);
    }

    [Fact]
    public void A_label_variant_is_data()
    {
        // The row 规范性文件 printed as 规范性文书: a variant the shipped wording does not have.
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "2019-gucheng-hui-township.txt"));
        string text = sample.Replace("\n规范性文件\t", "\n规范性文书\t", StringComparison.Ordinal);
        Assert.NotEqual(sample, text);
        var original = ReportReader.Read(sample);
        var row = original.Cells.Where(c => c.Cell.Row.Label == "规范性文件" || c.Cell.Row.Aliases.Contains("规范性文件")).Select(c => c.Cell.Path).ToList();
        Assert.NotEmpty(row);
        Assert.All(row, path => Assert.Equal(CellStatus.Missing, StatusOf(ReportReader.Read(text), path)));

        var wording = Edit(node => ((JsonArray)node["labelVariants"]!).Add(new JsonObject { ["printed"] = "文书", ["standsFor"] = "文件" }));
        var read = ReportReader.Read(text, new ReadOptions { Wording = wording });
        Assert.All(row, path => Assert.Equal(StatusOf(original, path), StatusOf(read, path)));
        Assert.All(row, path => Assert.Equal(CellStatus.Reported, StatusOf(read, path)));
    }

    [Fact]
    public void Units_are_data()
    {
        // A count with the measure word 份, which the shipped wording does not have.
        string text = Sample2021;
        var withDefault = ReportReader.Read(text);
        var cell = withDefault.Cells.First(c => c.Status == CellStatus.Reported && c.Cell.Kind == ValueKind.Count && c.SourceText is { Length: > 0 } s && s.All(char.IsAsciiDigit));
        var line = text.Split('\n')[cell.Position!.Value.Line - 1];
        int column = cell.Position.Value.Column - 1;
        string edited = ReplaceLine(text, cell.Position.Value.Line, line.Substring(0, column) + cell.SourceText + "份" + line.Substring(column + cell.SourceText!.Length));

        Assert.Equal(CellStatus.Missing, StatusOf(ReportReader.Read(edited), cell.Cell.Path));
        var wording = Edit(node => ((JsonArray)node["units"]!["count"]!).Add("份"));
        var read = ReportReader.Read(edited, new ReadOptions { Wording = wording });
        Assert.Equal(cell.Value, read.Cells.Single(c => c.Cell.Path == cell.Cell.Path).Value);
    }

    [Fact]
    public void Extraction_code_holds_no_report_wording()
    {
        // Wording lives in schema/wording.json and the template files; in the extraction code, Chinese text is allowed
        // only in messages (findings and errors) and in the data tables of script conversion and list numerals.
        var extraction = Path.Combine(RepositoryRoot.Path, "src", "GovInfoReports", "Extraction");
        string[] messageFiles = ["Alignment/MatchFindings.cs", "ReportReader.cs", "Wording/ReportWording.cs", "Documents/DocxDocumentReader.cs", "Documents/HtmlDocumentReader.cs", "Documents/Pdf/PdfDocumentReader.cs", "Documents/ReportDocument.cs", "Narrative/NarrativeFinding.cs", "Narrative/PartFinding.cs"];
        string[] dataTables = ["Tokens/ChineseScriptData.cs", "Tokens/LabelForms.cs", "Tokens/ChineseNumerals.cs"];
        var literal = new Regex("\"(?:[^\"\\\\\\n]|\\\\.)*\\p{IsCJKUnifiedIdeographs}(?:[^\"\\\\\\n]|\\\\.)*\"|'\\p{IsCJKUnifiedIdeographs}'");
        var offending = Directory.GetFiles(extraction, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(extraction, f).Replace('\\', '/'), Lines: File.ReadAllLines(f)))
            .Where(f => !messageFiles.Contains(f.File))
            .SelectMany(f => f.Lines.Select((line, i) => (f.File, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && literal.IsMatch(l.Text))
            .Where(l => !(dataTables.Contains(l.File) && (l.File.EndsWith("ChineseScriptData.cs", StringComparison.Ordinal) || l.Text.Contains("Numerals =", StringComparison.Ordinal))))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offending.Count == 0, "report wording in extraction code:\n" + string.Join("\n", offending));
        // And the check sees literals: the message catalogue has them.
        Assert.Contains(File.ReadAllLines(Path.Combine(extraction, "Alignment", "MatchFindings.cs")), literal.IsMatch);
    }

    private static CellStatus StatusOf(ReadResult read, string path) => read.Cells.Single(c => c.Cell.Path == path).Status;

    private static string ReplaceLine(string text, int lineNumber, string line)
    {
        var lines = text.Split('\n');
        lines[lineNumber - 1] = line;
        return string.Join('\n', lines);
    }

    private static ReportWording Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(ShippedWording)!;
        edit(node);
        string json = node.ToJsonString();
        Assert.True(Evaluate(json).IsValid, "the edited wording must still be valid");
        return ReportWording.Parse(json);
    }

    private static string Break(string where, string how)
    {
        var node = JsonNode.Parse(ShippedWording)!.AsObject();
        switch (how)
        {
            case "members":
                node.Remove(where);
                break;
            case "empty word":
                ((JsonArray)node["units"]!["count"]!).Add("");
                break;
            case "not a word":
                ((JsonArray)node["signs"]!["increase"]!).Add(3);
                break;
            default:
                node[where] = new JsonArray();
                break;
        }

        return node.ToJsonString();
    }

    private static EvaluationResults Evaluate(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, "wording.schema.json")));
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));
}
