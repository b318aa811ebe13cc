using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Parsing;

// Reading and binding the "rules" of a template: each rule's expression is parsed, its paths are
// resolved against the sections, tables, rows and columns of the template (relative to where the rule
// is declared), and the rule is expanded into one instance per column, row or cell for "each".
// Mistakes are reported at the exact character inside the expression string.
internal sealed partial class TemplateParser
{
    internal static readonly string[] RuleMembers = { "id", "description", "assert", "each", "columns", "when", "severity", "status", "tolerance", "message" };
    internal static readonly string[] MessageMembers = { "zh", "en" };
    private static readonly string[] Severities = { "error", "warning", "info" };
    private static readonly string[] Statuses = { "active", "deprecated" };
    private static readonly string[] EachValues = { "column", "row", "cell" };

    private readonly List<PendingRules> _pendingRules = new();
    private string _text = "";

    private EquatableArray<RuleModel> BindRules(EquatableArray<SectionModel> sections)
    {
        var rules = new List<RuleModel>();
        var ids = new IdSet(this, "rule");
        foreach (var pending in _pendingRules)
        {
            var scope = RuleScope.Create(pending, sections);
            if (scope is null)
                continue;
            foreach (var item in pending.Array.Items)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (item is not JsonObject obj)
                {
                    Report(Diagnostics.WrongType, item.Span, "rules[]", "an object", JsonNode.Describe(item.Kind));
                    continue;
                }

                var rule = ReadRule(obj, scope, ids);
                if (rule is not null)
                    rules.Add(rule);
            }
        }

        return rules.ToEquatableArray();
    }

    private RuleModel? ReadRule(JsonObject obj, RuleScope scope, IdSet ids)
    {
        var members = new ObjectScope(obj, "a rule", _diagnostics, RuleMembers);
        var id = members.RequiredString("id");
        if (id is not null)
        {
            if (!Naming.IsTemplateId(id.Value))
                Report(Diagnostics.InvalidIdentifier, id.Span, id.Value, "rule id", "use letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. \"E1\")");
            else
                ids.Add(id);
        }

        members.OptionalString("description");
        var assert = members.RequiredString("assert");
        var when = members.OptionalString("when");
        var severity = Choice(members, "severity", Severities) ?? "error";
        var status = Choice(members, "status", Statuses) ?? "active";
        var each = Choice(members, "each", EachValues) ?? "none";
        string? tolerance = ReadTolerance(members);
        var (messageZh, messageEn) = ReadMessage(members);
        var columnFilter = ReadColumnFilter(members, scope);
        members.ReportUnknownMembers();

        int errors = _diagnostics.Count;
        if (assert is null || id is null)
            return null;

        if (each != "none" && scope.Table is null)
        {
            Report(Diagnostics.EachNeedsGrid, members.Member("each")!.Value.Span, each, scope.Description);
            return null;
        }

        var assertSyntax = ParseExpression(assert);
        var whenSyntax = when is null ? null : ParseExpression(when);
        if (assertSyntax is null || (when is not null && whenSyntax is null))
            return null;

        var instances = new List<RuleInstanceModel>();
        foreach (var context in Contexts(scope, each, columnFilter))
        {
            var assertion = BindComparison(assertSyntax, assert, scope, each, context);
            var precondition = whenSyntax is null ? null : BindComparison(whenSyntax, when!, scope, each, context);
            if (_diagnostics.Count > errors)
                return null; // a path error is the same for every instance: report it once
            instances.Add(new RuleInstanceModel(context.Name, assertion!, precondition));
        }

        // Counts and amounts have different units and meanings: comparing them needs an explicit tolerance.
        if (tolerance is null && instances.Count > 0)
        {
            var terms = Terms(instances[0]).ToList();
            var counts = terms.SelectMany(t => t.Cells).Where(c => c.Kind != ValueKindModel.Amount).Select(c => c.Path).ToList();
            var amounts = terms.SelectMany(t => t.Cells).Where(c => c.Kind == ValueKindModel.Amount).Select(c => c.Path).ToList();
            if (counts.Count > 0 && amounts.Count > 0)
            {
                Report(Diagnostics.MixedKinds, assert.Span, id.Value, string.Join(", ", counts), string.Join(", ", amounts));
                return null;
            }
        }

        return new RuleModel(id.Value, RuleModelText.Severity(severity), status == "deprecated", RuleModelText.Each(each), scope.Path, assert.Value, when?.Value, tolerance, messageZh, messageEn, instances.ToEquatableArray());
    }

    private static IEnumerable<TermModel> Terms(RuleInstanceModel instance)
    {
        var comparisons = instance.When is null ? new[] { instance.Assertion } : new[] { instance.Assertion, instance.When };
        return comparisons.SelectMany(c => c.Left.Concat(c.Right));
    }

    private ComparisonSyntax? ParseExpression(JsonString text)
    {
        try
        {
            return RuleExpression.Parse(text.Value);
        }
        catch (RuleSyntaxException ex)
        {
            Report(Diagnostics.RuleSyntax, Inside(text, ex.Offset, ex.Length), ex.Message);
            return null;
        }
    }

    private ComparisonModel? BindComparison(ComparisonSyntax syntax, JsonString source, RuleScope scope, string each, Context context)
    {
        var left = new List<TermModel>();
        var right = new List<TermModel>();
        foreach (var (terms, output) in new[] { (syntax.Left, left), (syntax.Right, right) })
        {
            foreach (var term in terms)
            {
                var bound = BindTerm(term, source, scope, each, context);
                if (bound is null)
                    return null;
                output.Add(bound);
            }
        }

        return new ComparisonModel(left.ToEquatableArray(), RuleModelText.Operator(syntax.Operator), right.ToEquatableArray());
    }

    private TermModel? BindTerm(TermSyntax term, JsonString source, RuleScope scope, string each, Context context)
    {
        if (term.Kind == TermKind.Number)
            return new TermModel(term.Negative, term.Text, EquatableArray<TermCell>.Empty, term.Text, Previous: false, IsSum: false);

        var segments = term.Segments.ToList();
        bool previous = segments.Count > 1 && segments[0] == "previous";
        if (previous)
            segments.RemoveAt(0);
        var span = Inside(source, term.Offset, term.Length);

        List<TermCell>? cells = each switch
        {
            "column" => BindRowTerm(term.Kind, segments, scope, context, span, term.Text),
            "row" => BindColumnTerm(term.Kind, segments, scope, context, span, term.Text),
            "cell" => BindThis(term.Kind, segments, scope, context, span, term.Text),
            _ => BindCellTerm(term.Kind, segments, scope, span, term.Text),
        };
        return cells is null ? null : new TermModel(term.Negative, term.Text, cells.ToEquatableArray(), null, previous, term.Kind == TermKind.Sum);
    }

    // each: column — a path names a data row (a cell with the instance's column); sum(group.*) adds up a group's rows.
    private List<TermCell>? BindRowTerm(TermKind kind, List<string> segments, RuleScope scope, Context context, SourceSpan span, string text)
    {
        var table = scope.Table!;
        var row = FindRow(table.Rows, segments, out var known);
        if (row is null)
        {
            Report(Diagnostics.UnknownRulePath, span, text, kind == TermKind.Sum ? "a group row" : "a row", scope.Description, "; known here: " + known);
            return null;
        }

        if (kind == TermKind.Sum != row.IsGroup)
        {
            Report(Diagnostics.UnknownRulePath, span, text, kind == TermKind.Sum ? "a group row" : "a row with values", scope.Description,
                kind == TermKind.Sum ? " (sum(path.*) adds up the rows of a group)" : " (it is a group row: write sum(" + text + ".*))");
            return null;
        }

        var column = context.Column!;
        var rowPath = scope.TablePath + "." + string.Join(".", segments);
        return Leaves(row, rowPath).Select(r => Cell(r + "." + column.Id, column)).ToList();
    }

    // each: row — a path names a column of the instance's row.
    private List<TermCell>? BindColumnTerm(TermKind kind, List<string> segments, RuleScope scope, Context context, SourceSpan span, string text)
    {
        var table = scope.Table!;
        var column = segments.Count == 1 && kind == TermKind.Path ? table.Columns.FirstOrDefault(c => c.Id == segments[0]) : null;
        if (column is null)
        {
            Report(Diagnostics.UnknownRulePath, span, text, "a column", scope.Description, "; with each: row a path is a column id, one of: " + string.Join(", ", table.Columns.Select(c => c.Id)));
            return null;
        }

        return new List<TermCell> { Cell(context.RowPath! + "." + column.Id, column) };
    }

    // each: cell — the one path is "this".
    private List<TermCell>? BindThis(TermKind kind, List<string> segments, RuleScope scope, Context context, SourceSpan span, string text)
    {
        if (kind != TermKind.Path || segments.Count != 1 || segments[0] != "this")
        {
            Report(Diagnostics.UnknownRulePath, span, text, "'this'", scope.Description, " (with each: cell the rule speaks of one cell, written 'this')");
            return null;
        }

        return new List<TermCell> { Cell(context.RowPath! + "." + context.Column!.Id, context.Column) };
    }

    // No each — a path names a cell relative to the scope: [section.][table.]row….column.
    private List<TermCell>? BindCellTerm(TermKind kind, List<string> segments, RuleScope scope, SourceSpan span, string text)
    {
        if (kind == TermKind.Sum)
        {
            Report(Diagnostics.UnknownRulePath, span, text, "a group row", scope.Description, " (sum(path.*) needs each: column, which gives the column)");
            return null;
        }

        var cell = scope.FindCell(segments, out var known);
        if (cell is null)
        {
            Report(Diagnostics.UnknownRulePath, span, text, "a cell", scope.Description, "; known here: " + known);
            return null;
        }

        return new List<TermCell> { cell };
    }

    private IEnumerable<Context> Contexts(RuleScope scope, string each, HashSet<string>? columns)
    {
        var table = scope.Table;
        switch (each)
        {
            case "column":
                foreach (var column in table!.Columns.Where(c => columns is null || columns.Contains(c.Id)))
                    yield return new Context(column.Id, column, null);
                break;
            case "row":
                foreach (var row in DataRows(table!.Rows, scope.TablePath!))
                    yield return new Context(row, null, row);
                break;
            case "cell":
                foreach (var row in DataRows(table!.Rows, scope.TablePath!))
                    foreach (var column in table.Columns.Where(c => columns is null || columns.Contains(c.Id)))
                        yield return new Context(row + "." + column.Id, column, row);
                break;
            default:
                yield return new Context(null, null, null);
                break;
        }
    }

    private static IEnumerable<string> DataRows(EquatableArray<RowModel> rows, string path)
    {
        foreach (var row in rows)
        {
            if (row.IsGroup)
            {
                foreach (var child in DataRows(row.Children, path + "." + row.Id))
                    yield return child;
            }
            else
            {
                yield return path + "." + row.Id;
            }
        }
    }

    private static IEnumerable<string> Leaves(RowModel row, string path) =>
        row.IsGroup ? row.Children.SelectMany(c => Leaves(c, path + "." + c.Id)) : new[] { path };

    private static RowModel? FindRow(EquatableArray<RowModel> rows, List<string> segments, out string known)
    {
        var level = rows;
        RowModel? row = null;
        known = string.Join(", ", rows.Select(r => r.Id));
        foreach (var segment in segments)
        {
            row = level.FirstOrDefault(r => r.Id == segment);
            if (row is null)
                return null;
            known = string.Join(", ", row.Children.Select(r => r.Id));
            level = row.Children;
        }

        return row;
    }

    private static TermCell Cell(string path, ColumnModel column) => new(path, column.Kind, column.Unit);

    private string? Choice(ObjectScope members, string name, string[] allowed)
    {
        var value = members.OptionalString(name);
        if (value is null)
            return null;
        if (Array.IndexOf(allowed, value.Value) >= 0)
            return value.Value;
        Report(Diagnostics.InvalidValue, value.Span, name, "use " + string.Join(", ", allowed.Select(a => "\"" + a + "\"")));
        return null;
    }

    private string? ReadTolerance(ObjectScope members)
    {
        if (members.Member("tolerance") is not { } member)
            return null;
        if (member.Value is not JsonNumber number)
        {
            Report(Diagnostics.WrongType, member.Value.Span, "tolerance", "a number", JsonNode.Describe(member.Value.Kind));
            return null;
        }

        if (!decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            Report(Diagnostics.InvalidValue, number.Span, "tolerance", "use a number ≥ 0 (in the cells' unit; money in 元)");
            return null;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private (string? Zh, string? En) ReadMessage(ObjectScope members)
    {
        var obj = members.Object("message", required: false);
        if (obj is null)
            return (null, null);
        var message = new ObjectScope(obj, "message", _diagnostics, MessageMembers);
        var zh = message.OptionalString("zh");
        var en = message.OptionalString("en");
        message.ReportUnknownMembers();
        return (zh?.Value, en?.Value);
    }

    private HashSet<string>? ReadColumnFilter(ObjectScope members, RuleScope scope)
    {
        var array = members.Array("columns", required: false);
        if (array is null)
            return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (item is not JsonString name)
            {
                Report(Diagnostics.WrongType, item.Span, "columns[]", "a column id", JsonNode.Describe(item.Kind));
                continue;
            }

            if (scope.Table is not null && !scope.Table.Columns.Any(c => c.Id == name.Value))
                Report(Diagnostics.UnknownRulePath, name.Span, name.Value, "a column", scope.Description, "; columns: " + string.Join(", ", scope.Table.Columns.Select(c => c.Id)));
            set.Add(name.Value);
        }

        return set;
    }

    /// <summary>The file span of chars [offset, offset+length) of a JSON string's value (escapes accounted for).</summary>
    private SourceSpan Inside(JsonString node, int offset, int length)
    {
        var starts = RawStarts(node);
        int end = node.Span.End - 1;
        if (offset >= starts.Length)
            return new SourceSpan(end, 0);
        int start = starts[offset];
        int stop = offset + length < starts.Length ? starts[offset + length] : end;
        return new SourceSpan(start, Math.Max(0, stop - start));
    }

    /// <summary>
    /// Where each char of a string's value starts in the file, made once per string (each term of a rule asks for
    /// its span: scanning the string from its start each time was quadratic — 80,000 terms took minutes).
    /// </summary>
    private int[] RawStarts(JsonString node)
    {
        if (_rawStarts.TryGetValue(node, out var starts))
            return starts;
        var list = new List<int>(node.Value.Length);
        int raw = node.Span.Start + 1;
        int end = node.Span.End - 1;
        while (raw < end)
        {
            list.Add(raw);
            // A \uXXXX escape of a surrogate pair is two chars of the value: the second starts at its own escape.
            raw += _text[raw] != '\\' ? 1 : _text[raw + 1] == 'u' ? 6 : 2;
        }

        starts = list.ToArray();
        _rawStarts[node] = starts;
        return starts;
    }

    private sealed record PendingRules(JsonArray Array, string? Section, string? Table);

    /// <summary>One instance's place: the column (each column/cell) and the row path (each row/cell).</summary>
    private sealed record Context(string? Name, ColumnModel? Column, string? RowPath);

    /// <summary>Where a rule is declared, and what its paths are relative to.</summary>
    private sealed class RuleScope
    {
        private readonly EquatableArray<SectionModel> _sections;
        private readonly SectionModel? _section;

        private RuleScope(EquatableArray<SectionModel> sections, SectionModel? section, TableModel? table, string path, string? tablePath, string description)
        {
            _sections = sections;
            _section = section;
            Table = table;
            Path = path;
            TablePath = tablePath;
            Description = description;
        }

        /// <summary>The one table the rule speaks of (a table, or a section that is one table); null for a section of several tables or the template.</summary>
        public TableModel? Table { get; }

        public string Path { get; }

        public string? TablePath { get; }

        public string Description { get; }

        public static RuleScope? Create(PendingRules pending, EquatableArray<SectionModel> sections)
        {
            if (pending.Section is null)
                return new RuleScope(sections, null, null, "", null, "the template");
            var section = sections.FirstOrDefault(s => s.Id == pending.Section);
            if (section is null)
                return null;
            if (pending.Table is not null)
            {
                var table = section.Tables.FirstOrDefault(t => t.Id == pending.Table);
                var path = section.Id + "." + pending.Table;
                return table is null ? null : new RuleScope(sections, section, table, path, path, "table '" + path + "'");
            }

            return section.IsSingleTable
                ? new RuleScope(sections, section, section.Tables[0], section.Id, section.Id, "section '" + section.Id + "'")
                : new RuleScope(sections, section, null, section.Id, null, "section '" + section.Id + "' (paths start with a table id)");
        }

        public TermCell? FindCell(List<string> segments, out string known)
        {
            int next = 0;
            var section = _section;
            if (section is null)
            {
                section = segments.Count > 0 ? _sections.FirstOrDefault(s => s.Id == segments[0]) : null;
                known = string.Join(", ", _sections.Select(s => s.Id));
                if (section is null)
                    return null;
                next = 1;
            }

            var table = Table;
            string tablePath = TablePath ?? "";
            if (table is null)
            {
                if (section.IsSingleTable)
                {
                    table = section.Tables[0];
                    tablePath = section.Id;
                }
                else
                {
                    known = string.Join(", ", section.Tables.Select(t => t.Id));
                    table = next < segments.Count ? section.Tables.FirstOrDefault(t => t.Id == segments[next]) : null;
                    if (table is null)
                        return null;
                    tablePath = section.Id + "." + table.Id;
                    next++;
                }
            }

            var rowSegments = segments.Skip(next).Take(Math.Max(0, segments.Count - next - 1)).ToList();
            var row = FindRow(table.Rows, rowSegments, out known);
            if (row is null || row.IsGroup || rowSegments.Count == 0)
            {
                if (row is not null && row.IsGroup)
                    known = string.Join(", ", row.Children.Select(r => r.Id));
                return null;
            }

            known = string.Join(", ", table.Columns.Select(c => c.Id));
            var column = table.Columns.FirstOrDefault(c => c.Id == segments[segments.Count - 1]);
            return column is null ? null : new TermCell(tablePath + "." + string.Join(".", rowSegments) + "." + column.Id, column.Kind, column.Unit);
        }
    }
}
