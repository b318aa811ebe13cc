using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using GovInfoReports.Generators.Emit;
using GovInfoReports.Generators.Model;
using GovInfoReports.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GovInfoReports.Generators;

/// <summary>
/// Turns each template file (an AdditionalFiles item tagged <c>GovInfoTemplate</c>) into a typed report
/// record with its descriptor, and registers the templates in a module initializer. The pipeline sees
/// template files and build options only — never the compilation — so editing C# re-runs nothing, and
/// editing one template re-runs only that template. Files with errors generate nothing; their
/// diagnostics come from <see cref="TemplateFileAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TemplateGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var templateFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => TemplateFiles.IsTemplate(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.TemplateFiles);

        var models = templateFiles
            .Select(static (file, cancellationToken) => TemplateParser.Parse(file.GetText(cancellationToken)?.ToString(), cancellationToken).Model)
            .WithTrackingName(TrackingNames.Models);

        // Files with errors generate nothing; of two files with one type name (GIR015 on the second), the first's code
        // stands: the generated file names are the type names, so a second would clash.
        var validModels = models
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .Collect()
            .SelectMany(static (all, _) => FirstOfEachTypeName(all))
            .WithTrackingName(TrackingNames.ValidModels);

        var targetNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => TemplateFiles.GetNamespace(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Namespace);

        var reports = validModels
            .Combine(targetNamespace)
            .Select(static (pair, _) => new GeneratedFile(pair.Left.TypeName + ".g.cs", ReportEmitter.Emit(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.Reports);

        var jsonModels = validModels
            .Select(static (model, _) => JsonModel.Of(model))
            .WithTrackingName(TrackingNames.JsonModels);

        var converters = jsonModels
            .Combine(targetNamespace)
            .Select(static (pair, _) => new GeneratedFile(JsonEmitter.HintName(pair.Left.Template), JsonEmitter.Emit(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.JsonConverters);

        var validators = validModels
            .Combine(targetNamespace)
            .Select(static (pair, _) => new GeneratedFile(ValidatorEmitter.HintName(pair.Left), ValidatorEmitter.Emit(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.Validators);

        // Whether the project has template files at all, valid or not: then the registration (and with it the target
        // namespace) is emitted even when every template has errors, so that a program's `using` of the namespace stays
        // valid and the template's own GIR errors are what the build shows.
        var hasTemplateFiles = templateFiles
            .Collect()
            .Select(static (files, _) => !files.IsEmpty)
            .WithTrackingName(TrackingNames.HasTemplateFiles);

        var registration = validModels
            .Select(static (model, _) => model.TypeName)
            .Collect()
            .Combine(targetNamespace)
            .Combine(hasTemplateFiles)
            .Select(static (pair, _) => pair.Right
                ? new GeneratedFile(RegistrationEmitter.HintName, RegistrationEmitter.Emit(pair.Left.Left.Distinct().ToEquatableArray(), pair.Left.Right))
                : null)
            .WithTrackingName(TrackingNames.Registration);

        context.RegisterSourceOutput(reports, static (spc, file) => AddSource(spc, file));
        context.RegisterSourceOutput(converters, static (spc, file) => AddSource(spc, file));
        context.RegisterSourceOutput(validators, static (spc, file) => AddSource(spc, file));
        context.RegisterSourceOutput(registration, static (spc, file) => AddSource(spc, file));
    }

    private static void AddSource(SourceProductionContext context, GeneratedFile? file)
    {
        if (file is not null)
            context.AddSource(file.HintName, SourceText.From(file.Source, Encoding.UTF8));
    }

    private static ImmutableArray<TemplateModel> FirstOfEachTypeName(ImmutableArray<TemplateModel> models)
    {
        var builder = ImmutableArray.CreateBuilder<TemplateModel>(models.Length);
        foreach (var model in models)
            if (!builder.Any(kept => kept.TypeName == model.TypeName))
                builder.Add(model);
        return builder.ToImmutable();
    }

    /// <summary>The names of the pipeline steps, for cacheability tests.</summary>
    internal static class TrackingNames
    {
        public const string TemplateFiles = nameof(TemplateFiles);
        public const string Models = nameof(Models);
        public const string ValidModels = nameof(ValidModels);
        public const string Namespace = nameof(Namespace);
        public const string Reports = nameof(Reports);
        public const string JsonModels = nameof(JsonModels);
        public const string JsonConverters = nameof(JsonConverters);
        public const string Validators = nameof(Validators);
        public const string HasTemplateFiles = nameof(HasTemplateFiles);
        public const string Registration = nameof(Registration);
    }
}

/// <summary>A generated source file: equatable, so unchanged output is recognised as such.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
