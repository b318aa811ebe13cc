using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Parsing;

/// <summary>
/// Turns the text of a template file into a <see cref="TemplateModel"/>, reporting every mistake at
/// its character span. Shared by the generator (which uses the model) and the analyzer (which reports
/// the diagnostics). Never throws, except to honour cancellation.
/// </summary>
internal sealed partial class TemplateParser
{
    internal static readonly string[] TemplateMembers = { "id", "typeName", "title", "basis", "appliesTo", "revises", "detection", "columnSets", "sections", "rules", "narrative", "parts", "fee" };
    internal static readonly string[] FeeMembers = { "subjects", "none" };
    internal static readonly string[] PartMembers = { "id", "heading", "aliases", "severity" };
    internal static readonly string[] NarrativeMembers = { "id", "description", "cells", "phrases", "severity" };
    internal static readonly string[] AppliesToMembers = { "fromYear", "toYear" };
    internal static readonly string[] DetectionMembers = { "markers" };
    internal static readonly string[] TableMembers = { "id", "caption", "aliases", "rowHeader", "note", "columnsCaption", "layout", "columns", "rows", "rules" };
    internal static readonly string[] SectionMembers = { "id", "number", "heading", "aliases", "tables", "rowHeader", "note", "columnsCaption", "layout", "columns", "rows", "rules" };
    internal static readonly string[] ColumnMembers = { "id", "label", "aliases", "group", "kind", "unit" };
    internal static readonly string[] RowMembers = { "id", "number", "label", "aliases", "rows" };
    private static readonly string[] MoneyUnits = { "元", "万元", "asReported" };

    private readonly List<TemplateDiagnostic> _diagnostics = new();
    private readonly Dictionary<string, ColumnSet> _columnSets = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    // Where each model's id stands, so that a C# name clash found later is reported on that id.
    private readonly Dictionary<object, SourceSpan> _idSpans = new(ReferenceComparer.Instance);
    private readonly Dictionary<JsonString, int[]> _rawStarts = new(ReferenceComparer.Instance);

    private TemplateParser(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>Reads a template file's text; <see langword="null"/> when the file could not be read (GIR001).</summary>
    public static TemplateParseResult Parse(string? text, CancellationToken cancellationToken = default) =>
        Parse(text, cancellationToken, static (parser, source) => parser.ParseText(source));

    /// <summary>
    /// Reads <paramref name="text"/> with <paramref name="parse"/>, turning any exception but cancellation into
    /// GIR099 at the file's start. (Tests pass a failing <paramref name="parse"/> to see that path.)
    /// </summary>
    internal static TemplateParseResult Parse(string? text, CancellationToken cancellationToken, Func<TemplateParser, string, TemplateParseResult> parse)
    {
        var parser = new TemplateParser(cancellationToken);
        if (text is null)
        {
            parser._diagnostics.Add(new TemplateDiagnostic(Diagnostics.InvalidJson, default, "the file could not be read"));
            return new TemplateParseResult(null, parser._diagnostics.ToImmutableArray(), default, default);
        }

        try
        {
            return parse(parser, text);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug of ours must not take the compiler down: it becomes a diagnostic.
            parser._diagnostics.Add(new TemplateDiagnostic(Diagnostics.InternalError, default, ex.GetType().Name + ": " + ex.Message));
            return new TemplateParseResult(null, parser._diagnostics.ToImmutableArray(), default, default);
        }
    }

    private TemplateParseResult ParseText(string text)
    {
        _text = text;
        var root = JsonReader.Read(text, out var syntaxError);
        if (root is null)
        {
            int position = Math.Min(syntaxError!.Position, text.Length);
            int length = position < text.Length ? 1 : 0;
            _diagnostics.Add(new TemplateDiagnostic(Diagnostics.InvalidJson, new SourceSpan(position, length), syntaxError.Message));
            return Result(null, default, default);
        }

        if (root is not JsonObject rootObject)
        {
            _diagnostics.Add(new TemplateDiagnostic(Diagnostics.WrongType, root.Span, "the template", "an object", JsonNode.Describe(root.Kind)));
            return Result(null, default, default);
        }

        var scope = new ObjectScope(rootObject, "the template", _diagnostics, TemplateMembers);
        var id = scope.RequiredString("id");
        if (id is not null && !Naming.IsTemplateId(id.Value))
            scope.Report(Diagnostics.InvalidIdentifier, id.Span, id.Value, "template id", "use letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. \"2025\")");

        var typeName = scope.RequiredString("typeName");
        if (typeName is not null)
        {
            if (!Naming.IsTypeName(typeName.Value))
                scope.Report(Diagnostics.InvalidIdentifier, typeName.Span, typeName.Value, "type name", "use a C# identifier starting with an upper-case ASCII letter (e.g. \"Report2025\")");
            else if (Array.IndexOf(Naming.RuntimeTypeNames, typeName.Value) >= 0)
                scope.Report(Diagnostics.NameClash, typeName.Span, typeName.Value, typeName.Value, "is already a type of the GovInfoReports runtime");
        }

        var title = scope.RequiredString("title");
        var basis = scope.RequiredString("basis");
        var (fromYear, toYear) = ReadAppliesTo(scope);
        var revises = scope.OptionalString("revises");
        if (revises is not null && !Naming.IsTemplateId(revises.Value))
            scope.Report(Diagnostics.InvalidIdentifier, revises.Span, revises.Value, "template id", "name the id of the template this one revises (e.g. \"2021\")");
        else if (revises is not null && id is not null && revises.Value == id.Value)
            scope.Report(Diagnostics.InvalidValue, revises.Span, "revises", "a template cannot revise itself");
        var markers = ReadDetection(scope);
        ReadColumnSets(scope);
        var sections = ReadSections(scope);
        if (scope.Array("rules", required: false) is { } templateRules)
            _pendingRules.Add(new PendingRules(templateRules, null, null));
        var narrative = scope.Array("narrative", required: false);
        var parts = scope.Array("parts", required: false);
        var fee = scope.Object("fee", required: false);
        scope.ReportUnknownMembers();

        TemplateModel? model = null;
        if (id is not null && typeName is not null && title is not null && basis is not null && fromYear is not null && sections is not null)
        {
            model = new TemplateModel(id.Value, typeName.Value, title.Value, basis.Value, fromYear.Value, toYear, markers, sections.Value, EquatableArray<RuleModel>.Empty, revises?.Value);

            // C# names are derived from ids: check them only once the ids themselves are sound,
            // so that one mistake is reported once.
            if (!HasErrors())
                CheckNames(model, sections.Value);

            // Rules speak of rows and columns by id: bind them once the structure is sound.
            if (!HasErrors())
                model = model with { Rules = BindRules(sections.Value) };

            // Rules, narrative facts and parts share one space of ids: the rule id of every finding.
            var findingIds = new HashSet<string>(model.Rules.Select(r => r.Id), StringComparer.Ordinal);
            if (narrative is not null && !HasErrors())
                model = model with { Narrative = ReadNarrative(narrative, sections.Value, findingIds) };
            if (parts is not null && !HasErrors())
                model = model with { Parts = ReadParts(parts, findingIds) };
            if (fee is not null && !HasErrors())
            {
                var feeScope = new ObjectScope(fee, "fee", _diagnostics, FeeMembers);
                var subjects = feeScope.Strings("subjects");
                var none = feeScope.Strings("none");
                feeScope.ReportUnknownMembers();
                if (subjects.Count == 0)
                    feeScope.Report(Diagnostics.MissingMember, fee.Span, "subjects", "fee");
                model = model with { Fee = new FeeModel(subjects, none) };
            }
        }

        return Result(HasErrors() ? null : model, id?.Span ?? default, typeName?.Span ?? default);
    }

    /// <summary>
    /// The narrative facts: each an id, the cells whose value (or sum) its phrases state, and phrases with exactly one
    /// <c>{n}</c> where the number stands; warning unless the file says <c>info</c>.
    /// </summary>
    private EquatableArray<NarrativeModel> ReadNarrative(JsonArray array, EquatableArray<SectionModel> sections, HashSet<string> ids)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in GovInfoReports.Shared.CellOrder.Cells(sections, static s => s.Tables, static t => t.Rows, static r => r.Children, static t => t.Columns))
        {
            var path = cell.Section.IsSingleTable ? cell.Section.Id : cell.Section.Id + "." + cell.Table.Id;
            foreach (var row in cell.RowPath)
                path += "." + row.Id;
            paths.Add(path + "." + cell.Column.Id);
        }

        var facts = new List<NarrativeModel>();
        foreach (var (obj, scope) in Objects(array, "narrative", "narrative fact", NarrativeMembers))
        {
            var id = scope.RequiredString("id");
            var description = scope.OptionalString("description");
            var severity = scope.OptionalString("severity");
            var cellsMember = scope.Member("cells");
            var cells = scope.Strings("cells");
            var phrasesMember = scope.Member("phrases");
            var phrases = scope.Strings("phrases");
            scope.ReportUnknownMembers();
            if (id is null)
                continue;
            if (!ids.Add(id.Value))
                scope.Report(Diagnostics.DuplicateId, id.Span, id.Value, "rule, narrative fact and part");
            if (cellsMember is null || cells.Count == 0)
                scope.Report(Diagnostics.MissingMember, obj.Span, "cells", "narrative fact");
            if (phrasesMember is null || phrases.Count == 0)
                scope.Report(Diagnostics.MissingMember, obj.Span, "phrases", "narrative fact");
            foreach (var path in cells)
                if (!paths.Contains(path))
                    scope.Report(Diagnostics.UnknownNarrativeCell, cellsMember!.Value.Span, path, id.Value);
            foreach (var phrase in phrases)
                if (phrase.IndexOf("{n}", StringComparison.Ordinal) is var at && (at < 0 || phrase.IndexOf("{n}", at + 3, StringComparison.Ordinal) >= 0))
                    scope.Report(Diagnostics.InvalidValue, phrasesMember!.Value.Span, "phrases", "each phrase holds {n} exactly once, where the number stands: '" + phrase + "'");
            if (severity is not null && severity.Value is not ("warning" or "info"))
                scope.Report(Diagnostics.InvalidValue, severity.Span, "severity", "a narrative fact is a warning or info (prose is looser than tables)");
            facts.Add(new NarrativeModel(id.Value, description?.Value, severity?.Value == "info" ? RuleSeverityModel.Info : RuleSeverityModel.Warning, cells, phrases));
        }

        return facts.ToEquatableArray();
    }

    /// <summary>The required parts: each an id, a heading and its aliases; warning unless the file says <c>info</c>.</summary>
    private EquatableArray<PartModel> ReadParts(JsonArray array, HashSet<string> ids)
    {
        var parts = new List<PartModel>();
        foreach (var (_, scope) in Objects(array, "parts", "part", PartMembers))
        {
            var id = scope.RequiredString("id");
            var heading = scope.RequiredString("heading");
            var aliases = scope.Strings("aliases");
            var severity = scope.OptionalString("severity");
            scope.ReportUnknownMembers();
            if (id is null || heading is null)
                continue;
            if (!ids.Add(id.Value))
                scope.Report(Diagnostics.DuplicateId, id.Span, id.Value, "rule, narrative fact and part");
            if (severity is not null && severity.Value is not ("warning" or "info"))
                scope.Report(Diagnostics.InvalidValue, severity.Span, "severity", "a missing part is a warning or info");
            parts.Add(new PartModel(id.Value, heading.Value, aliases, severity?.Value == "info" ? RuleSeverityModel.Info : RuleSeverityModel.Warning));
        }

        return parts.ToEquatableArray();
    }

    /// <summary>The objects of an array member, each with its scope; an item that is no object is reported and skipped.</summary>
    private IEnumerable<(JsonObject Object, ObjectScope Scope)> Objects(JsonArray array, string member, string what, string[] members)
    {
        foreach (var item in array.Items)
        {
            if (item is JsonObject obj)
                yield return (obj, new ObjectScope(obj, what, _diagnostics, members));
            else
                _diagnostics.Add(new TemplateDiagnostic(Diagnostics.WrongType, item.Span, member + "[]", "an object", JsonNode.Describe(item.Kind)));
        }
    }

    private bool HasErrors() => _diagnostics.Any(d => d.Descriptor.IsError);

    private TemplateParseResult Result(TemplateModel? model, SourceSpan idSpan, SourceSpan typeNameSpan) =>
        new(model, _diagnostics.ToImmutableArray(), idSpan, typeNameSpan);

    private (int? From, int? To) ReadAppliesTo(ObjectScope template)
    {
        var obj = template.Object("appliesTo", required: true);
        if (obj is null)
            return (null, null);
        var scope = new ObjectScope(obj, "appliesTo", _diagnostics, AppliesToMembers);
        int? from = scope.Integer("fromYear", required: true, min: 1990, max: 9999);
        int? to = scope.Integer("toYear", required: false, min: 1990, max: 9999);
        if (from is not null && to is not null && to < from)
            scope.Report(Diagnostics.InvalidValue, scope.Member("toYear")!.Value.Span, "toYear", "it is before fromYear");
        scope.ReportUnknownMembers();
        return (from, to);
    }

    private EquatableArray<string> ReadDetection(ObjectScope template)
    {
        var obj = template.Object("detection", required: false);
        if (obj is null)
            return EquatableArray<string>.Empty;
        var scope = new ObjectScope(obj, "detection", _diagnostics, DetectionMembers);
        var markers = scope.Strings("markers");
        scope.ReportUnknownMembers();
        return markers;
    }

    private void ReadColumnSets(ObjectScope template)
    {
        var obj = template.Object("columnSets", required: false);
        if (obj is null)
            return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in obj.Members)
        {
            if (!seen.Add(member.Name))
            {
                template.Report(Diagnostics.DuplicateMember, member.NameSpan, member.Name);
                continue;
            }

            if (!Naming.IsCamelCaseId(member.Name))
                template.Report(Diagnostics.InvalidIdentifier, member.NameSpan, member.Name, "column set name", "use a camelCase ASCII identifier (e.g. \"applicants\")");

            if (member.Value is not JsonArray array)
            {
                template.Report(Diagnostics.WrongType, member.Value.Span, member.Name, "an array of columns", JsonNode.Describe(member.Value.Kind));
                continue;
            }

            if (array.Items.Count == 0)
            {
                template.Report(Diagnostics.EmptyList, array.Span, member.Name);
                continue;
            }

            _columnSets[member.Name] = new ColumnSet(member.Name, member.NameSpan, ReadColumns(array));
        }
    }

    private EquatableArray<SectionModel>? ReadSections(ObjectScope template)
    {
        var array = template.Array("sections", required: true);
        if (array is null)
            return null;
        var sections = new List<SectionModel>();
        var ids = new IdSet(this, "section");
        bool complete = true;
        foreach (var item in array.Items)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (item is not JsonObject obj)
            {
                Report(Diagnostics.WrongType, item.Span, "sections[]", "an object", JsonNode.Describe(item.Kind));
                complete = false;
                continue;
            }

            var section = ReadSection(obj, ids);
            if (section is null)
                complete = false;
            else
                sections.Add(section);
        }

        return complete ? sections.ToEquatableArray() : null;
    }

    private SectionModel? ReadSection(JsonObject obj, IdSet ids)
    {
        var scope = new ObjectScope(obj, "a section", _diagnostics, SectionMembers);
        var id = ReadId(scope, ids);
        var number = scope.RequiredString("number");
        var heading = scope.RequiredString("heading");
        var aliases = scope.Strings("aliases");

        bool hasTables = scope.Has("tables");
        bool hasTableMembers = scope.Has("columns") || scope.Has("rows");
        EquatableArray<TableModel>? tables = null;
        if (hasTables && hasTableMembers)
        {
            Report(Diagnostics.SectionShape, scope.Member("tables")!.NameSpan, id?.Value ?? "?", "not both");
        }
        else if (!hasTables && !hasTableMembers)
        {
            Report(Diagnostics.SectionShape, obj.OpeningBrace, id?.Value ?? "?", "and it has neither");
        }
        else if (hasTables)
        {
            foreach (var name in new[] { "rowHeader", "note", "columnsCaption", "layout" })
            {
                if (scope.Member(name) is { } stray)
                    Report(Diagnostics.SectionShape, stray.NameSpan, id?.Value ?? "?", "and '" + name + "' belongs to a table, not to a section with 'tables'");
            }

            var array = scope.Array("tables", required: true);
            if (array is not null)
            {
                var list = new List<TableModel>();
                var tableIds = new IdSet(this, "table");
                bool complete = true;
                foreach (var item in array.Items)
                {
                    if (item is not JsonObject tableObject)
                    {
                        Report(Diagnostics.WrongType, item.Span, "tables[]", "an object", JsonNode.Describe(item.Kind));
                        complete = false;
                        continue;
                    }

                    var tableScope = new ObjectScope(tableObject, "a table", _diagnostics, TableMembers);
                    var tableId = ReadId(tableScope, tableIds);
                    var caption = tableScope.RequiredString("caption");
                    var table = ReadTableBody(tableScope, tableId, caption?.Value, tableScope.Strings("aliases"));
                    if (tableScope.Array("rules", required: false) is { } tableRules && id is not null && tableId is not null)
                        _pendingRules.Add(new PendingRules(tableRules, id.Value, tableId.Value));
                    tableScope.ReportUnknownMembers();
                    if (table is null)
                        complete = false;
                    else
                        list.Add(table);
                }

                if (complete)
                    tables = list.ToEquatableArray();
            }
        }
        else
        {
            var table = ReadTableBody(scope, id, null, EquatableArray<string>.Empty);
            if (table is not null)
                tables = new[] { table }.ToEquatableArray();
        }

        if (scope.Array("rules", required: false) is { } sectionRules && id is not null)
            _pendingRules.Add(new PendingRules(sectionRules, id.Value, null));
        scope.ReportUnknownMembers();
        if (id is null || number is null || heading is null || tables is null)
            return null;
        return Located(new SectionModel(id.Value, number.Value, heading.Value, aliases, IsSingleTable: !hasTables, tables.Value), id.Span);
    }

    /// <summary>Reads the members a table has, whether on a table object or on a section that is one table.</summary>
    private TableModel? ReadTableBody(ObjectScope scope, JsonString? id, string? caption, EquatableArray<string> aliases)
    {
        var rowHeader = scope.OptionalString("rowHeader");
        var note = scope.OptionalString("note");
        var columnsCaption = scope.OptionalString("columnsCaption");
        var layout = TableLayoutModel.Grid;
        var layoutText = scope.OptionalString("layout");
        if (layoutText is not null)
        {
            if (layoutText.Value == "singleRow")
                layout = TableLayoutModel.SingleRow;
            else if (layoutText.Value != "grid")
                Report(Diagnostics.InvalidValue, layoutText.Span, "layout", "use \"grid\" or \"singleRow\"");
        }

        EquatableArray<ColumnModel>? columns = null;
        string? columnSetName = null;
        var columnsMember = scope.Member("columns");
        if (columnsMember is null)
        {
            Report(Diagnostics.MissingMember, scope.Node.OpeningBrace, "columns", "A table");
        }
        else if (columnsMember.Value is JsonString setName)
        {
            if (_columnSets.TryGetValue(setName.Value, out var set))
            {
                columns = set.Columns;
                columnSetName = set.Name;
            }
            else
            {
                Report(Diagnostics.UnknownColumnSet, setName.Span, setName.Value, ObjectScope.KnownList(_columnSets.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            }
        }
        else if (columnsMember.Value is JsonArray inline)
        {
            if (inline.Items.Count == 0)
                Report(Diagnostics.EmptyList, inline.Span, "columns");
            else
                columns = ReadColumns(inline);
        }
        else
        {
            Report(Diagnostics.WrongType, columnsMember.Value.Span, "columns", "the name of a column set or an array of columns", JsonNode.Describe(columnsMember.Value.Kind));
        }

        var rowsArray = scope.Array("rows", required: true);
        var rows = rowsArray is null ? null : ReadRows(rowsArray);

        if (id is null || columns is null || rows is null)
            return null;
        return Located(new TableModel(id.Value, caption, aliases, rowHeader?.Value, note?.Value, columnsCaption?.Value, layout, columnSetName, columns.Value, rows.Value), id.Span);
    }

    private EquatableArray<ColumnModel>? ReadColumns(JsonArray array)
    {
        var columns = new List<ColumnModel>();
        var ids = new IdSet(this, "column");
        bool complete = true;
        foreach (var item in array.Items)
        {
            if (item is not JsonObject obj)
            {
                Report(Diagnostics.WrongType, item.Span, "columns[]", "an object", JsonNode.Describe(item.Kind));
                complete = false;
                continue;
            }

            var scope = new ObjectScope(obj, "a column", _diagnostics, ColumnMembers);
            var id = ReadId(scope, ids);
            var label = scope.RequiredString("label");
            var aliases = scope.Strings("aliases");
            var group = scope.OptionalString("group");
            var kind = ValueKindModel.Count;
            bool kindKnown = true;
            var kindText = scope.OptionalString("kind");
            if (kindText is not null)
            {
                switch (kindText.Value)
                {
                    case "count": kind = ValueKindModel.Count; break;
                    case "signedCount": kind = ValueKindModel.SignedCount; break;
                    case "amount": kind = ValueKindModel.Amount; break;
                    default:
                        Report(Diagnostics.UnknownValueKind, kindText.Span, kindText.Value);
                        kindKnown = false;
                        break;
                }
            }

            string? unit = "件";
            var unitText = scope.OptionalString("unit");
            if (kindKnown && kind == ValueKindModel.Amount)
            {
                if (unitText is null && !scope.Has("unit"))
                    Report(Diagnostics.MissingMember, obj.OpeningBrace, "unit", "An amount column");
                else if (unitText is not null && Array.IndexOf(MoneyUnits, unitText.Value) < 0)
                    Report(Diagnostics.InvalidUnit, unitText.Span, unitText.Value, "amount", "use \"元\", \"万元\", or \"asReported\" when the header prints no unit");
                unit = unitText?.Value == "asReported" ? null : unitText?.Value;
            }
            else if (kindKnown && unitText is not null)
            {
                if (Array.IndexOf(MoneyUnits, unitText.Value) >= 0)
                    Report(Diagnostics.InvalidUnit, unitText.Span, unitText.Value, kindText?.Value ?? "count", "a count takes a counting word such as \"件\" or \"项\"; money needs \"kind\": \"amount\"");
                unit = unitText.Value;
            }

            scope.ReportUnknownMembers();
            if (id is null || label is null || !kindKnown)
                complete = false;
            else
                columns.Add(Located(new ColumnModel(id.Value, label.Value, aliases, group?.Value, kind, unit), id.Span));
        }

        return complete ? columns.ToEquatableArray() : null;
    }

    private EquatableArray<RowModel>? ReadRows(JsonArray array)
    {
        var rows = new List<RowModel>();
        var ids = new IdSet(this, "row");
        bool complete = true;
        foreach (var item in array.Items)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (item is not JsonObject obj)
            {
                Report(Diagnostics.WrongType, item.Span, "rows[]", "an object", JsonNode.Describe(item.Kind));
                complete = false;
                continue;
            }

            var scope = new ObjectScope(obj, "a row", _diagnostics, RowMembers);
            var id = ReadId(scope, ids);
            var number = scope.OptionalString("number");
            var label = scope.RequiredString("label");
            var aliases = scope.Strings("aliases");
            EquatableArray<RowModel> children = EquatableArray<RowModel>.Empty;
            bool childrenOk = true;
            if (scope.Has("rows"))
            {
                var childArray = scope.Array("rows", required: false);
                var read = childArray is null ? null : ReadRows(childArray);
                if (read is null)
                    childrenOk = false;
                else
                    children = read.Value;
            }

            scope.ReportUnknownMembers();
            if (id is null || label is null || !childrenOk)
                complete = false;
            else
                rows.Add(Located(new RowModel(id.Value, number?.Value, label.Value, aliases, children), id.Span));
        }

        return complete ? rows.ToEquatableArray() : null;
    }

    private JsonString? ReadId(ObjectScope scope, IdSet ids)
    {
        var id = scope.RequiredString("id");
        if (id is null)
            return null;
        if (!Naming.IsCamelCaseId(id.Value))
        {
            Report(Diagnostics.InvalidIdentifier, id.Span, id.Value, ids.What + " id", "use a camelCase ASCII identifier such as \"newlyReceived\" (it becomes a C# and JSON name)");
            return null;
        }

        ids.Add(id);
        return id;
    }

    private void Report(DiagnosticDefinition descriptor, SourceSpan span, params object[] args) =>
        _diagnostics.Add(new TemplateDiagnostic(descriptor, span, args));

    /// <summary>
    /// Checks that the C# names the emitters will derive from the ids cannot collide: within each
    /// generated type, member and nested type names are unique, differ from the type's own name and
    /// from the names every record has.
    /// </summary>
    private void CheckNames(TemplateModel model, EquatableArray<SectionModel> sections)
    {
        // The report type: its own members, the sections and the shared row types.
        var report = new NameScope(this, model.TypeName);
        report.Reserve(Naming.ReportMembers);
        foreach (var set in _columnSets.Values.OrderBy(set => set.NameSpan.Start))
        {
            report.Add(Naming.RowType(set.Name), "the column set '" + set.Name + "'", set.NameSpan);
            if (set.Columns is { } columns)
                CheckColumns(Naming.RowType(set.Name), columns);
        }

        foreach (var section in sections)
        {
            var span = SpanOf(section);
            report.Add(Naming.Member(section.Id), "the section '" + section.Id + "'", span);
            report.Add(Naming.SectionType(section.Id), "the section '" + section.Id + "'", span);
            var sectionScope = new NameScope(this, Naming.SectionType(section.Id));
            if (section.IsSingleTable)
            {
                CheckTableMembers(sectionScope, section.Tables[0]);
                continue;
            }

            foreach (var table in section.Tables)
            {
                var tableSpan = SpanOf(table);
                sectionScope.Add(Naming.Member(table.Id), "the table '" + table.Id + "'", tableSpan);
                sectionScope.Add(Naming.TableType(table.Id), "the table '" + table.Id + "'", tableSpan);
                CheckTableMembers(new NameScope(this, Naming.TableType(table.Id)), table);
            }
        }
    }

    private void CheckTableMembers(NameScope scope, TableModel table)
    {
        if (table.ColumnSetName is null)
        {
            scope.Add(Naming.RowType(null), "the table's row type", SpanOf(table));
            CheckColumns(Naming.RowType(null), table.Columns);
        }

        CheckRows(scope, table.Rows);
    }

    private void CheckColumns(string rowType, EquatableArray<ColumnModel> columns)
    {
        var scope = new NameScope(this, rowType);
        foreach (var column in columns)
            scope.Add(Naming.Member(column.Id), "the column '" + column.Id + "'", SpanOf(column));
    }

    private void CheckRows(NameScope scope, EquatableArray<RowModel> rows)
    {
        foreach (var row in rows)
        {
            var span = SpanOf(row);
            scope.Add(Naming.Member(row.Id), "the row '" + row.Id + "'", span);
            if (row.IsGroup)
            {
                scope.Add(Naming.GroupType(row.Id), "the row '" + row.Id + "'", span);
                CheckRows(new NameScope(this, Naming.GroupType(row.Id)), row.Children);
            }
        }
    }

    private T Located<T>(T model, SourceSpan idSpan)
        where T : class
    {
        _idSpans[model] = idSpan;
        return model;
    }

    private SourceSpan SpanOf(object model) => _idSpans.TryGetValue(model, out var span) ? span : default;

    private sealed class ColumnSet
    {
        public ColumnSet(string name, SourceSpan nameSpan, EquatableArray<ColumnModel>? columns)
        {
            Name = name;
            NameSpan = nameSpan;
            Columns = columns;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public EquatableArray<ColumnModel>? Columns { get; }
    }

    /// <summary>The ids of one list of siblings: reports the second use of an id.</summary>
    private sealed class IdSet
    {
        private readonly TemplateParser _parser;
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

        public IdSet(TemplateParser parser, string what)
        {
            _parser = parser;
            What = what;
        }

        public string What { get; }

        public void Add(JsonString id)
        {
            if (!_seen.Add(id.Value))
                _parser.Report(Diagnostics.DuplicateId, id.Span, id.Value, "sibling " + What);
        }
    }

    /// <summary>The names declared in one generated type.</summary>
    private sealed class NameScope
    {
        private readonly TemplateParser _parser;
        private readonly string _typeName;
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public NameScope(TemplateParser parser, string typeName)
        {
            _parser = parser;
            _typeName = typeName;
            foreach (var reserved in Naming.ReservedMembers)
                _names[reserved] = "a member every generated record has";
        }

        public void Reserve(IEnumerable<string> names)
        {
            foreach (var name in names)
                _names[name] = "a member the generated report type declares";
        }

        public void Add(string name, string from, SourceSpan span)
        {
            if (name == _typeName)
            {
                _parser.Report(Diagnostics.NameClash, span, from, name, "is the name of the type that would contain it");
            }
            else if (_names.TryGetValue(name, out var other))
            {
                _parser.Report(Diagnostics.NameClash, span, from, name, "is already " + other + " in " + _typeName);
            }
            else
            {
                _names.Add(name, from);
            }
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
