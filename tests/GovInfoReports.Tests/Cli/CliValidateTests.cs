using System.Collections.Generic;
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Cli;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary><c>govinfo validate</c> over the samples: per-file results, formats, exit codes and the summary.</summary>
public sealed class CliValidateTests
{
    [Fact]
    public void Validate_json_gives_each_samples_template_year_agency_completeness_and_findings()
    {
        var (exit, output, error) = Tool.Run("validate", Tool.Samples, "--format", "json");
        var files = Tool.Files(output);
        Assert.Equal(5, files.Count);

        // Stable order: by path under the folder.
        var names = files.Select(f => Path.GetFileName(f.GetProperty("file").GetString())).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        foreach (var file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file.GetProperty("file").GetString())!;
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Tool.Samples, "expected", name + ".json")));
            var root = document.RootElement;
            Assert.Equal(root.GetProperty("template").GetString(), file.GetProperty("template").GetString());
            Assert.Equal(root.GetProperty("year").GetInt32(), file.GetProperty("year").GetInt32());
            Assert.Equal(root.GetProperty("agency").GetString(), file.GetProperty("agency").GetString());
            Assert.Equal(name != "2020-shaxian-huyuan-township", file.GetProperty("complete").GetBoolean());
            Assert.Equal("utf-8", file.GetProperty("encoding").GetString());
        }

        // The samples' tables add up: the report's only finding is gucheng's missing part 六、其他需要报告的事项 (P6,
        // a warning); shaxian's unreadable rows make rules not assessable, which is the extraction's uncertainty (a
        // warning), never an error of the report.
        var findings = files.SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => (File: f.GetProperty("file").GetString()!, Finding: x))).ToList();
        var reportFindings = findings.Where(f => f.Finding.GetProperty("source").GetString() == "report").ToList();
        var part = Assert.Single(reportFindings);
        Assert.EndsWith("2019-gucheng-hui-township.txt", part.File);
        Assert.Equal(("P6", "warning"), (part.Finding.GetProperty("rule").GetString(), part.Finding.GetProperty("severity").GetString()));
        var all = files.SelectMany(f => f.GetProperty("findings").EnumerateArray()).ToList();
        Assert.DoesNotContain(all, f => f.GetProperty("severity").GetString() == "error");
        var shaxian = files.Single(f => f.GetProperty("file").GetString()!.Contains("shaxian", StringComparison.Ordinal));
        var rules = shaxian.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("E1", rules);
        Assert.Contains("EX08", rules);
        var e1 = shaxian.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "E1");
        Assert.Equal("extraction", e1.GetProperty("source").GetString());
        Assert.Equal("warning", e1.GetProperty("severity").GetString());
        Assert.Contains("applications.carriedForward.naturalPerson", e1.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));

        // Fingerprints are unique within the run and the same in the next run.
        var prints = all.Select(f => f.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
        var again = Tool.Files(Tool.Run("validate", Tool.Samples, "--format", "json").Out)
            .SelectMany(f => f.GetProperty("findings").EnumerateArray()).Select(f => f.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(prints, again);

        Assert.Equal(GovInfoCli.Success, exit);
        Assert.Contains("5 reports recognised (4 complete, 1 partial)", Tool.Run("validate", Tool.Samples, "--format", "json", "--lang", "en").Err, StringComparison.Ordinal);
        Assert.Contains("文件 5 个", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_text_ends_with_the_coverage_summary()
    {
        var (exit, output, _) = Tool.Run("validate", Tool.Samples, "--lang", "en");
        Assert.Equal(GovInfoCli.Success, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith(Tool.Samples.Replace('\\', '/') + "/2019-gucheng-hui-township.txt: 2019 format, 2019, 古城回族乡, complete", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith("2020-shaxian-huyuan-township.txt: 2019 format, 2020, 沙县湖源乡人民政府, partial (70 of 198 cells missing)", StringComparison.Ordinal));
        Assert.Contains("Files: 5 read, 5 reports recognised (4 complete, 1 partial), 0 not reports, 0 unreadable.", lines);
        Assert.Contains("By template and year: 2019 format 4 (2019: 1, 2020: 3); 2021 format 1 (2021: 1)", lines);
        Assert.Matches(@"^Findings: 0 errors, \d+ warnings, \d+ info \(0 suppressed\)\.$", lines[^1]);
    }

    [Fact]
    public void A_report_whose_numbers_do_not_add_up_is_an_error_of_the_report_and_exit_code_1()
    {
        using var folder = new Tool.Folder();
        string broken = folder.Write("mianyang-broken.txt", BrokenMianyang(out int line));
        var (exit, output, _) = Tool.Run("validate", broken, "--format", "jsonl", "--lang", "en");
        Assert.Equal(GovInfoCli.Findings, exit);
        var file = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        var e1 = file.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "E1").ToList();
        Assert.NotEmpty(e1);
        Assert.All(e1, f =>
        {
            Assert.Equal("error", f.GetProperty("severity").GetString());
            Assert.Equal("report", f.GetProperty("source").GetString());
        });
        Assert.Contains(e1, f => f.GetProperty("line").GetInt32() == line);
    }

    [Fact]
    public void Usage_errors_and_unreadable_paths_exit_with_2_and_one_line()
    {
        var unknownOption = Tool.Run("validate", Tool.Samples, "--colour");
        Assert.Equal(GovInfoCli.UsageOrIo, unknownOption.Exit);
        Assert.Contains("--colour", unknownOption.Err, StringComparison.Ordinal);

        var badFormat = Tool.Run("validate", Tool.Samples, "--format", "xml");
        Assert.Equal(GovInfoCli.UsageOrIo, badFormat.Exit);

        var unknownTemplate = Tool.Run("validate", Tool.Samples, "--template", "1999");
        Assert.Equal(GovInfoCli.UsageOrIo, unknownTemplate.Exit);
        Assert.Contains("no template '1999'", unknownTemplate.Err, StringComparison.Ordinal);

        // A path that does not exist is one error row in its place; the other files carry on.
        string missing = Path.Combine(Tool.Samples, "no-such-report.txt");
        var (exit, output, _) = Tool.Run("validate", Tool.Sample("2020-mianyang-town"), missing, "--format", "json");
        Assert.Equal(GovInfoCli.UsageOrIo, exit);
        var files = Tool.Files(output);
        Assert.Equal(2, files.Count);
        Assert.Equal("2019", files[0].GetProperty("template").GetString());
        var row = files[1];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("template").ValueKind);
        var finding = Assert.Single(row.GetProperty("findings").EnumerateArray());
        Assert.Equal("IN01", finding.GetProperty("rule").GetString());
        Assert.Equal("input", finding.GetProperty("source").GetString());
    }

    [Fact]
    public void A_binary_an_empty_and_a_non_report_file_each_give_one_clear_result_and_the_run_carries_on()
    {
        using var folder = new Tool.Folder();
        folder.WriteBytes("a-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0xFF]);
        folder.WriteBytes("b-empty.txt", []);
        folder.Write("c-not-a-report.txt", "关于印发《2024年政务公开工作要点》的通知\n各乡镇人民政府：现将要点印发给你们，请认真贯彻落实。\n");
        File.Copy(Tool.Sample("2020-mianyang-town"), Path.Combine(folder.Path, "d-mianyang.txt"));

        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
        Assert.Equal(GovInfoCli.Findings, exit);
        var files = Tool.Files(output);
        Assert.Equal(["a-binary.txt", "b-empty.txt", "c-not-a-report.txt", "d-mianyang.txt"], files.Select(f => Path.GetFileName(f.GetProperty("file").GetString())));
        string Rule(int i) => Assert.Single(files[i].GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString()!;
        Assert.Equal("IN03", Rule(0));
        Assert.Equal("IN02", Rule(1));
        Assert.Equal("EX01", Rule(2));
        Assert.Equal("2019", files[3].GetProperty("template").GetString());
        Assert.Empty(files[3].GetProperty("findings").EnumerateArray());

        var text = Tool.Run("validate", folder.Path, "--lang", "en").Out.Split('\n');
        Assert.Contains(text, l => l.StartsWith("  error IN03 [input]: The file is not text", StringComparison.Ordinal));
        Assert.Contains(text, l => l.StartsWith("  error IN02 [input]: The file is empty.", StringComparison.Ordinal));
        Assert.Contains("Files: 4 read, 1 reports recognised (1 complete, 0 partial), 3 not reports, 0 unreadable.", text);
    }

    [Fact]
    public void A_suppression_file_hides_exactly_the_findings_it_names()
    {
        var all = Tool.Files(Tool.Run("validate", Tool.Samples, "--format", "json").Out)
            .SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => x.GetProperty("fingerprint").GetString()!)).ToList();
        Assert.True(all.Count >= 4);
        var hidden = all.Where((_, i) => i % 2 == 0).ToList();

        using var folder = new Tool.Folder();
        string suppress = folder.Write("reviewed.txt", "# reviewed 2026-11\n\n" + string.Join("\n", hidden.Select(h => h + "  looked at, fine")) + "\n");
        var (exit, output, error) = Tool.Run("validate", Tool.Samples, "--format", "json", "--suppress", suppress, "--lang", "en");
        Assert.Equal(GovInfoCli.Success, exit);
        var left = Tool.Files(output).SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => x.GetProperty("fingerprint").GetString()!)).ToList();
        Assert.Equal(all.Except(hidden), left);
        Assert.Contains($"({hidden.Count} suppressed)", error, StringComparison.Ordinal);

        string bad = folder.Write("bad.txt", "not-a-fingerprint\n");
        var rejected = Tool.Run("validate", Tool.Samples, "--suppress", bad);
        Assert.Equal(GovInfoCli.UsageOrIo, rejected.Exit);
        Assert.Contains("bad.txt(1)", rejected.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeats_of_a_finding_are_numbered_in_order_whatever_is_suppressed()
    {
        using var folder = new Tool.Folder();
        string file = folder.Write("repeats.txt", File.ReadAllText(Tool.Sample("2020-mianyang-town")) + "\n" + string.Concat(Enumerable.Repeat("行政许可\t21\t+98\t1780\n", 6)));
        List<string> Repeats(params string[] options) => Tool.Files(Tool.Run(new[] { "validate", file, "--format", "json" }.Concat(options).ToArray()).Out).Single()
            .GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "EX18").Select(f => f.GetProperty("fingerprint").GetString()!).ToList();

        var all = Repeats();
        Assert.Equal(6, all.Count);
        Assert.Equal(6, all.Distinct().Count());

        // Suppressing the first and the third leaves the others with the fingerprints they had.
        string suppress = folder.Write("reviewed.txt", all[0] + "\n" + all[2] + "\n");
        Assert.Equal(all.Where((_, i) => i is not (0 or 2)), Repeats("--suppress", suppress));
    }

    [Fact]
    public void A_template_override_reads_the_file_as_that_template_and_says_so()
    {
        var detected = Tool.Files(Tool.Run("validate", Tool.Sample("2021-wuyuan-hesheng-township"), "--format", "json").Out).Single();
        Assert.Equal("2021", detected.GetProperty("template").GetString());

        var (_, output, _) = Tool.Run("validate", Tool.Sample("2021-wuyuan-hesheng-township"), "--format", "json", "--template", "2019", "--jobs", "1");
        var forced = Tool.Files(output).Single();
        Assert.Equal("2019", forced.GetProperty("template").GetString());
        Assert.Contains(forced.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "EX05");
    }

    [Fact]
    public void Output_goes_to_the_file_only_when_complete()
    {
        using var folder = new Tool.Folder();
        string target = Path.Combine(folder.Path, "out", "findings.json");
        var (exit, output, _) = Tool.Run("validate", Tool.Samples, "--format", "json", "--output", target);
        Assert.Equal(GovInfoCli.Success, exit);
        Assert.Equal("", output);
        Assert.Equal(5, Tool.Files(File.ReadAllText(target)).Count);
        Assert.Equal(["findings.json"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    /// <summary>mianyang with 本年新收 (natural persons) raised by 5, so that E1 and E2 fail; <paramref name="line"/> is where that cell stands.</summary>
    internal static string BrokenMianyang(out int line)
    {
        string text = File.ReadAllText(Tool.Sample("2020-mianyang-town"));
        var read = GovInfoReports.Extraction.ReportReader.Read(text);
        var cell = read.Cells.Single(c => c.Cell.Path == "applications.newlyReceived.naturalPerson");
        line = cell.Position!.Value.Line;
        var lines = text.Split('\n');
        string original = lines[line - 1];
        int column = cell.Position.Value.Column - 1;
        int value = int.Parse(cell.SourceText!, System.Globalization.CultureInfo.InvariantCulture);
        lines[line - 1] = original[..column] + (value + 5).ToString(System.Globalization.CultureInfo.InvariantCulture) + original[(column + cell.SourceText!.Length)..];
        return string.Join('\n', lines);
    }

    [Fact]
    public void Every_file_of_a_folder_is_accounted_for_formats_not_read_are_rows_with_their_finding()
    {
        using var folder = new Tool.Folder();
        File.Copy(Tool.Sample("2020-mianyang-town"), Path.Combine(folder.Path, "report.txt"));
        var kinds = new Dictionary<string, string>
        {
            ["old.doc"] = ".docx", ["draft.wps"] = ".docx", ["sheet.xls"] = "PDF", ["sheet.et"] = "PDF", ["scan.png"] = "OCR",
            ["photo.JPG"] = "OCR", ["all.zip"] = "extract", ["all.rar"] = "extract", ["doc.ofd"] = "PDF",
        };
        foreach (var name in kinds.Keys)
            folder.WriteBytes(name, [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]);
        folder.Write("notes.json", "{}");
        folder.Write("readme.md", "#");
        folder.WriteBytes("~$old.doc", [0]);

        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
        Assert.Equal(GovInfoCli.Success, exit);
        var files = Tool.Files(output);
        Assert.Equal(kinds.Count + 1, files.Count);
        foreach (var (name, advice) in kinds)
        {
            var file = Assert.Single(files, f => f.GetProperty("file").GetString()!.EndsWith("/" + name, StringComparison.Ordinal));
            var finding = Assert.Single(file.GetProperty("findings").EnumerateArray());
            Assert.Equal("IN12", finding.GetProperty("rule").GetString());
            Assert.Equal("warning", finding.GetProperty("severity").GetString());
            Assert.Contains(advice, finding.GetProperty("message").GetString());
        }

        var text = Tool.Run("validate", folder.Path, "--lang", "en");
        Assert.Contains("Files: 10 read, 1 reports recognised (1 complete, 0 partial), 0 not reports, 0 unreadable, 9 in formats not read (see IN12).", text.Err + text.Out);
        Assert.Contains("Also 2 other file(s) not read (not a report format): .json 1, .md 1.", text.Err + text.Out);
        Assert.Contains("/old.doc: format not read", text.Out);
    }
}
