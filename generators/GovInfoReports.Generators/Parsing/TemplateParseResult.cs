using System.Collections.Immutable;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Parsing;

/// <summary>A problem found in a template file, at a character span of that file.</summary>
internal sealed class TemplateDiagnostic
{
    public TemplateDiagnostic(DiagnosticDefinition descriptor, SourceSpan span, params object[] arguments)
    {
        Descriptor = descriptor;
        Span = span;
        Arguments = arguments;
    }

    public DiagnosticDefinition Descriptor { get; }

    public SourceSpan Span { get; }

    public object[] Arguments { get; }

    /// <summary>The message with its arguments.</summary>
    public string Message => Descriptor.Format(Arguments);
}

/// <summary>
/// What reading a template file gives: the model (null when the file has errors, so that no half-made
/// code is generated), every diagnostic, and where the template's id and type name stand (for the
/// cross-file duplicate check).
/// </summary>
internal sealed class TemplateParseResult
{
    public TemplateParseResult(TemplateModel? model, ImmutableArray<TemplateDiagnostic> diagnostics, SourceSpan idSpan, SourceSpan typeNameSpan)
    {
        Model = model;
        Diagnostics = diagnostics;
        IdSpan = idSpan;
        TypeNameSpan = typeNameSpan;
    }

    public TemplateModel? Model { get; }

    public ImmutableArray<TemplateDiagnostic> Diagnostics { get; }

    public SourceSpan IdSpan { get; }

    public SourceSpan TypeNameSpan { get; }
}
