using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using GovInfoReports.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

using GovInfoReports.Testing;

namespace GovInfoReports.Generators.Tests;

/// <summary>Runs the generator and the analyzer in memory, as the compiler would, on template texts.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = "GovInfoReports";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(GovInfoReports.IReport).Assembly.Location));
        return references.ToImmutableArray();
    });

    public static string SchemaDirectory => Path.Combine(AppContext.BaseDirectory, "schema");

    public static string ReadTemplate(string id) => File.ReadAllText(Path.Combine(SchemaDirectory, id + ".json"));

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TemplateTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does (NoWarn 1701;1702): the net8.0 runtime library is referenced against net10.0 framework assemblies here.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static TemplateAdditionalText Template(string path, string text) => new(path, text);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> templates, string ns = Namespace)
    {
        var texts = templates.ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { new TemplateGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TemplateOptionsProvider(ns),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over fresh state; returns the run result and the output compilation.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> templates, string ns = Namespace)
    {
        var driver = CreateDriver(templates, ns).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>The generated source files by hint name.</summary>
    public static Dictionary<string, string> GeneratedSources(IEnumerable<AdditionalText> templates, string ns = Namespace) =>
        Run(templates, ns).Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>What the analyzer reports for these template files (sorted by file and position).</summary>
    public static ImmutableArray<Diagnostic> Analyze(params AdditionalText[] templates)
    {
        var compilation = Compilation("internal static class Placeholder { }");
        var options = new AnalyzerOptions(templates.ToImmutableArray<AdditionalText>(), new TemplateOptionsProvider(Namespace));
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateFileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>
    /// What the generator makes of template files that all have errors: no template's code, only the registration file,
    /// which declares the target namespace (a program's <c>using</c> of it stays valid) and registers nothing.
    /// </summary>
    public static void AssertOnlyTheNamespace(GeneratorDriverRunResult result)
    {
        var generated = Xunit.Assert.Single(result.Results.Single().GeneratedSources);
        Xunit.Assert.Equal(GovInfoReports.Generators.Emit.RegistrationEmitter.HintName, generated.HintName);
        string source = generated.SourceText.ToString();
        Xunit.Assert.Contains("namespace " + Namespace, source, System.StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("TemplateRegistry.Register(", source, System.StringComparison.Ordinal);
    }
}
