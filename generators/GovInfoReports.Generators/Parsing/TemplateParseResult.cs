using System.Collections.Immutable;
using GovInfoReports.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GovInfoReports.Generators.Parsing;

/// <summary>A problem found in a template file, at a character span of that file.</summary>
internal sealed class TemplateDiagnostic
{
    public TemplateDiagnostic(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
    {
        Descriptor = descriptor;
        Span = span;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public TextSpan Span { get; }

    public object[] Arguments { get; }

    /// <summary>The diagnostic at its line and column in <paramref name="path"/>; at the file's start when the text could not be read.</summary>
    public Diagnostic ToDiagnostic(string path, SourceText? text) =>
        Diagnostic.Create(Descriptor, Location.Create(path, Span, text is null ? default : text.Lines.GetLinePositionSpan(Span)), Arguments);
}

/// <summary>
/// What reading a template file gives: the model (null when the file has errors, so that no half-made
/// code is generated), every diagnostic, and where the template's id and type name stand (for the
/// cross-file duplicate check).
/// </summary>
internal sealed class TemplateParseResult
{
    public TemplateParseResult(TemplateModel? model, ImmutableArray<TemplateDiagnostic> diagnostics, TextSpan idSpan, TextSpan typeNameSpan)
    {
        Model = model;
        Diagnostics = diagnostics;
        IdSpan = idSpan;
        TypeNameSpan = typeNameSpan;
    }

    public TemplateModel? Model { get; }

    public ImmutableArray<TemplateDiagnostic> Diagnostics { get; }

    public TextSpan IdSpan { get; }

    public TextSpan TypeNameSpan { get; }
}
