using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GovInfoReports.Cli;
using GovInfoReports.Export;
using GovInfoReports.Extraction;
using GovInfoReports.Serialization;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary><c>extract</c>, <c>export</c>, SARIF, encodings, cross-year and the template commands.</summary>
public sealed class CliFormatTests
{
    private static readonly string[] Names =
    [
        "2019-gucheng-hui-township", "2020-haiyuan-lijun-township", "2020-mianyang-town", "2020-shaxian-huyuan-township", "2021-wuyuan-hesheng-township",
    ];

    [Fact]
    public void Extract_one_file_is_the_report_document_and_many_are_json_lines()
    {
        var (exit, output, _) = Tool.Run("extract", Tool.Sample("2020-mianyang-town"));
        Assert.Equal(GovInfoCli.Success, exit);
        var expected = ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town"))).Report!;
        Assert.Equal(expected, ReportJson.Deserialize(output));

        var many = Tool.Run("extract", Tool.Samples);
        Assert.Equal(GovInfoCli.Success, many.Exit);
        var lines = many.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = JsonDocument.Parse(lines[i]).RootElement;
            Assert.EndsWith(Names[i] + ".txt", line.GetProperty("file").GetString(), StringComparison.Ordinal);
            var report = ReportJson.Deserialize(line.GetProperty("report").GetRawText());
            Assert.Equal(ReportReader.Read(File.ReadAllText(Tool.Sample(Names[i]))).Report, report);
        }

        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("extract", Tool.Samples, "--format", "json").Exit);
    }

    [Fact]
    public void Export_csv_is_every_cell_of_every_sample_in_the_tidy_format()
    {
        var (exit, output, _) = Tool.Run("export", Tool.Samples, "--format", "csv");
        Assert.Equal(GovInfoCli.Success, exit);
        var rows = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", TidyCsv.Columns), rows[0]);
        Assert.Equal("file,template,year,agency,section,row,column,rowLabel,columnLabel,value,unit,status", rows[0]);

        // The same rows as the library writes for each extracted report, with the statuses extraction found.
        var expected = new StringBuilder();
        foreach (var name in Names)
        {
            var read = ReportReader.Read(File.ReadAllText(Tool.Sample(name)));
            string file = Tool.Samples.Replace('\\', '/') + "/" + name + ".txt";
            var csv = TidyCsv.ToCsv(read.Report!, file, read.Statuses).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            foreach (var row in csv.Skip(1))
                expected.Append(row).Append('\n');
        }

        Assert.Equal(expected.ToString(), string.Join("", rows.Skip(1).Select(r => r + "\n")));
        Assert.Equal(4 * GovInfoReports.Report2019.Template.Cells.Count + GovInfoReports.Report2021.Template.Cells.Count, rows.Length - 1);
        Assert.Contains(rows, r => r.Contains("2020-mianyang-town.txt", StringComparison.Ordinal) && r.Contains(",258463.87,元,reported", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("shaxian", StringComparison.Ordinal) && r.EndsWith(",missing", StringComparison.Ordinal));
    }

    /// <summary>The rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF).</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row.Clear();
                i++;
            }
            else field.Append(c);
        }

        return rows;
    }

    [Fact]
    public void Export_wide_csv_is_a_row_per_report_with_the_long_formats_values_and_bom_opens_in_excel()
    {
        var (exit, output, _) = Tool.Run("export", Tool.Samples, "--format", "wide-csv", "--bom");
        Assert.Equal(GovInfoCli.Success, exit);
        Assert.StartsWith("\uFEFFfile,template,year,agency,state,", output);
        var rows = ParseCsv(output.Substring(1));
        var header = rows[0];
        Assert.Equal(header.Length, header.Distinct().Count());
        Assert.Equal(Names.Length, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));

        // Every cell the long format reports, with its value (and unit) in the report's row; nothing else filled.
        var longRows = ParseCsv(Tool.Run("export", Tool.Samples, "--format", "csv").Out).Skip(1).ToList();
        foreach (var row in rows.Skip(1))
        {
            var cells = longRows.Where(l => l[0] == row[0]).ToList();
            Assert.Equal(cells[0][3], row[3]);
            int filled = 0;
            foreach (var cell in cells.Where(l => l[11] == "reported"))
            {
                string path = cell[4] + "." + cell[5] + "." + cell[6];
                int at = Array.IndexOf(header, path);
                Assert.Equal(cell[9], row[at]);
                if (at + 1 < header.Length && header[at + 1] == path + ".unit")
                    Assert.Equal(cell[10], row[at + 1]);
                filled++;
            }

            Assert.Equal(filled, Enumerable.Range(5, header.Length - 5).Count(i => !header[i].EndsWith(".unit", StringComparison.Ordinal) && row[i].Length > 0));
        }

        Assert.Equal("complete", rows.Single(r => r[0].EndsWith("2020-mianyang-town.txt", StringComparison.Ordinal))[4]);
        Assert.Equal("partial", rows.Single(r => r[0].EndsWith("shaxian-huyuan-township.txt", StringComparison.Ordinal))[4]);
        Assert.DoesNotContain('\uFEFF', Tool.Run("export", Tool.Samples, "--format", "wide-csv").Out);
    }

    [Fact]
    public void Export_findings_csv_has_a_row_for_every_finding_validate_gives()
    {
        var (exit, output, _) = Tool.Run("export", Tool.Samples, "--format", "findings-csv", "--lang", "en");
        Assert.Equal(GovInfoCli.Success, exit);
        var rows = ParseCsv(output);
        Assert.Equal(new[] { "file", "rule", "severity", "source", "message", "cells", "position" }, rows[0]);
        var expected = Tool.Files(Tool.Run("validate", Tool.Samples, "--format", "json", "--lang", "en").Out)
            .SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => (File: f.GetProperty("file").GetString(), Rule: x.GetProperty("rule").GetString(), Message: x.GetProperty("message").GetString())))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Skip(1).Select(r => ((string?)r[0], (string?)r[1], (string?)r[4])).ToList());
        Assert.Contains(rows, r => r[1] == "EX09" && r[5].Contains("applications.results.withheld.stateSecret.naturalPerson", StringComparison.Ordinal) && r[6] == "66:22");
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-8-bom")]
    public void A_sample_in_another_encoding_extracts_identically(string encoding)
    {
        using var folder = new Tool.Folder();
        foreach (var name in Names)
        {
            string text = File.ReadAllText(Tool.Sample(name));
            byte[] bytes = encoding switch
            {
                "gb18030" => CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text),
                "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
                "utf-16le" => Encoding.Unicode.GetBytes(text),
                "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
                _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            };
            string file = folder.WriteBytes(name + ".txt", bytes);
            var utf8 = Tool.Run("extract", Tool.Sample(name));
            var other = Tool.Run("extract", file);
            Assert.Equal(utf8.Exit, other.Exit);
            Assert.Equal(utf8.Out, other.Out);
        }

        var files = Tool.Files(Tool.Run("validate", folder.Path, "--format", "json").Out);
        string expectedName = encoding switch { "gb18030" => "gb18030", "utf-16be-bom" => "utf-16be", "utf-8-bom" => "utf-8", _ => "utf-16le" };
        Assert.All(files, f => Assert.Equal(expectedName, f.GetProperty("encoding").GetString()));
    }

    [Fact]
    public void Sarif_output_has_the_2_1_0_structure_with_rules_levels_and_locations()
    {
        using var folder = new Tool.Folder();
        folder.Write("mianyang-broken.txt", CliValidateTests.BrokenMianyang(out int line));
        File.Copy(Tool.Sample("2020-shaxian-huyuan-township"), Path.Combine(folder.Path, "shaxian.txt"));
        folder.WriteBytes("empty.txt", []);
        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "sarif", "--lang", "en");
        Assert.Equal(GovInfoCli.Findings, exit);

        var log = JsonDocument.Parse(output).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", log.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(log.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("govinfo", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ruleIds.Distinct().Count(), ruleIds.Count);
        string[] levels = ["none", "note", "warning", "error"];
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), levels);
        });

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            string id = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(result.GetProperty("level").GetString(), levels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            string uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute), uri);
            if (location.TryGetProperty("region", out var region))
            {
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            }

            Assert.Equal(16, result.GetProperty("partialFingerprints").GetProperty("govinfo/v1").GetString()!.Length);
            Assert.Contains(result.GetProperty("properties").GetProperty("source").GetString(), new[] { "report", "extraction", "input" });
        }

        // The broken total: an error at the line of the changed cell; the empty file: an error with the file only.
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "E1" && r.GetProperty("level").GetString() == "error"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith("mianyang-broken.txt", StringComparison.Ordinal)
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == line);
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "IN02" && !r.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "EX08" && r.GetProperty("level").GetString() == "warning");
    }

    [Fact]
    public void Cross_year_checks_continuity_per_agency_and_lists_missing_years()
    {
        using var folder = new Tool.Folder();
        File.Copy(Tool.Sample("2020-mianyang-town"), Path.Combine(folder.Path, "mianyang-2020.txt"));
        var previous = ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town"))).Report!;
        // 2021 for the same agency: 上年结转 is the 2020 report's 结转下年度继续办理, but for one more natural person
        // (so X1 fails in that column and in 总计); the request is still open, so the 2021 table itself adds up.
        var cells = new CellValue[Report2021.Template.Cells.Count];
        foreach (var column in new[] { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other", "total" })
        {
            int forward = previous.GetCell(previous.Template.FindCell("applications.carriedForward." + column)!.Index).ToInt32() ?? 0;
            var value = CellValue.FromInt32(column is "naturalPerson" or "total" ? forward + 1 : forward);
            cells[Report2021.Template.FindCell("applications.carriedOver." + column)!.Index] = value;
            cells[Report2021.Template.FindCell("applications.carriedForward." + column)!.Index] = value;
        }

        folder.Write("mianyang-2021.txt", TextLayouts.Render(Report2021.Template.CreateReport(cells, 2021, "棉洋镇人民政府"), TextLayout.Tabs, 1));

        // Another agency with 2019 and 2021: 2020 is missing.
        folder.Write("other-2019.txt", TextLayouts.Render(Report2019.Template.CreateReport(new CellValue[Report2019.Template.Cells.Count], 2019, "某某县和平乡人民政府"), TextLayout.CellPerLine, 2));
        folder.Write("other-2021.txt", TextLayouts.Render(Report2021.Template.CreateReport(new CellValue[Report2021.Template.Cells.Count], 2021, "某某县和平乡人民政府"), TextLayout.Tabs, 3));

        var plain = Tool.Files(Tool.Run("validate", folder.Path, "--format", "json").Out);
        Assert.DoesNotContain(plain.SelectMany(f => f.GetProperty("findings").EnumerateArray()), f => f.GetProperty("rule").GetString() == "X1");

        var (exit, output, error) = Tool.Run("validate", folder.Path, "--format", "json", "--cross-year", "--lang", "en");
        Assert.Equal(GovInfoCli.Success, exit);
        var files = Tool.Files(output);
        var mianyang2021 = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("mianyang-2021.txt", StringComparison.Ordinal));
        var x1 = mianyang2021.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "X1").ToList();
        Assert.Equal(2, x1.Count);
        var total = Assert.Single(x1, f => f.GetProperty("cells").EnumerateArray().Any(c => c.GetString() == "applications.carriedOver.total"));
        Assert.Equal("warning", total.GetProperty("severity").GetString());
        Assert.Equal("report", total.GetProperty("source").GetString());
        Assert.Contains("previous.applications.carriedForward.total", total.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Cross-year: consecutive-year pairs checked: 1;", error, StringComparison.Ordinal);
        Assert.Contains("  missing: 某某县和平乡人民政府 2020", error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing: 棉洋镇人民政府", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_schema_and_diff_show_templates_and_what_a_change_does()
    {
        var describe = Tool.Run("describe", "2021");
        Assert.Equal(GovInfoCli.Success, describe.Exit);
        Assert.Contains("Template 2021:", describe.Out, StringComparison.Ordinal);
        Assert.Contains("rules (" + Report2021.Template.Rules.Count + "):", describe.Out, StringComparison.Ordinal);
        Assert.Contains("  E1 [error] each column in applications: newlyReceived + carriedOver == results.total + carriedForward", describe.Out, StringComparison.Ordinal);
        Assert.Contains("    zh: {context}第一项加第二项之和应等于第三项加第四项之和", describe.Out, StringComparison.Ordinal);

        var schema = Tool.Run("schema", "2019");
        Assert.Equal(GovInfoCli.Success, schema.Exit);
        Assert.Equal(ReportJsonSchema.Generate(Report2019.Template).TrimEnd(), schema.Out.TrimEnd());

        // The review aid for a new year: the package test's 2025 file against the registered 2021 template.
        string file2025 = Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, "tests", "GovInfoReports.PackageTests", "Consumer", "templates", "2025.json");
        var diff = Tool.Run("diff", "2021", file2025, "--format", "json");
        Assert.Equal(GovInfoCli.Success, diff.Exit);
        var changes = JsonDocument.Parse(diff.Out).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("change").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("path").GetString())).ToList();
        Assert.Equal(
            [("changed", "template", "basis"), ("changed", "template", "title"), ("added", "row", "proactiveDisclosure.enforcement.administrativeInspection"), ("added", "rule", "N1")],
            changes);

        // From one official year to the next: the 2019 → 2021 relabelling of a row whose id stayed.
        var official = Tool.Run("diff", Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, "schema", "2019.json"), Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, "schema", "2021.json"));
        Assert.Equal(GovInfoCli.Success, official.Exit);
        Assert.Matches(@"\n\d+ added, \d+ removed, \d+ changed\n$", official.Out);
        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("diff", "2021", "no-such.json").Exit);
    }

    [Fact]
    public void The_decoder_tells_empty_and_binary_files_from_text()
    {
        Assert.Equal(TextFileProblem.Empty, ReportTextFile.Decode([]).Problem);
        Assert.Equal(TextFileProblem.Empty, ReportTextFile.Decode([0xEF, 0xBB, 0xBF, 0x20, 0x0A]).Problem);
        Assert.Equal(TextFileProblem.Binary, ReportTextFile.Decode([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xE2, 0xE3]).Problem);
        Assert.Equal(TextFileProblem.Binary, ReportTextFile.Decode([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42]).Problem);
        var gbk = ReportTextFile.Decode(CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes("二、主动公开政府信息情况\n第二十条第（一）项"));
        Assert.Equal(("gb18030", "二、主动公开政府信息情况\n第二十条第（一）项"), (gbk.Encoding, gbk.Text));
        var utf8 = ReportTextFile.Decode(Encoding.UTF8.GetBytes("行政许可\t256"));
        Assert.Equal(("utf-8", "行政许可\t256"), (utf8.Encoding, utf8.Text));
    }
}
