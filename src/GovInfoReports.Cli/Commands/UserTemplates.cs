using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Templates;

namespace GovInfoReports.Cli.Commands;

/// <summary>
/// The templates a command works with: the packaged ones, plus template files given with <c>--templates</c> (files or
/// folders of <c>*.json</c>), read by the parser the build uses. Kept to the command, not added to the process-wide
/// <see cref="TemplateRegistry"/>.
/// </summary>
internal static class UserTemplates
{
    /// <summary>The registered templates and those of <paramref name="paths"/>.</summary>
    /// <exception cref="UsageException">A file is missing or has errors (each printed to <paramref name="error"/> as the build and <c>check</c> print it), or takes a packaged template's id.</exception>
    public static IReadOnlyList<ReportTemplate> With(string[]? paths, TextWriter error)
    {
        var registered = TemplateRegistry.All;
        if (paths is null || paths.Length == 0)
            return registered;
        var results = Read(paths, error, "--templates: ");
        if (results.Any(r => r.HasErrors))
            throw new UsageException($"--templates: {results.Count(r => r.HasErrors)} template file(s) have errors (listed above; 'govinfo check' shows them alone). 模板文件有错误。");

        var all = registered.ToList();
        foreach (var result in results)
        {
            var template = result.Template!;
            if (all.FirstOrDefault(t => t.Id == template.Id) is { } taken)
                throw new UsageException($"--templates: {result.Path} has the id '{template.Id}' of the template {taken.TypeName} already known; give it an id of its own. 模板 id '{template.Id}' 已被占用。");
            all.Add(template);
        }

        return all;
    }

    /// <summary>Reads template files and folders as a build checks them, writing each diagnostic to <paramref name="diagnostics"/> as the compiler does.</summary>
    /// <exception cref="UsageException">A path is missing, or names no template file.</exception>
    public static IReadOnlyList<TemplateFileResult> Read(string[] paths, TextWriter diagnostics, string context = "")
    {
        foreach (var path in paths)
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new UsageException($"{context}no file or folder '{path}'. 没有模板文件 '{path}'。");
        var results = TemplateFile.ReadAll(paths);
        if (results.Count == 0)
            throw new UsageException($"{context}no template files (*.json) in {string.Join(", ", paths)}. 未找到模板文件。");
        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics))
            diagnostics.WriteLine(diagnostic);
        return results;
    }

    /// <summary>A template by id among <paramref name="templates"/>.</summary>
    public static ReportTemplate Find(IReadOnlyList<ReportTemplate> templates, string id) =>
        templates.FirstOrDefault(t => t.Id == id)
        ?? throw new UsageException($"no template '{id}'. 没有模板 '{id}'。Known: {string.Join(", ", templates.Select(t => t.Id))}" +
            (TemplateRegistry.All.Count == templates.Count ? " (a template file of your own: --templates file.json)" : ""));
}
