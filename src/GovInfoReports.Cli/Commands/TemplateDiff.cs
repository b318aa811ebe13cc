using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Commands;

/// <summary>One difference between two templates.</summary>
/// <param name="Change">added, removed, relabelled (a section, table, row or column) or changed (a rule, narrative fact, part,
/// the fee wording or the template's header).</param>
/// <param name="Kind">template, section, table, column, row, rule, narrative, part or fee.</param>
/// <param name="Path">The id path (the id for a rule, narrative fact or part; the member for the template's header).</param>
/// <param name="From">The label (assertion for a rule) before, when there was one.</param>
/// <param name="To">The label (assertion) after, when there is one.</param>
internal sealed record TemplateChange(string Change, string Kind, string Path, string? From, string? To);

/// <summary>
/// What a template change adds, removes or relabels — the review aid for a new template year. Either side is a
/// registered template (by id) or a template file (read with the build's parser, so that a file not yet compiled can be reviewed).
/// Things are matched by id path, which is what a new year must keep for the same concept.
/// </summary>
internal static class TemplateDiff
{
    /// <summary>A registered template by id, or a template file read by the parser the build uses.</summary>
    /// <exception cref="TemplateFileException">The file has errors (each as the build and <c>govinfo check</c> report it).</exception>
    public static (string Name, Dictionary<string, (string Kind, string Path, string Value)> Entries) Load(string idOrPath)
    {
        if (File.Exists(idOrPath))
            return (idOrPath, FromTemplate(ReportTemplate.Load(idOrPath)));
        if (TemplateRegistry.Find(idOrPath) is { } template)
            return (template.Id, FromTemplate(template));
        throw new FileNotFoundException($"'{idOrPath}' is neither a template file nor a registered template ({string.Join(", ", TemplateRegistry.All.Select(t => t.Id))}).");
    }

    public static List<TemplateChange> Compare(Dictionary<string, (string Kind, string Path, string Value)> before, Dictionary<string, (string Kind, string Path, string Value)> after)
    {
        var changes = new List<TemplateChange>();
        foreach (var (key, (kind, path, value)) in before)
        {
            if (!after.TryGetValue(key, out var now))
                changes.Add(new TemplateChange("removed", kind, path, value, null));
            else if (now.Value != value)
                changes.Add(new TemplateChange(kind is "section" or "table" or "column" or "row" ? "relabelled" : "changed", kind, path, value, now.Value));
        }

        foreach (var (key, (kind, path, value)) in after)
            if (!before.ContainsKey(key))
                changes.Add(new TemplateChange("added", kind, path, null, value));

        string[] order = { "template", "section", "table", "column", "row", "rule", "narrative", "part", "fee" };
        return changes.OrderBy(c => Array.IndexOf(order, c.Kind)).ThenBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Change, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, (string, string, string)> FromTemplate(ReportTemplate template)
    {
        var entries = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        void Add(string kind, string path, string value) => entries[kind + " " + path] = (kind, path, value);
        Add("template", "title", template.Title);
        Add("template", "basis", template.Basis);
        foreach (var section in template.Sections)
        {
            Add("section", section.Id, section.FullHeading);
            foreach (var table in section.Tables)
            {
                string tablePath = section.IsSingleTable ? section.Id : section.Id + "." + table.Id;
                if (!section.IsSingleTable)
                    Add("table", tablePath, table.Caption ?? "");
                foreach (var column in table.Columns)
                    Add("column", tablePath + "." + column.Id, column.Label);
                void Rows(IReadOnlyList<RowDescriptor> rows, string prefix)
                {
                    foreach (var row in rows)
                    {
                        Add("row", prefix + "." + row.Id, row.FullLabel);
                        Rows(row.Children, prefix + "." + row.Id);
                    }
                }

                Rows(table.Rows, tablePath);
            }
        }

        foreach (var rule in template.Rules)
            Add("rule", rule.Id, Rule(rule.Assert, rule.WhenText, rule.Severity.ToString().ToLowerInvariant()));

        // What the report's prose is checked against: the facts quoted in the narrative, the parts it must have, the fee wording.
        foreach (var fact in template.Narrative)
            Add("narrative", fact.Id, string.Join(" + ", fact.Cells) + " ← " + string.Join(" | ", fact.Phrases) + SeverityNote(fact.Severity));
        foreach (var part in template.Parts)
            Add("part", part.Id, part.Heading + (part.Aliases.Count == 0 ? "" : " | " + string.Join(" | ", part.Aliases)) + SeverityNote(part.Severity));
        if (template.Fee is { } fee)
            Add("fee", "fee", string.Join(" | ", fee.Subjects) + " ; none: " + string.Join(" | ", fee.None));
        return entries;
    }

    private static string SeverityNote(Severity severity) => severity == Severity.Warning ? "" : " (" + severity.ToString().ToLowerInvariant() + ")";

    private static string Rule(string assert, string? when, string severity) =>
        assert + (when is null ? "" : " when " + when) + (severity == "error" ? "" : " (" + severity + ")");
}
