using System;
using System.Linq;
using GovInfoReports.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GovInfoReports.Generators.Tests;

/// <summary>The generator never throws: any text, however broken, gives diagnostics and no exception.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Every_prefix_of_a_template_gives_diagnostics_not_exceptions(string id)
    {
        var full = GeneratorHarness.ReadTemplate(id);
        // Cut before the closing brace: a prefix that happened to end there would be the whole (valid) file.
        int content = full.TrimEnd().Length;
        int prefixes = 0;
        for (int length = 0; length < content; length += 64)
        {
            var prefix = full.Substring(0, length);
            prefixes++;

            // The parser the analyzer uses: a cut file is always invalid JSON, reported at or before its end.
            var parsed = TemplateParser.Parse(prefix);
            Assert.Null(parsed.Model);
            var error = Assert.Single(parsed.Diagnostics);
            Assert.Equal("GIR001", error.Descriptor.Id);
            Assert.InRange(error.Span.Start, 0, prefix.Length);

            // The generator: no exception (the driver would turn one into CS8785), and no template's code: only the
            // registration, which keeps the namespace and registers nothing.
            var (result, _) = GeneratorHarness.Run(new[] { GeneratorHarness.Template("schema/" + id + ".json", prefix) });
            Assert.Empty(result.Diagnostics);
            Assert.Null(result.Results.Single().Exception);
            GeneratorHarness.AssertOnlyTheNamespace(result);
        }

        Assert.Equal((content + 63) / 64, prefixes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"id\": \"\\uD800\"}")]
    [InlineData("{\"sections\": [[[[]]]]}")]
    [InlineData("{\"sections\": [{\"rows\": [{\"rows\": [{\"rows\": 5}]}]}]}")]
    [InlineData("\uFEFF{}")]
    public void Odd_documents_give_diagnostics_not_exceptions(string text)
    {
        var parsed = TemplateParser.Parse(text);
        Assert.Null(parsed.Model);
        Assert.NotEmpty(parsed.Diagnostics);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Descriptor.Id == "GIR099");
    }

    [Fact]
    public void Deep_nesting_is_refused_without_exhausting_the_stack()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var parsed = TemplateParser.Parse(text);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("GIR001", error.Descriptor.Id);
        Assert.Contains("nested", error.Arguments[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_official_templates_have_no_diagnostics()
    {
        var diagnostics = GeneratorHarness.Analyze(
            GeneratorHarness.Template("schema/2019.json", GeneratorHarness.ReadTemplate("2019")),
            GeneratorHarness.Template("schema/2021.json", GeneratorHarness.ReadTemplate("2021")));
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }
}
