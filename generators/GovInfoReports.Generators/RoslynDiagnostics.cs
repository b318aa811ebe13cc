using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GovInfoReports.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GovInfoReports.Generators;

/// <summary>The parser's Roslyn-free diagnostics as compiler diagnostics: the one place the two meet.</summary>
internal static class RoslynDiagnostics
{
    // Written out with literal ids and severities because the analyzer release tracking (AnalyzerReleases.*.md) reads
    // them from here; the texts come from Diagnostics. A test checks that both lists agree one to one.

    private static readonly DiagnosticDescriptor InvalidJson = new("GIR001", Diagnostics.InvalidJson.Title, Diagnostics.InvalidJson.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor MissingMember = new("GIR002", Diagnostics.MissingMember.Title, Diagnostics.MissingMember.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor DuplicateId = new("GIR003", Diagnostics.DuplicateId.Title, Diagnostics.DuplicateId.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor UnknownColumnSet = new("GIR004", Diagnostics.UnknownColumnSet.Title, Diagnostics.UnknownColumnSet.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor UnknownValueKind = new("GIR005", Diagnostics.UnknownValueKind.Title, Diagnostics.UnknownValueKind.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor WrongType = new("GIR006", Diagnostics.WrongType.Title, Diagnostics.WrongType.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor UnknownMember = new("GIR007", Diagnostics.UnknownMember.Title, Diagnostics.UnknownMember.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor InvalidIdentifier = new("GIR008", Diagnostics.InvalidIdentifier.Title, Diagnostics.InvalidIdentifier.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor DuplicateMember = new("GIR009", Diagnostics.DuplicateMember.Title, Diagnostics.DuplicateMember.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor InvalidUnit = new("GIR010", Diagnostics.InvalidUnit.Title, Diagnostics.InvalidUnit.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor NameClash = new("GIR011", Diagnostics.NameClash.Title, Diagnostics.NameClash.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor EmptyList = new("GIR012", Diagnostics.EmptyList.Title, Diagnostics.EmptyList.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor InvalidValue = new("GIR013", Diagnostics.InvalidValue.Title, Diagnostics.InvalidValue.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor SectionShape = new("GIR014", Diagnostics.SectionShape.Title, Diagnostics.SectionShape.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor DuplicateTemplate = new("GIR015", Diagnostics.DuplicateTemplate.Title, Diagnostics.DuplicateTemplate.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);
    private static readonly DiagnosticDescriptor RuleSyntax = new("GIR016", Diagnostics.RuleSyntax.Title, Diagnostics.RuleSyntax.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor UnknownRulePath = new("GIR017", Diagnostics.UnknownRulePath.Title, Diagnostics.UnknownRulePath.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor MixedKinds = new("GIR018", Diagnostics.MixedKinds.Title, Diagnostics.MixedKinds.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor EachNeedsGrid = new("GIR019", Diagnostics.EachNeedsGrid.Title, Diagnostics.EachNeedsGrid.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor UnknownNarrativeCell = new("GIR020", Diagnostics.UnknownNarrativeCell.Title, Diagnostics.UnknownNarrativeCell.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor InternalError = new("GIR099", Diagnostics.InternalError.Title, Diagnostics.InternalError.MessageFormat, DiagnosticDefinition.Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        InvalidJson, MissingMember, DuplicateId, UnknownColumnSet, UnknownValueKind, WrongType, UnknownMember, InvalidIdentifier, DuplicateMember, InvalidUnit, NameClash, EmptyList, InvalidValue, SectionShape, DuplicateTemplate, RuleSyntax, UnknownRulePath, MixedKinds, EachNeedsGrid, UnknownNarrativeCell, InternalError);

    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Descriptor(DiagnosticDefinition definition) => Descriptors[definition.Id];

    public static TextSpan ToTextSpan(this SourceSpan span) => new(span.Start, span.Length);

    /// <summary>The location of <paramref name="span"/> in the file at <paramref name="path"/>; at its start when the text could not be read.</summary>
    public static Location Location(string path, SourceSpan span, SourceText? text) =>
        Microsoft.CodeAnalysis.Location.Create(path, span.ToTextSpan(), text is null ? default : text.Lines.GetLinePositionSpan(span.ToTextSpan()));

    /// <summary>The diagnostic at its line and column in <paramref name="path"/>.</summary>
    public static Diagnostic ToDiagnostic(this TemplateDiagnostic diagnostic, string path, SourceText? text) =>
        Diagnostic.Create(Descriptors[diagnostic.Descriptor.Id], Location(path, diagnostic.Span, text), diagnostic.Arguments);
}
