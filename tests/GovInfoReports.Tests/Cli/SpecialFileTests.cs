using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Cli;
using GovInfoReports.Serialization;
using GovInfoReports.Tests.Extraction;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary>What a folder fetched from the web may hold besides report files, and outputs written where they should not be.</summary>
public class SpecialFileTests
{
    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", new[] { "-c", command }) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, command + ": " + process.StandardError.ReadToEnd());
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string Good(Tool.Folder folder, string name = "good.txt") =>
        folder.Write(name, File.ReadAllText(Tool.Sample("2020-mianyang-town")));

    private static JsonElement Row(string json, string name) =>
        Tool.Files(json).Single(f => f.GetProperty("file").GetString()!.EndsWith(name, StringComparison.Ordinal));

    private static string[] Rules(JsonElement row) => row.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!).ToArray();

    [Fact]
    public void A_named_pipe_and_a_link_to_a_device_are_rows_of_their_own_never_opened()
    {
        if (!OperatingSystem.IsLinux())
            return; // named pipes and /dev/zero are what this checks; CI runs on Linux
        using var folder = new Tool.Folder();
        Good(folder);
        Shell($"mkfifo '{folder.Path}/pipe.txt' && ln -s /dev/zero '{folder.Path}/zero-link.txt'");

        // The pipe has no writer: opening it would block the run for ever. The link leads out of the folder: not followed.
        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
        Assert.Equal(GovInfoCli.Findings, exit);
        Assert.Equal(2, Tool.Files(output).Count);
        Assert.True(Row(output, "good.txt").GetProperty("complete").GetBoolean());
        Assert.Equal(new[] { "IN07" }, Rules(Row(output, "pipe.txt")));

        // Named on the command line, the link to /dev/zero (a file of no length that never ends) is not read either.
        var direct = Tool.Run("validate", Path.Combine(folder.Path, "zero-link.txt"), Tool.Sample("2021-wuyuan-hesheng-township"), "--format", "json");
        Assert.Equal(new[] { "IN07" }, Rules(Row(direct.Out, "zero-link.txt")));
        Assert.True(Row(direct.Out, "wuyuan-hesheng-township.txt").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Links_back_into_the_folder_or_out_of_it_do_not_repeat_or_add_reports()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new Tool.Folder();
        Good(folder);
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        Good(folder, "sub/other.txt");
        Shell($"cd '{folder.Path}' && ln -s . self && ln -s .. sub/up && ln -s '{folder.Path}' again && ln -s good.txt alias.txt && ln -s '{Tool.Sample("2019-gucheng-hui-township")}' outside.txt");

        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json");
        Assert.Equal(GovInfoCli.Success, exit);
        Assert.Equal(new[] { "good.txt", "sub/other.txt" }, Tool.Files(output).Select(f => f.GetProperty("file").GetString()![(folder.Path.Length + 1)..]));
    }

    [Fact]
    public void A_file_name_that_is_not_UTF8_is_a_row_asking_to_rename_it()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new Tool.Folder();
        Good(folder);
        Shell($"cp '{Tool.Sample("2020-mianyang-town")}' '{folder.Path}/'$'bad\\xff.txt'");
        var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
        Assert.Equal(GovInfoCli.UsageOrIo, exit);
        var bad = Tool.Files(output).Single(f => f.GetProperty("file").GetString()!.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Equal(new[] { "IN09" }, Rules(bad));
        Assert.Contains("rename it", bad.GetProperty("findings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(Row(output, "good.txt").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void An_unreadable_folder_is_a_row_and_exit_code_2()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new Tool.Folder();
        Good(folder);
        Good(folder, "locked/inside.txt");
        Shell($"chmod 000 '{folder.Path}/locked'");
        try
        {
            var (exit, output, _) = Tool.Run("validate", folder.Path, "--format", "json", "--lang", "en");
            Assert.True(Row(output, "good.txt").GetProperty("complete").GetBoolean());
            if (IsRoot)
            {
                // Root reads a folder whatever its mode: the files in it are read as any others.
                Assert.Equal(GovInfoCli.Success, exit);
                Assert.True(Row(output, "locked/inside.txt").GetProperty("complete").GetBoolean());
            }
            else
            {
                Assert.Equal(GovInfoCli.UsageOrIo, exit);
                Assert.Equal(new[] { "IN08" }, Rules(Row(output, "locked/")));
            }
        }
        finally
        {
            Shell($"chmod 755 '{folder.Path}/locked'");
        }
    }

    [Fact]
    public void A_line_break_in_a_file_name_stays_on_its_line_in_text_output()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new Tool.Folder();
        Good(folder, "a.txt");
        folder.Write("b\nfake.txt: 2019 format, 2020, X, complete.txt", "no report here");
        var (_, output, _) = Tool.Run("validate", folder.Path, "--lang", "en");
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("b\\nfake.txt: 2019 format", StringComparison.Ordinal) && l.EndsWith("no report recognised", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("fake.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_prints_an_agency_name_as_one_escaped_line()
    {
        var report = SampleExtractionTests.Read("2020-mianyang-town").Report!;
        string json = ReportJson.Serialize(report).Replace("\"棉洋镇人民政府\"", "\"镇\\n# <script>alert(1)</script>\\u0007\"", StringComparison.Ordinal);
        using var folder = new Tool.Folder();
        string path = folder.Write("report.json", json);

        var markdown = Tool.Run("render", path, "--format", "md");
        Assert.Equal(GovInfoCli.Success, markdown.Exit);
        Assert.StartsWith("# 镇 \\# \\<script\\>alert(1)\\</script\\> 2020年政府信息公开工作年度报告\n", markdown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown.Out, StringComparison.Ordinal);

        var text = Tool.Run("render", path, "--format", "txt");
        Assert.StartsWith("镇 # <script>alert(1)</script> 2020年政府信息公开工作年度报告\n", text.Out, StringComparison.Ordinal);

        var docx = Tool.Run("render", path, "--format", "docx", "--output", Path.Combine(folder.Path, "report.docx"));
        Assert.Equal(GovInfoCli.Success, docx.Exit);
    }

    [Fact]
    public void Output_goes_through_a_link_keeps_its_mode_and_a_read_only_file_is_refused()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var folder = new Tool.Folder();
        string good = Good(folder);
        string target = folder.Write("target.json", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        string link = Path.Combine(folder.Path, "link.json");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(GovInfoCli.Success, Tool.Run("validate", good, "--format", "json", "--output", link).Exit);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Single(Tool.Files(File.ReadAllText(target)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));

        string locked = folder.Write("locked.json", "keep me");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead);
        var refused = Tool.Run("validate", good, "--format", "json", "--output", locked);
        Assert.Equal(GovInfoCli.UsageOrIo, refused.Exit);
        Assert.Contains("read-only", refused.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(locked));
    }

    [Fact]
    public void An_output_written_into_the_scanned_folder_is_not_read_as_a_report()
    {
        using var folder = new Tool.Folder();
        Good(folder);
        string results = Path.Combine(folder.Path, "results.txt");
        Assert.Equal(GovInfoCli.Success, Tool.Run("validate", folder.Path, "--output", results).Exit);
        var again = Tool.Run("validate", folder.Path, "--format", "json", "--output", results);
        Assert.Equal(GovInfoCli.Success, again.Exit);
        Assert.Single(Tool.Files(File.ReadAllText(results)));
    }
}
