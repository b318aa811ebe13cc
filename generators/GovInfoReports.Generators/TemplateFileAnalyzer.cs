using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using GovInfoReports.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GovInfoReports.Generators;

/// <summary>
/// Reports every mistake in template files at its line and column, with the same parser the
/// generator uses. Diagnostics live here rather than in the generator because IDEs show analyzer
/// diagnostics on additional files reliably and generator ones not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TemplateFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Diagnostics.InvalidJson,
        Diagnostics.MissingMember,
        Diagnostics.DuplicateId,
        Diagnostics.UnknownColumnSet,
        Diagnostics.UnknownValueKind,
        Diagnostics.WrongType,
        Diagnostics.UnknownMember,
        Diagnostics.InvalidIdentifier,
        Diagnostics.DuplicateMember,
        Diagnostics.InvalidUnit,
        Diagnostics.NameClash,
        Diagnostics.EmptyList,
        Diagnostics.InvalidValue,
        Diagnostics.SectionShape,
        Diagnostics.DuplicateTemplate,
        Diagnostics.RuleSyntax,
        Diagnostics.UnknownRulePath,
        Diagnostics.MixedKinds,
        Diagnostics.EachNeedsGrid,
        Diagnostics.InternalError);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var seen = new ConcurrentBag<(string Path, string Id, Location IdLocation, string TypeName, Location TypeNameLocation)>();
            start.RegisterAdditionalFileAction(file =>
            {
                if (!TemplateFiles.IsTemplate(file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile)))
                    return;
                var text = file.AdditionalFile.GetText(file.CancellationToken);
                var result = TemplateParser.Parse(text, file.CancellationToken);
                var path = file.AdditionalFile.Path;
                foreach (var diagnostic in result.Diagnostics)
                    file.ReportDiagnostic(diagnostic.ToDiagnostic(path, text));
                if (result.Model is { } model)
                {
                    var lines = text!.Lines;
                    seen.Add((path, model.Id, Location.Create(path, result.IdSpan, lines.GetLinePositionSpan(result.IdSpan)),
                        model.TypeName, Location.Create(path, result.TypeNameSpan, lines.GetLinePositionSpan(result.TypeNameSpan))));
                }
            });
            start.RegisterCompilationEndAction(end =>
            {
                var ordered = seen.OrderBy(t => t.Path, System.StringComparer.Ordinal).ToList();
                for (int i = 0; i < ordered.Count; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (ordered[i].Id == ordered[j].Id)
                            end.ReportDiagnostic(Diagnostic.Create(Diagnostics.DuplicateTemplate, ordered[i].IdLocation, "id", ordered[i].Id, ordered[j].Path));
                        if (ordered[i].TypeName == ordered[j].TypeName)
                            end.ReportDiagnostic(Diagnostic.Create(Diagnostics.DuplicateTemplate, ordered[i].TypeNameLocation, "type name", ordered[i].TypeName, ordered[j].Path));
                    }
                }
            });
        });
    }
}
