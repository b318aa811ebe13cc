using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GovInfoReports.Templates;

/// <summary>
/// A plain-text, human-readable outline of a template: sections, tables, rows, columns, value kinds and
/// units, with the ids of each. What <c>govinfo templates</c> prints, and what the snapshot tests pin,
/// so that a template change shows as a readable diff.
/// </summary>
public static class TemplateSummary
{
    /// <summary>Describes <paramref name="template"/> as indented text with '\n' line ends.</summary>
    /// <param name="template">The template.</param>
    public static string Describe(ReportTemplate template)
    {
        if (template is null)
            throw new ArgumentNullException(nameof(template));
        var text = new StringBuilder();
        void Line(int indent, string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

        Line(0, $"Template {template.Id}: {template.Title}（{template.Basis}）");
        if (template.Revises is { } revises)
            Line(1, "revises: " + revises);
        Line(1, $"type {template.TypeName}; report years {Years(template)}; {Count(template.Cells.Count)} cells");
        if (template.Markers.Count > 0)
            Line(1, "markers: " + string.Join(" | ", template.Markers));
        foreach (var section in template.Sections)
        {
            int cells = 0;
            foreach (var table in section.Tables)
                cells += table.Cells.Count;
            Line(0, "");
            Line(0, $"{section.FullHeading} [{section.Id}] {Count(cells)} cells" + Aliases(section.Aliases));
            foreach (var table in section.Tables)
            {
                int indent = 1;
                if (!section.IsSingleTable)
                {
                    Line(1, $"{table.Caption} [{table.Id}]" + Aliases(table.Aliases));
                    indent = 2;
                }

                Line(indent, $"{Count(table.DataRows.Count)} rows × {Count(table.Columns.Count)} columns = {Count(table.Cells.Count)} cells" +
                    (table.Layout == TableLayout.SingleRow ? "; laid out as one physical row" : ""));
                if (table.Note is not null)
                    Line(indent, "note: " + table.Note);
                if (table.RowHeader is not null || table.ColumnsCaption is not null)
                    Line(indent, "header: " + (table.RowHeader ?? "—") + " | " + (table.ColumnsCaption ?? "—"));
                Line(indent, "columns:");
                foreach (var column in table.Columns)
                {
                    Line(indent + 1, (column.Group is null ? "" : column.Group + " / ") + $"{column.Label} [{column.Id}] {Kind(column)}" + Aliases(column.Aliases));
                }

                Line(indent, "rows:");
                WriteRows(table.Rows, indent + 1, Line);
            }
        }

        if (template.Rules.Count > 0)
        {
            Line(0, "");
            Line(0, $"rules ({Count(template.Rules.Count)}):");
            foreach (var rule in template.Rules)
                WriteRule(rule, Line);
        }

        return text.ToString();
    }

    // One rule as the template file states it, and how many checks it binds to: a rule added, removed or changed shows
    // as its own lines.
    private static void WriteRule(Validation.RuleDescriptor rule, Action<int, string> line)
    {
        var status = (rule.Status == Validation.RuleStatus.Deprecated ? ", deprecated" : "") + (rule.IsCrossYear ? ", cross-year" : "");
        var each = rule.Each == Validation.RuleEach.None ? "" : "each " + rule.Each.ToString().ToLowerInvariant() + " ";
        var scope = rule.Scope.Length == 0 ? "the template" : rule.Scope;
        line(1, $"{rule.Id} [{rule.Severity.ToString().ToLowerInvariant()}{status}] {each}in {scope}: {rule.Assert}"
            + (rule.WhenText is null ? "" : " when " + rule.WhenText)
            + (rule.Tolerance is { } tolerance ? " (tolerance " + tolerance.ToString(CultureInfo.InvariantCulture) + ")" : ""));
        line(2, $"checks: {Count(rule.Instances.Count)}" + (rule.Instances.Count > 1 && rule.Instances[0].Context is { } first
            ? $" ({first} … {rule.Instances[rule.Instances.Count - 1].Context})" : ""));
        if (rule.MessageZh is { } zh)
            line(2, "zh: " + zh);
        if (rule.MessageEn is { } en)
            line(2, "en: " + en);
    }

    private static void WriteRows(IReadOnlyList<RowDescriptor> rows, int indent, Action<int, string> line)
    {
        foreach (var row in rows)
        {
            line(indent, $"{row.FullLabel} [{row.Id}]" + (row.IsGroup ? " (group)" : "") + Aliases(row.Aliases));
            WriteRows(row.Children, indent + 1, line);
        }
    }

    private static string Kind(ColumnDescriptor column) => column.Kind switch
    {
        ValueKind.Count => "count, " + column.Unit,
        ValueKind.SignedCount => "signed count, " + column.Unit,
        _ => column.Unit is null ? "amount, unit as reported (元/万元)" : "amount, " + column.Unit,
    };

    private static string Aliases(IReadOnlyList<string> aliases) =>
        aliases.Count == 0 ? "" : " — also: " + string.Join(" | ", aliases);

    private static string Years(ReportTemplate t) =>
        t.ToYear is { } to ? Count(t.FromYear) + "–" + Count(to) : Count(t.FromYear) + " on";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
