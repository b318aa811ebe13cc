using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GovInfoReports.Testing;
using Xunit;
using Steps = GovInfoReports.Generators.TemplateGenerator.TrackingNames;

namespace GovInfoReports.Generators.Tests;

/// <summary>The pipeline caches: unrelated C# edits re-run nothing; a template edit re-runs that template only.</summary>
public sealed class CacheabilityTests
{
    private static readonly string[] AllSteps = { Steps.TemplateFiles, Steps.Models, Steps.ValidModels, Steps.Namespace, Steps.Reports, Steps.JsonModels, Steps.JsonConverters, Steps.Validators, Steps.HasTemplateFiles, Steps.Registration };

    private static (GeneratorDriver Driver, TemplateAdditionalText T2019, TemplateAdditionalText T2021, Compilation Compilation) FirstRun()
    {
        var t2019 = GeneratorHarness.Template("schema/2019.json", GeneratorHarness.ReadTemplate("2019"));
        var t2021 = GeneratorHarness.Template("schema/2021.json", GeneratorHarness.ReadTemplate("2021"));
        var compilation = GeneratorHarness.Compilation("namespace App { internal static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { t2019, t2021 }).RunGenerators(compilation);
        return (driver, t2019, t2021, compilation);
    }

    [Fact]
    public void An_unrelated_csharp_edit_reruns_no_step()
    {
        var (driver, _, _, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal static class B { } }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            foreach (var run in result.TrackedSteps[step])
                foreach (var (_, reason) in run.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
        }

        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + reason);
    }

    [Fact]
    public void Editing_one_template_reruns_only_that_template()
    {
        var (driver, _, t2021, compilation) = FirstRun();
        var changed = GeneratorHarness.Template(t2021.Path, GeneratorHarness.ReadTemplate("2021").Replace("\"自然人\"", "\"自然人（公民）\""));

        var result = driver.ReplaceAdditionalText(t2021, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        var models = Outputs(result, Steps.Models);
        Assert.Equal(2, models.Count);
        Assert.Contains(models, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && Type(o.Value) == "Report2019");
        Assert.Contains(models, o => o.Reason == IncrementalStepRunReason.Modified && Type(o.Value) == "Report2021");

        var reports = Outputs(result, Steps.Reports);
        Assert.Single(reports, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("Report2021.g.cs", ((GeneratedFile)reports.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value).HintName);
        Assert.Equal("Report2019.g.cs", ((GeneratedFile)reports.Single(o => o.Reason != IncrementalStepRunReason.Modified).Value).HintName);

        // The set of registered type names did not change, so the registration is not rewritten.
        Assert.All(Outputs(result, Steps.Registration), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();

    private static string? Type(object value) => (value as Model.TemplateModel)?.TypeName;
}
