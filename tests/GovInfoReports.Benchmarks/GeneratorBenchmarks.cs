using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GovInfoReports.Generators;
using GovInfoReports.Tests.Shared;
using GovInfoReports.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// Cold generation: a fresh <see cref="CSharpGeneratorDriver"/> with the <see cref="TemplateGenerator"/>
/// run over the 2 official template files (schema/2019.json, schema/2021.json) — the baseline — and over
/// 20 (the two plus 18 copies whose template <c>id</c> and <c>typeName</c>, the members that must be
/// unique among a project's templates, are renamed: 2019c2/Report2019c2, 2021c3/Report2021c3, …). The
/// files are read and their <see cref="SourceText"/>s made once, as a compiler host holds them; each
/// operation parses, models and emits every template (report type, JSON converter, validator) and the
/// registration. Linear growth shows as a constant "us/template" column.
/// </summary>
[Config(typeof(Config))]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private ImmutableArray<AdditionalText> _two;
    private ImmutableArray<AdditionalText> _twenty;
    private CSharpCompilation _compilation = null!;
    private readonly AnalyzerConfigOptionsProvider _options = new TemplateOptionsProvider("GovInfoReports.Generated");

    [GlobalSetup]
    public void Setup()
    {
        string schema = Path.Combine(RepositoryRoot.Path, "schema");
        var originals = new[] { "2019", "2021" }.Select(id => (Id: id, Text: File.ReadAllText(Path.Combine(schema, id + ".json")))).ToArray();
        _two = Templates(originals, 2);
        _twenty = Templates(originals, 20);

        // The generator reads template files and options only, never the compilation: a minimal one will do.
        _compilation = CSharpCompilation.Create(
            "GeneratorBenchmark",
            new[] { CSharpSyntaxTree.ParseText("internal static class Placeholder { }", ParseOptions) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // Each template gives a report type, a JSON converter and a validator; plus one registration file.
        foreach (var (templates, count) in new[] { (_two, 2), (_twenty, 20) })
        {
            var result = Generate(templates).GetRunResult();
            int sources = result.Results.Single().GeneratedSources.Length;
            if (sources != 3 * count + 1 || result.Diagnostics.Length != 0 || result.Results.Single().Exception is not null)
                throw new InvalidOperationException($"{count} templates gave {sources} sources (expected {3 * count + 1}), diagnostics: {string.Join("; ", result.Diagnostics)} {result.Results.Single().Exception}");
        }
    }

    [Benchmark(Baseline = true, Description = "2 templates")]
    public GeneratorDriver Two_templates() => Generate(_two);

    [Benchmark(Description = "20 templates")]
    public GeneratorDriver Twenty_templates() => Generate(_twenty);

    /// <summary>The number of templates an operation of the case generates (for the per-template column).</summary>
    public static int TemplateCount(string method) => method == nameof(Twenty_templates) ? 20 : 2;

    private GeneratorDriver Generate(ImmutableArray<AdditionalText> templates) =>
        CSharpGeneratorDriver.Create(
                new[] { new TemplateGenerator().AsSourceGenerator() },
                templates,
                ParseOptions,
                _options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false))
            .RunGenerators(_compilation);

    private static ImmutableArray<AdditionalText> Templates((string Id, string Text)[] originals, int count)
    {
        var templates = ImmutableArray.CreateBuilder<AdditionalText>(count);
        for (int i = 0; i < count; i++)
        {
            var (id, text) = originals[i % originals.Length];
            string newId = i < originals.Length ? id : id + "c" + i;
            if (newId != id)
                text = Rename(Rename(text, "\"id\": \"" + id + "\"", "\"id\": \"" + newId + "\""), "\"typeName\": \"Report" + id + "\"", "\"typeName\": \"Report" + newId + "\"");
            templates.Add(new TemplateAdditionalText($"/templates/{newId}.json", text));
        }

        return templates.MoveToImmutable();
    }

    /// <summary>Replaces the first occurrence (the template's own member, near the top of the file), which must exist.</summary>
    private static string Rename(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0)
            throw new InvalidOperationException("Template text has no " + from);
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddColumn(RateColumn.MicrosecondsPer(
                "us/template",
                "us/template: Mean, in microseconds, / number of templates generated; constant when generation cost grows linearly",
                c => TemplateCount(c.Descriptor.WorkloadMethod.Name)));
    }
}
