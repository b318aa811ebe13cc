using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using GovInfoReports.Generators;
using GovInfoReports.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GovInfoReports.Testing;

/// <summary>One text of a template's snapshot: the readable summary, or one generated source file.</summary>
/// <param name="Name">The part's name in the snapshot file name: <c>summary</c>, or the generated file's name without <c>.g.cs</c>.</param>
/// <param name="Extension"><c>txt</c> for the summary, <c>cs</c> for generated code.</param>
/// <param name="Text">The text.</param>
public sealed record SnapshotPart(string Name, string Extension, string Text);

/// <summary>
/// Snapshot tests of a template file, as Verify.SourceGenerators gives them for other generators: the template's
/// readable summary (sections, tables, rows, columns, units, rules and their messages) and every source the
/// GovInfoReports generator makes of it, compared with committed files beside the test, named by Verify's
/// conventions: <c>{TestClass}.{TestMethod}#summary.verified.txt</c>, <c>{TestClass}.{TestMethod}#Report2025.verified.cs</c>, ….
/// On a mismatch the <c>*.received.*</c> file is written and the test fails with a unified diff; rename it to
/// <c>*.verified.*</c> (or run with <c>GOVINFO_ACCEPT_SNAPSHOTS=1</c>) to accept. The generated code names rules, not
/// their positions, so a template change shows in the snapshots as lines of about its own size.
/// </summary>
public static class TemplateSnapshot
{
    /// <summary>The namespace generated types go into when none is given (the generator's default).</summary>
    public const string DefaultNamespace = TemplateFiles.DefaultNamespace;

    /// <summary>The snapshot of a template file: its summary, then its generated sources in name order.</summary>
    /// <param name="templatePath">The template file.</param>
    /// <param name="namespace">The namespace of the generated types (your project's <c>GovInfoReportsNamespace</c> or root namespace).</param>
    /// <returns>The parts.</returns>
    /// <exception cref="TemplateFileException">The template file has errors (listed as the build lists them).</exception>
    public static IReadOnlyList<SnapshotPart> Render(string templatePath, string @namespace = DefaultNamespace)
    {
        if (templatePath is null)
            throw new ArgumentNullException(nameof(templatePath));
        return Render(File.ReadAllText(templatePath), templatePath, @namespace);
    }

    /// <summary>The snapshot of a template file's text; see <see cref="Render(string, string)"/>.</summary>
    /// <param name="text">The template file's text.</param>
    /// <param name="path">The file's name, for diagnostics.</param>
    /// <param name="namespace">The namespace of the generated types.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="TemplateFileException">The template file has errors.</exception>
    public static IReadOnlyList<SnapshotPart> Render(string text, string path, string @namespace)
    {
        var read = TemplateFile.Parse(text, path);
        if (read.Template is null)
            throw new TemplateFileException(read.Diagnostics);

        var parts = new List<SnapshotPart> { new("summary", "txt", TemplateSummary.Describe(read.Template)) };
        var driver = CSharpGeneratorDriver.Create(
            new[] { new TemplateGenerator().AsSourceGenerator() },
            new AdditionalText[] { new TemplateAdditionalText(path, text) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new TemplateOptionsProvider(@namespace));
        var compilation = CSharpCompilation.Create("TemplateSnapshot", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        if (run.Exception is { } exception)
            throw new InvalidOperationException("The GovInfoReports generator failed: " + exception.Message, exception);
        foreach (var source in run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var name = source.HintName.EndsWith(".g.cs", StringComparison.Ordinal) ? source.HintName[..^".g.cs".Length] : source.HintName;
            parts.Add(new SnapshotPart(name, "cs", source.SourceText.ToString()));
        }

        return parts;
    }

    /// <summary>
    /// Compares the snapshot of <paramref name="templatePath"/> with the verified files beside the calling test
    /// (<c>{TestClass}.{TestMethod}#{part}.verified.{ext}</c>), failing with a diff of every part that differs.
    /// </summary>
    /// <param name="templatePath">The template file (relative paths are taken from the test's source folder).</param>
    /// <param name="namespace">The namespace of the generated types.</param>
    /// <param name="name">The snapshot files' name before <c>#</c>; <c>{TestClass}.{TestMethod}</c> by default.</param>
    /// <param name="directory">The folder of the snapshot files; the calling test's source folder by default.</param>
    /// <param name="testFile">Filled in by the compiler.</param>
    /// <param name="testMethod">Filled in by the compiler.</param>
    /// <exception cref="SnapshotMismatchException">A part has no verified file yet, or differs from it.</exception>
    /// <exception cref="TemplateFileException">The template file has errors.</exception>
    public static void Verify(string templatePath, string @namespace = DefaultNamespace, string? name = null, string? directory = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        if (templatePath is null)
            throw new ArgumentNullException(nameof(templatePath));
        var source = Snapshot.SourceDirectory(testFile);
        var path = Path.IsPathRooted(templatePath) ? templatePath : Path.Combine(source, templatePath);
        directory ??= source;
        name ??= Path.GetFileNameWithoutExtension(testFile.Replace('\\', '/').Split('/').Last()) + "." + testMethod;

        var failures = new List<SnapshotMismatchException>();
        foreach (var part in Render(path, @namespace))
        {
            try
            {
                Snapshot.MatchIn(directory, part.Text, name + "#" + part.Name, part.Extension);
            }
            catch (SnapshotMismatchException ex)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count == 1)
            throw failures[0];
        if (failures.Count > 1)
            throw new SnapshotMismatchException(string.Join(Environment.NewLine + Environment.NewLine, failures.Select(f => f.Message)), failures[0].ReceivedFile);
    }
}
