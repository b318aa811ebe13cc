using System;
using System.Collections.Generic;
using System.Threading;
using GovInfoReports.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GovInfoReports.Testing;

/// <summary>A template file in memory, for driving the GovInfoReports generator with <c>CSharpGeneratorDriver</c>; its text is made once, as an IDE buffer is.</summary>
public sealed class TemplateAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates the file.</summary>
    /// <param name="path">Its path (diagnostics name it).</param>
    /// <param name="text">Its text.</param>
    public TemplateAdditionalText(string path, string text)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _text = SourceText.From(text ?? throw new ArgumentNullException(nameof(text)));
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// What the package's MSBuild targets tell the generator: which additional files are templates (by default every
/// <c>.json</c> file, as <c>GovInfoTemplate</c> items) and the namespace of the generated types.
/// </summary>
public sealed class TemplateOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Template = new(new Dictionary<string, string> { [TemplateFiles.MetadataKey] = "true" });
    private static readonly DictionaryOptions None = new(new Dictionary<string, string>());
    private readonly DictionaryOptions _global;
    private readonly Func<string, bool> _isTemplate;

    /// <summary>Creates the options.</summary>
    /// <param name="namespace">The namespace of the generated types (<c>GovInfoReportsNamespace</c>).</param>
    /// <param name="isTemplate">Which additional files are templates, by path; every <c>.json</c> file when null.</param>
    public TemplateOptionsProvider(string @namespace, Func<string, bool>? isTemplate = null)
    {
        _global = new DictionaryOptions(new Dictionary<string, string> { [TemplateFiles.NamespaceKey] = @namespace });
        _isTemplate = isTemplate ?? (static path => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => _global;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _isTemplate(textFile.Path) ? Template : None;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
