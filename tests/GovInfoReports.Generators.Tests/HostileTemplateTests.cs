using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GovInfoReports.Generators.Tests;

/// <summary>Template files a user (or an attacker) may write: any Unicode in the texts, rules of any length.</summary>
public sealed class HostileTemplateTests
{
    /// <summary>The members whose strings are free text, written into doc comments and string literals.</summary>
    private static readonly HashSet<string> TextMembers = new(StringComparer.Ordinal) { "title", "basis", "label", "caption", "heading", "description", "zh", "en", "aliases" };

    // Lone surrogates cannot be held by a JsonNode when it is written: placeholders, replaced by JSON escapes after.
    private const string HighSurrogate = "\u0001HIGH\u0001";
    private const string LowSurrogate = "\u0001LOW\u0001";

    private static readonly string[] Pieces =
    {
        "\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n", "\t", "\u0000", "\u0001", "\u001F", "\u007F", "\u009F",
        HighSurrogate, LowSurrogate, "😀", "\uFFFE", "\uFFFF", "\uFEFF", "\u202E", "\"", "'", "\\", "\\u0041", "<", ">", "&",
        "&amp;", "</summary>", "*/", "/*", "///", "{", "}", "#", "@", "$\"{x}\"", "行政许可", "本年", "a", "Z", "0", " ",
    };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        int pieces = random.Next(1, 8);
        for (int i = 0; i < pieces; i++)
            text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.Append(random.Next(1_000_000)).ToString();       // distinct: labels must not collide
    }

    /// <summary>The 2021 template with every free text replaced by random text.</summary>
    private static string Scrambled(int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(GeneratorHarness.ReadTemplate("2021"))!;
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj.ToList())
                    {
                        if (TextMembers.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out _))
                            obj[name] = RandomText(random);
                        else if (name == "aliases" && value is JsonArray aliases)
                            for (int i = 0; i < aliases.Count; i++)
                                aliases[i] = RandomText(random);
                        else if (value is not null)
                            stack.Push(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                        if (item is not null)
                            stack.Push(item);
                    break;
            }
        }

        return root.ToJsonString().Replace(Escaped(HighSurrogate), "\\ud800", StringComparison.Ordinal).Replace(Escaped(LowSurrogate), "\\udfff", StringComparison.Ordinal);
    }

    private static string Escaped(string placeholder) => new JsonArray(placeholder).ToJsonString()[2..^2];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Any_Unicode_in_a_templates_texts_gives_code_that_compiles(int seed)
    {
        string template = Scrambled(seed);
        Assert.Contains("\\ud800", template, StringComparison.Ordinal);
        Assert.Contains("\\u2028", template, StringComparison.OrdinalIgnoreCase);

        var file = GeneratorHarness.Template("templates/2027.json", template.Replace("\"2021\"", "\"2027\"", StringComparison.Ordinal).Replace("Report2021", "Report2027", StringComparison.Ordinal));
        var diagnostics = GeneratorHarness.Analyze(file);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Take(5)));
        var (result, output) = GeneratorHarness.Run(new[] { file });
        Assert.NotEmpty(result.GeneratedTrees);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    private static string WithRule(int terms)
    {
        string sum = string.Join(" + ", Enumerable.Repeat("inForce", terms));
        string template = GeneratorHarness.ReadTemplate("2021");
        const string rule = "\"assert\": \"inForce >= issued - repealed\"";
        Assert.Contains(rule, template, StringComparison.Ordinal);
        return template.Replace(rule, "\"assert\": \"" + sum + " >= issued - repealed\"", StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_of_eighty_thousand_terms_is_refused_where_its_limit_is_passed()
    {
        string template = WithRule(80_000);
        var file = GeneratorHarness.Template("schema/2021.json", template);
        var error = Assert.Single(GeneratorHarness.Analyze(file));
        Assert.Equal("GIR016", error.Id);
        Assert.Contains("at most 1000 terms", error.GetMessage(), StringComparison.Ordinal);
        // At the 1,001st term, which starts after 1,000 "inForce + ".
        int expected = template.IndexOf("inForce + ", StringComparison.Ordinal) + 1_000 * "inForce + ".Length;
        Assert.Equal(expected, error.Location.SourceSpan.Start);

        // The generator makes no code of a template with errors (the analyzer reports them), only the namespace.
        GeneratorHarness.AssertOnlyTheNamespace(GeneratorHarness.Run(new[] { file }).Result);
    }

    [Fact]
    public void A_rule_of_a_thousand_terms_compiles()
    {
        var file = GeneratorHarness.Template("schema/2021.json", WithRule(998));
        Assert.Empty(GeneratorHarness.Analyze(file));
        var (result, output) = GeneratorHarness.Run(new[] { file });
        Assert.NotEmpty(result.GeneratedTrees);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0436").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }
}
