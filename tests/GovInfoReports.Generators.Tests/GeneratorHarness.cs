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

    public static TemplateText Template(string path, string text) => new(path, text);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> templates, string ns = Namespace)
    {
        var texts = templates.ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { new TemplateGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new OptionsProvider(ns),
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
        var options = new AnalyzerOptions(templates.ToImmutableArray<AdditionalText>(), new OptionsProvider(Namespace));
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateFileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>An in-memory template file; its SourceText is created once, as an IDE buffer would be.</summary>
    public sealed class TemplateText : AdditionalText
    {
        private readonly SourceText _text;

        public TemplateText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks every additional file whose name ends in .json as a template, as the MSBuild targets do for GovInfoTemplate items.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions TemplateOptions = new(new Dictionary<string, string> { [TemplateFiles.MetadataKey] = "true" });
        private static readonly DictionaryOptions NoOptions = new(new Dictionary<string, string>());
        private readonly DictionaryOptions _global;

        public OptionsProvider(string ns) =>
            _global = new DictionaryOptions(new Dictionary<string, string> { [TemplateFiles.NamespaceKey] = ns });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path.EndsWith(".json", StringComparison.Ordinal) ? TemplateOptions : NoOptions;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
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
