using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Generators;
using GovInfoReports.Generators.Parsing;

namespace GovInfoReports.Templates;

/// <summary>How serious a <see cref="TemplateFileDiagnostic"/> is.</summary>
public enum TemplateDiagnosticSeverity
{
    /// <summary>The file is used, but something in it is ignored (e.g. an unknown member).</summary>
    Warning = 1,

    /// <summary>The file cannot be used: no template is made from it (and a build generates no code for it).</summary>
    Error = 2,
}

/// <summary>
/// A mistake in a template file, as the build reports it: the same id (GIR0xx), message, line and column, because the
/// build and <see cref="TemplateFile"/> run one parser. <see cref="ToString"/> writes it the way the compiler does.
/// </summary>
public sealed class TemplateFileDiagnostic
{
    internal TemplateFileDiagnostic(string id, TemplateDiagnosticSeverity severity, string message, string path, int line, int column, int endLine, int endColumn)
    {
        Id = id;
        Severity = severity;
        Message = message;
        Path = path;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>The diagnostic id, e.g. <c>GIR001</c> (README lists them with their fixes).</summary>
    public string Id { get; }

    /// <summary>Error or warning.</summary>
    public TemplateDiagnosticSeverity Severity { get; }

    /// <summary>The message, in Chinese and English.</summary>
    public string Message { get; }

    /// <summary>The template file, as it was named.</summary>
    public string Path { get; }

    /// <summary>The 1-based line where the mistake starts.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-16 code units) where the mistake starts.</summary>
    public int Column { get; }

    /// <summary>The 1-based line where the mistake ends.</summary>
    public int EndLine { get; }

    /// <summary>The 1-based column where the mistake ends.</summary>
    public int EndColumn { get; }

    /// <summary><c>path(line,column): error GIR0xx: message</c>, as the compiler writes it.</summary>
    public override string ToString() =>
        $"{Path}({Line},{Column}): {(Severity == TemplateDiagnosticSeverity.Error ? "error" : "warning")} {Id}: {Message}";
}

/// <summary>What reading one template file gave: the template (null when the file has errors) and every diagnostic.</summary>
public sealed class TemplateFileResult
{
    internal TemplateFileResult(string path, ReportTemplate? template, IReadOnlyList<TemplateFileDiagnostic> diagnostics)
    {
        Path = path;
        Template = template;
        Diagnostics = diagnostics;
    }

    /// <summary>The template file, as it was named.</summary>
    public string Path { get; }

    /// <summary>The template; <see langword="null"/> when the file has errors.</summary>
    public ReportTemplate? Template { get; }

    /// <summary>Every error and warning, in the order the parser found them.</summary>
    public IReadOnlyList<TemplateFileDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error (then <see cref="Template"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == TemplateDiagnosticSeverity.Error);
}

/// <summary>The problems of template files that could not be loaded, each as the build would report it.</summary>
public sealed class TemplateFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">The files' diagnostics.</param>
    public TemplateFileException(IReadOnlyList<TemplateFileDiagnostic> diagnostics)
        : base("模板文件有错误 / The template file has errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the files (errors and warnings).</summary>
    public IReadOnlyList<TemplateFileDiagnostic> Diagnostics { get; }
}

/// <summary>
/// Reads template files at run time with the parser the generator uses (compiled into this library from the
/// generator's sources): the same model, the same diagnostics at the same lines and columns. A template read here
/// is a <see cref="ReportTemplate"/> whose reports are <see cref="LoadedReport"/>s.
/// </summary>
public static class TemplateFile
{
    /// <summary>The largest template file read (the official ones are about 30 KB).</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>Reads the template file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The template, or the diagnostics that say why there is none.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TemplateFileResult Read(string path)
    {
        if (path is null)
            throw new ArgumentNullException(nameof(path));
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a template file from <paramref name="stream"/> (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="path">The name diagnostics give the file.</param>
    public static TemplateFileResult Read(Stream stream, string path = "template.json")
    {
        if (stream is null)
            throw new ArgumentNullException(nameof(stream));
        if (stream.CanSeek && stream.Length - stream.Position > MaxLength)
            return TooLarge(path);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        var buffer = new char[MaxLength + 1];
        int length = 0, read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
            length += read;
        if (length > MaxLength)
            return TooLarge(path);
        return Parse(new string(buffer, 0, length), path);
    }

    /// <summary>Reads a template file's text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="path">The name diagnostics give the file.</param>
    public static TemplateFileResult Parse(string text, string path = "template.json")
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        var result = TemplateParser.Parse(text);
        var lines = new LineMap(text);
        var diagnostics = result.Diagnostics.Select(d => Convert(d.Descriptor, d.Span, d.Arguments, path, lines)).ToList();
        var template = result.Model is { } model ? new LoadedTemplate(model, path, lines, result.IdSpan, result.TypeNameSpan) : null;
        return new TemplateFileResult(path, template, diagnostics);
    }

    /// <summary>
    /// Reads several template files (a folder's <c>*.json</c>, or files named one by one) and checks them together as a
    /// build does: two files with the same template id or type name are GIR015, reported on the later file (by path).
    /// </summary>
    /// <param name="paths">Template files, or folders whose <c>*.json</c> files are all template files.</param>
    /// <returns>One result per file, in path order.</returns>
    public static IReadOnlyList<TemplateFileResult> ReadAll(IEnumerable<string> paths)
    {
        if (paths is null)
            throw new ArgumentNullException(nameof(paths));
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal));
            else
                files.Add(path);
        }

        var results = files.OrderBy(f => f, StringComparer.Ordinal).Select(Read).ToList();
        for (int i = 0; i < results.Count; i++)
        {
            if (results[i].Template is not LoadedTemplate later)
                continue;
            var clashes = new List<TemplateFileDiagnostic>();
            for (int j = 0; j < i; j++)
            {
                if (results[j].Template is not LoadedTemplate earlier)
                    continue;
                if (earlier.Id == later.Id)
                    clashes.Add(later.Clash(Diagnostics.DuplicateTemplate, later.IdSpan, "id", later.Id, earlier.SourcePath!));
                if (earlier.TypeName == later.TypeName)
                    clashes.Add(later.Clash(Diagnostics.DuplicateTemplate, later.TypeNameSpan, "type name", later.TypeName, earlier.SourcePath!));
            }

            if (clashes.Count > 0)
                results[i] = new TemplateFileResult(results[i].Path, null, results[i].Diagnostics.Concat(clashes).ToList());
        }

        return results;
    }

    internal static TemplateFileDiagnostic Convert(DiagnosticDefinition definition, SourceSpan span, object[] arguments, string path, LineMap lines)
    {
        var (line, column) = lines.Position(span.Start);
        var (endLine, endColumn) = lines.Position(span.End);
        return new TemplateFileDiagnostic(definition.Id, definition.IsError ? TemplateDiagnosticSeverity.Error : TemplateDiagnosticSeverity.Warning,
            definition.Format(arguments), path, line, column, endLine, endColumn);
    }

    private static TemplateFileResult TooLarge(string path) =>
        new(path, null, new[]
        {
            new TemplateFileDiagnostic(Diagnostics.InvalidJson.Id, TemplateDiagnosticSeverity.Error,
                Diagnostics.InvalidJson.Format(new object[] { $"the file is larger than {MaxLength / (1024 * 1024)} MB" }), path, 1, 1, 1, 1),
        });
}
