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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RoslynDiagnostics.All;

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
                var result = TemplateParser.Parse(text?.ToString(), file.CancellationToken);
                var path = file.AdditionalFile.Path;
                foreach (var diagnostic in result.Diagnostics)
                    file.ReportDiagnostic(diagnostic.ToDiagnostic(path, text));
                if (result.Model is { } model)
                {
                    seen.Add((path, model.Id, RoslynDiagnostics.Location(path, result.IdSpan, text),
                        model.TypeName, RoslynDiagnostics.Location(path, result.TypeNameSpan, text)));
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
                            end.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.Descriptor(Diagnostics.DuplicateTemplate), ordered[i].IdLocation, "id", ordered[i].Id, ordered[j].Path));
                        if (ordered[i].TypeName == ordered[j].TypeName)
                            end.ReportDiagnostic(Diagnostic.Create(RoslynDiagnostics.Descriptor(Diagnostics.DuplicateTemplate), ordered[i].TypeNameLocation, "type name", ordered[i].TypeName, ordered[j].Path));
                    }
                }
            });
        });
    }
}
