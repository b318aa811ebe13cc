using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.NativeTests;

/// <summary>
/// The native tool is the same tool: every command prints the same bytes, ends with the same exit code and writes the
/// same files as the framework-dependent tool, over inputs of every kind (text, HTML, Word, PDF, unreadable PDFs, an
/// unsupported format) and over a user's template file read at run time.
/// </summary>
[Collection(NativeCollection.Name)]
public sealed class NativeToolTests
{
    private static readonly string ConsumerFolder = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.PackageTests", "Consumer");

    private readonly NativeTool _tool;

    public NativeToolTests(NativeTool tool) => _tool = tool;

    [Fact]
    public void The_native_build_succeeds_without_a_trimming_or_ahead_of_time_warning()
    {
        Assert.True(_tool.Publish.ExitCode == 0, _tool.Publish.ToString());
        // IL2xxx (trimming) and IL3xxx (ahead-of-time) warnings name code that may behave differently when compiled ahead of
        // time; the tool has none, and a change that brings one fails here (the build's own warnings are errors already).
        var warnings = _tool.Publish.OutText.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.True(File.Exists(_tool.Executable), _tool.Publish.ToString());
    }

    public static TheoryData<string, int> Commands() => new()
    {
        // Every input kind at once: reports that add up and do not, unreadable PDFs, a .doc: exit 1 (errors found).
        { "validate in --format json", 1 },
        { "validate in --format jsonl --lang en", 1 },
        { "validate in --format sarif", 1 },
        { "validate in --lang en", 1 },
        { "validate in --cross-year --lang en", 1 },
        { "extract in --format jsonl --sources", 1 },
        { "export in --format csv", 1 },
        { "export in --format wide-csv --bom", 1 },
        { "export in --format findings-csv --lang en", 1 },
        { "validate in/lo-2021.pdf --format json --lang en", 0 },
        { "render in/2021-wuyuan-hesheng-township.txt --format html", 0 },
        { "render in/2020-mianyang-town.txt --format md", 0 },
        { "templates", 0 },
        { "describe 2021", 0 },
        { "schema 2019", 0 },
        { "diff 2019 2021", 0 },
        { "validate no-such-folder", 2 },
        { "--help", 0 },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_prints_the_same_bytes_and_exit_code(string command, int exitCode)
    {
        string[] arguments = command.Split(' ');
        var managed = _tool.RunManaged(arguments);
        var native = _tool.RunNative(arguments);

        Assert.True(managed.ExitCode == exitCode, managed.ToString());
        Assert.True(native.ExitCode == exitCode, native.ToString());
        Assert.True(managed.Out.Length + managed.Error.Length > 0, managed.ToString());
        Assert.Equal(managed.OutText, native.OutText);
        Assert.Equal(managed.ErrorText, native.ErrorText);
        Assert.Equal(managed.Out, native.Out);
    }

    [Fact]
    public void A_users_template_file_is_read_and_checked_at_run_time_alike()
    {
        string template = Path.Combine(ConsumerFolder, "templates", "2025.json");
        string report = Path.Combine(ConsumerFolder, "reports", "2025-example-county.txt");
        string[] validate = ["validate", "--templates", template, report, "--format", "json", "--lang", "en"];
        var managed = _tool.RunManaged(validate);
        var native = _tool.RunNative(validate);
        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.Contains("\"template\":\"2025\"", native.OutText, StringComparison.Ordinal);
        Assert.Contains("\"complete\":true", native.OutText, StringComparison.Ordinal);
        Assert.Equal(managed.OutText, native.OutText);

        // A broken copy (a rule naming a row that does not exist): the same GIR line, exit 1.
        string broken = Path.Combine(_tool.RunDirectory, "broken", "2025.json");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        string text = File.ReadAllText(template);
        File.WriteAllText(broken, text[..(text.LastIndexOf('}') - 1)]);
        var checkManaged = _tool.RunManaged("check", broken);
        var checkNative = _tool.RunNative("check", broken);
        Assert.Equal(1, checkNative.ExitCode);
        Assert.Contains(": error GIR", checkNative.OutText + checkNative.ErrorText, StringComparison.Ordinal);
        Assert.Equal(checkManaged.OutText + checkManaged.ErrorText, checkNative.OutText + checkNative.ErrorText);
    }

    public static TheoryData<string> FileCommands() => new()
    {
        "export in --format csv --bom -o {out}/long.csv",
        "export in --format xlsx --tables -o {out}/book.xlsx",
        "report in -o {out}/site",
        "render word/2020-report.docx --format docx -o {out}/again.docx",
        "render in/lo-2019.pdf --format txt -o {out}/lo-2019.txt",
    };

    [Theory]
    [MemberData(nameof(FileCommands))]
    public void A_command_writes_the_same_files(string command)
    {
        var managed = RunInto(command, "out-managed", _tool.RunManaged);
        var native = RunInto(command, "out-native", _tool.RunNative);
        Assert.Equal(managed.Run.ExitCode, native.Run.ExitCode);
        Assert.Equal(managed.Run.OutText.Replace("out-managed", "{out}", StringComparison.Ordinal), native.Run.OutText.Replace("out-native", "{out}", StringComparison.Ordinal));
        Assert.Equal(managed.Run.ErrorText.Replace("out-managed", "{out}", StringComparison.Ordinal), native.Run.ErrorText.Replace("out-native", "{out}", StringComparison.Ordinal));

        Assert.NotEmpty(managed.Files);
        Assert.Equal(managed.Files.Keys.Order(StringComparer.Ordinal), native.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in managed.Files)
            Assert.True(bytes.AsSpan().SequenceEqual(native.Files[name]), name + " differs");
    }

    /// <summary>Runs a command writing into a fresh folder; returns every file written (a zip's entries one by one, without their times).</summary>
    private (ToolRun Run, Dictionary<string, byte[]> Files) RunInto(string command, string folder, Func<string[], ToolRun> run)
    {
        string directory = Path.Combine(_tool.RunDirectory, folder);
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var result = run(command.Replace("{out}", folder, StringComparison.Ordinal).Split(' '));
        Assert.True(result.ExitCode is 0 or 1, result.ToString());

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (file.EndsWith(".xlsx", StringComparison.Ordinal) || file.EndsWith(".docx", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(file);
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    files[name + "!" + entry.FullName] = copy.ToArray();
                }
            }
            else
            {
                files[name] = File.ReadAllBytes(file);
            }
        }

        return (result, files);
    }
}
