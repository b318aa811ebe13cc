using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>README's "Add a template year" is what the package test does: every block of it is checked against the consumer.</summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeTests
{
    private const string Omission = "// …";

    private readonly PackageFixture _package;

    public ReadmeTests(PackageFixture package) => _package = package;

    [Fact]
    public void Every_block_of_Add_a_template_year_is_what_the_package_test_does()
    {
        var blocks = Blocks(Section("### Add a template year"));
        Assert.Contains(blocks, b => b.Language == "sh");
        Assert.Contains(blocks, b => b.Language == "json");
        Assert.Contains(blocks, b => b.Language == "xml");
        Assert.Contains(blocks, b => b.Language == "csharp");
        Assert.Contains(blocks, b => b.Language == "text");

        var consumer = _package.Consumer;
        var broken = _package.Broken;
        _ = _package.Snapshots;
        // The tool's commands, run as README shows them (the tool tests assert more about them).
        var check = _package.RunTool(Path.GetDirectoryName(Path.GetDirectoryName(broken.File))!, "check", "templates/2025.json");
        Assert.True(check.ExitCode == 1, check.ToString());
        var validate = _package.RunTool(consumer.Directory, "validate", "--templates", "templates/2025.json", "reports/2025-example-county.txt");
        Assert.True(validate.ExitCode == 0, validate.ToString());

        string template = Path.Combine(Repository.Consumer, "templates", "2025.json");
        string project = Path.Combine(Repository.Consumer, "Consumer.csproj");
        string program = Path.Combine(Repository.Consumer, "Program.cs");
        string snapshotTests = Path.Combine(Repository.Root, "tests", "GovInfoReports.PackageTests", "ConsumerSnapshots", "TemplateTests.cs");
        foreach (var (language, lines) in blocks)
        {
            switch (language)
            {
                case "sh":
                    // Each command is one the tests ran in a consumer copy (they add the exact version packed).
                    var commands = _package.Commands.Select(c => c.Command).ToList();
                    Assert.All(lines, l => Assert.True(commands.Any(c => c == l || c.StartsWith(l + " ", StringComparison.Ordinal)),
                        $"README's `{l}` is not a command the package test runs: {string.Join("; ", commands)}"));
                    break;
                case "json":
                    InOrder(lines, template);
                    break;
                case "xml":
                    InOrder(lines, project);
                    break;
                case "csharp":
                    // From the consumer's program, or from the user's snapshot test project.
                    var code = lines.Where(l => l != Omission).ToList();
                    InOrder(code, File.ReadAllLines(snapshotTests).Select(l => l.Trim()).Contains(code[0]) ? snapshotTests : program);
                    break;
                case "text":
                    // The error the broken template gives, with the copy's directory and the project suffix left out.
                    string directory = Path.GetDirectoryName(Path.GetDirectoryName(broken.File))! + Path.DirectorySeparatorChar;
                    var errors = broken.Build.Output.Split('\n')
                        .Select(l => Regex.Replace(l.TrimEnd('\r'), @" \[[^\]]*\.csproj\]$", ""))
                        .Where(l => l.StartsWith(directory, StringComparison.Ordinal))
                        .Select(l => l[directory.Length..])
                        .ToList();
                    Assert.All(lines, l => Assert.Contains(l, errors));
                    // govinfo check prints the same line without a build.
                    var checkLines = check.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                    Assert.All(lines, l => Assert.Contains(l, checkLines));
                    break;
                default:
                    Assert.Fail("an unchecked block in README's Add a template year: " + language);
                    break;
            }
        }
    }

    /// <summary>The lines (trimmed) appear in the file in this order.</summary>
    private static void InOrder(IReadOnlyList<string> lines, string file)
    {
        var fileLines = File.ReadAllLines(file).Select(l => l.Trim()).ToList();
        int at = -1;
        foreach (var line in lines)
        {
            int found = fileLines.FindIndex(at + 1, l => l == line);
            Assert.True(found > at, $"README's line `{line}` is not in {Path.GetFileName(file)} (after line {at + 1})");
            at = found;
        }
    }

    private static string Section(string heading)
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " is not in README.md");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    private static List<(string Language, List<string> Lines)> Blocks(string markdown)
    {
        var blocks = new List<(string, List<string>)>();
        List<string>? current = null;
        string language = "";
        foreach (var raw in markdown.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    language = line[3..];
                    current = new List<string>();
                }
                else
                {
                    blocks.Add((language, current));
                    current = null;
                }
            }
            else if (current is not null && line.Length > 0)
            {
                current.Add(line);
            }
        }

        return blocks;
    }
}
