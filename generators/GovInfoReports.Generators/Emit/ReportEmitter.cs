using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// Emits, for one template: the immutable report record with its nested section, table, group and row
/// records; the cell accessors (<c>GetCell</c>, <c>FromCells</c>) that let the runtime read and build
/// any report by cell index; and the descriptor (<c>Template</c>) holding the template as data.
/// The output depends on the model and the namespace only: no culture, clock, path or version.
/// </summary>
internal static class ReportEmitter
{
    private const string Runtime = "global::GovInfoReports.";
    private const string Templates = "global::GovInfoReports.Templates.";
    private const string Cell = Runtime + "CellValue";

    /// <summary>The name of the shared all-blank instance of each nested record type.</summary>
    public const string EmptyField = "Empty_";

    public static string Emit(TemplateModel template, string ns)
    {
        var cells = CellLayout.Of(template);
        var w = CodeWriter.GeneratedFile(CodeWriter.FromTemplate(template.Id), ns);

        w.Line("/// <summary>" + CodeWriter.Xml(template.Title + "（" + template.Basis + "）") + "</summary>");
        w.Line("/// <remarks>");
        w.Line("/// A report in template <c>" + CodeWriter.Xml(template.Id) + "</c>, for report years " + Years(template) + ".");
        w.Line("/// A blank cell is <see langword=\"null\"/>, never 0. Generated from the template file.");
        w.Line("/// </remarks>");
        w.Open("public sealed partial record " + template.TypeName + " : " + Runtime + "IReport");
        w.Doc("The descriptor of template " + template.Id + ": its sections, tables, rows, columns, labels, aliases, units and value kinds, as data.");
        w.Line("public static " + Templates + "ReportTemplate Template => Descriptor.Instance;");
        w.Line();
        w.Line(Templates + "ReportTemplate " + Runtime + "IReport.Template => Descriptor.Instance;");
        w.Line();
        w.Doc("The report year, when known.");
        w.Line("public int? Year { get; init; }");
        w.Line();
        w.Doc("The reporting agency, when known.");
        w.Line("public string? Agency { get; init; }");

        foreach (var section in template.Sections)
        {
            w.Line();
            w.Doc(section.Number + section.Heading, Remarks(section.Id, section.Aliases));
            w.Line("public " + Naming.SectionType(section.Id) + " " + Naming.Member(section.Id) + " { get; init; } = " + Empty(Naming.SectionType(section.Id)) + ";");
        }

        EmitGetCell(w, template.Id, cells);
        w.Line();
        w.Doc("Builds a report from one value per cell of Template.Cells, in that order.");
        w.Line("/// <param name=\"cells\">One value per cell; <see cref=\"" + Cell + ".Blank\"/> for a blank cell.</param>");
        w.Line("/// <param name=\"year\">The report year, when known.</param>");
        w.Line("/// <param name=\"agency\">The reporting agency, when known.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">There is not exactly one value per cell.</exception>");
        w.Line("public static " + template.TypeName + " FromCells(global::System.ReadOnlySpan<" + Cell + "> cells, int? year = null, string? agency = null) =>");
        w.Line("    (" + template.TypeName + ")Descriptor.Instance.CreateReport(cells, year, agency);");

        foreach (var section in template.Sections)
            EmitSectionType(w, section);

        var emittedSets = new HashSet<string>();
        foreach (var table in template.Sections.SelectMany(s => s.Tables))
        {
            if (table.ColumnSetName is { } set && emittedSets.Add(set))
                EmitRowType(w, Naming.RowType(set), "A row of the column set '" + set + "'", table.Columns);
        }

        EmitDescriptor(w, template, cells);

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Years(TemplateModel t) =>
        t.ToYear is { } to
            ? t.FromYear.ToString(CultureInfo.InvariantCulture) + "–" + to.ToString(CultureInfo.InvariantCulture)
            : t.FromYear.ToString(CultureInfo.InvariantCulture) + " on";

    private static string? Remarks(string path, EquatableArray<string> aliases)
    {
        var text = "Path <c>" + CodeWriter.Xml(path) + "</c>.";
        if (aliases.Count > 0)
            text += " 也作 / also written: " + CodeWriter.Xml(string.Join("；", aliases)) + ".";
        return text;
    }

    private static void EmitSectionType(CodeWriter w, SectionModel section)
    {
        w.Line();
        w.Doc(section.Number + section.Heading);
        w.Open("public sealed partial record " + Naming.SectionType(section.Id));
        EmitEmpty(w, Naming.SectionType(section.Id));
        if (section.IsSingleTable)
        {
            EmitTableMembers(w, section.Tables[0], section.Id);
        }
        else
        {
            bool first = true;
            foreach (var table in section.Tables)
            {
                if (!first)
                    w.Line();
                first = false;
                w.Doc(table.Caption ?? table.Id, Remarks(section.Id + "." + table.Id, table.Aliases));
                w.Line("public " + Naming.TableType(table.Id) + " " + Naming.Member(table.Id) + " { get; init; } = " + Empty(Naming.TableType(table.Id)) + ";");
            }

            foreach (var table in section.Tables)
            {
                w.Line();
                w.Doc(table.Caption ?? table.Id);
                w.Open("public sealed partial record " + Naming.TableType(table.Id));
                EmitEmpty(w, Naming.TableType(table.Id));
                EmitTableMembers(w, table, section.Id + "." + table.Id);
                w.Close();
            }
        }

        w.Close();
    }

    private static void EmitTableMembers(CodeWriter w, TableModel table, string tablePath)
    {
        var rowType = Naming.RowType(table.ColumnSetName);
        EmitRowMembers(w, table.Rows, rowType, tablePath);
        if (table.ColumnSetName is null)
            EmitRowType(w, rowType, "A row of " + (table.Caption ?? table.Id), table.Columns);
    }

    private static void EmitRowMembers(CodeWriter w, EquatableArray<RowModel> rows, string rowType, string parentPath)
    {
        bool first = true;
        foreach (var row in rows)
        {
            if (!first)
                w.Line();
            first = false;
            var path = parentPath + "." + row.Id;
            w.Doc((row.Number ?? "") + row.Label, Remarks(path, row.Aliases));
            var type = row.IsGroup ? Naming.GroupType(row.Id) : rowType;
            w.Line("public " + type + " " + Naming.Member(row.Id) + " { get; init; } = " + Empty(type) + ";");
        }

        foreach (var row in rows.Where(r => r.IsGroup))
        {
            w.Line();
            w.Doc((row.Number ?? "") + row.Label + " (a group row: its rows hold the values)");
            w.Open("public sealed partial record " + Naming.GroupType(row.Id));
            EmitEmpty(w, Naming.GroupType(row.Id));
            EmitRowMembers(w, row.Children, rowType, parentPath + "." + row.Id);
            w.Close();
        }
    }

    private static void EmitRowType(CodeWriter w, string name, string summary, EquatableArray<ColumnModel> columns)
    {
        w.Line();
        w.Doc(summary + ": " + string.Join("、", columns.Select(c => c.Label)) + ".");
        w.Open("public sealed partial record " + name);
        EmitEmpty(w, name);
        bool first = true;
        foreach (var column in columns)
        {
            if (!first)
                w.Line();
            first = false;
            var remarks = (column.Group is null ? "" : CodeWriter.Xml(column.Group) + " — ") + KindRemark(column);
            if (column.Aliases.Count > 0)
                remarks += " 也作 / also written: " + CodeWriter.Xml(string.Join("；", column.Aliases)) + ".";
            w.Doc(column.Label, remarks);
            w.Line("public " + ClrType(column) + " " + Naming.Member(column.Id) + " { get; init; }");
        }

        w.Close();
    }

    /// <summary>
    /// Every nested record has one shared all-blank instance, the default of the members of its type. Records are
    /// immutable, so sharing is safe, and building a report (extraction, JSON, <c>FromCells</c>) allocates only the
    /// objects it keeps: with <c>= new()</c> initialisers each object initialiser first built, then dropped, a
    /// whole default subtree. The name has an underscore, which no template id (camelCase) can produce.
    /// </summary>
    private static void EmitEmpty(CodeWriter w, string type)
    {
        w.Doc("The shared all-blank instance: the default of every member of this type (records are immutable).");
        w.Line("internal static readonly " + type + " " + EmptyField + " = new();");
        w.Line();
    }

    /// <summary>The shared all-blank instance of <paramref name="type"/> (a type name as seen from where it is used).</summary>
    public static string Empty(string type) => type + "." + EmptyField;

    private static string KindRemark(ColumnModel column) => column.Kind switch
    {
        ValueKindModel.Count => "单位 " + CodeWriter.Xml(column.Unit ?? "") + "，非负整数 / a count (≥ 0).",
        ValueKindModel.SignedCount => "单位 " + CodeWriter.Xml(column.Unit ?? "") + "，可为负 / a signed count (may be negative).",
        _ when column.Unit is null => "金额，单位随值给出 / an amount with the unit the report wrote (unknown when bare).",
        _ => "金额，单位 " + CodeWriter.Xml(column.Unit) + " / an amount in " + CodeWriter.Xml(column.Unit) + " (≥ 0).",
    };

    private static string ClrType(ColumnModel column) => column.Kind switch
    {
        ValueKindModel.Amount when column.Unit is null => Runtime + "Amount?",
        ValueKindModel.Amount => "decimal?",
        _ => "int?",
    };

    private static string AmountUnit(string? unit) => unit switch
    {
        "元" => Runtime + "AmountUnit.Yuan",
        "万元" => Runtime + "AmountUnit.TenThousandYuan",
        _ => Runtime + "AmountUnit.Unknown",
    };

    private static string ToCell(ColumnModel column, string expression) => column.Kind switch
    {
        ValueKindModel.Amount when column.Unit is null => Cell + ".FromAmount(" + expression + ")",
        ValueKindModel.Amount => Cell + ".FromDecimal(" + expression + ", " + AmountUnit(column.Unit) + ")",
        _ => Cell + ".FromInt32(" + expression + ")",
    };

    private static string FromCell(ColumnModel column, string index)
    {
        var cell = "cells[" + index + "]";
        return column.Kind switch
        {
            ValueKindModel.Amount when column.Unit is null => cell + ".ToAmount()",
            ValueKindModel.Amount => cell + ".ToDecimal(" + AmountUnit(column.Unit) + ")",
            _ => cell + ".ToInt32()",
        };
    }

    private static void EmitGetCell(CodeWriter w, string templateId, IReadOnlyList<CellLayout> cells)
    {
        w.Line();
        w.Line("// Cell indexes (CellOrder): each data row's first cell, defined from the row before; a cell is its row's plus its column's position.");
        foreach (var constant in CellLayout.RowConstants(cells))
            w.Line(constant);
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public " + Cell + " GetCell(int index) => index switch");
        w.Open("{");
        foreach (var cell in cells)
            w.Line(cell.IndexExpression + " => " + ToCell(cell.Column, "this." + cell.MemberPath) + ",");
        var message = "Template " + templateId + " has " + cells.Count.ToString(CultureInfo.InvariantCulture) + " cells (0 to " + (cells.Count - 1).ToString(CultureInfo.InvariantCulture) + ").";
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index), index, " + CodeWriter.Literal(message) + "),");
        w.Close("};");
    }

    private static void EmitDescriptor(CodeWriter w, TemplateModel template, IReadOnlyList<CellLayout> cells)
    {
        w.Line();
        w.Open("private sealed class Descriptor : " + Templates + "ReportTemplate");
        w.Line("internal static readonly Descriptor Instance = new();");
        w.Line();
        w.Line("private Descriptor()");
        w.Line("    : base(");
        w.Line("        id: " + CodeWriter.Literal(template.Id) + ",");
        w.Line("        typeName: " + CodeWriter.Literal(template.TypeName) + ",");
        w.Line("        title: " + CodeWriter.Literal(template.Title) + ",");
        w.Line("        basis: " + CodeWriter.Literal(template.Basis) + ",");
        w.Line("        fromYear: " + template.FromYear.ToString(CultureInfo.InvariantCulture) + ",");
        w.Line("        toYear: " + (template.ToYear is { } to ? to.ToString(CultureInfo.InvariantCulture) : "null") + ",");
        w.Line("        markers: " + StringArray(template.Markers) + ",");
        w.Line("        sections: CreateSections(),");
        w.Line("        rules: CreateRules())");
        w.Line("{");
        if (template.Revises is { } revises)
            w.Line("    Revises = " + CodeWriter.Literal(revises) + ";");
        if (template.Narrative.Count > 0)
        {
            w.Line("    Narrative = new " + Templates + "NarrativeFact[]");
            w.Line("    {");
            foreach (var fact in template.Narrative)
                w.Line("        new(" + CodeWriter.Literal(fact.Id) + ", " + (fact.Description is { } d ? CodeWriter.Literal(d) : "null") + ", " + Runtime + "Validation.Severity." + fact.Severity
                    + ", " + StringArray(fact.Cells) + ", " + StringArray(fact.Phrases) + "),");
            w.Line("    };");
        }

        if (template.Fee is { } fee)
            w.Line("    Fee = new " + Templates + "FeeWording(" + StringArray(fee.Subjects) + ", " + StringArray(fee.None) + ");");

        if (template.Parts.Count > 0)
        {
            w.Line("    Parts = new " + Templates + "ReportPart[]");
            w.Line("    {");
            foreach (var part in template.Parts)
                w.Line("        new(" + CodeWriter.Literal(part.Id) + ", " + CodeWriter.Literal(part.Heading) + ", " + StringArray(part.Aliases) + ", " + Runtime + "Validation.Severity." + part.Severity + "),");
            w.Line("    };");
        }

        w.Line("}");
        w.Line();
        w.Doc("The generated report type.");
        w.Line("public override global::System.Type ReportType => typeof(" + template.TypeName + ");");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override " + Runtime + "IReport ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => JsonConverter.ReadReport(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override " + Runtime + "IReport? TryReadCanonicalJson(global::System.ReadOnlySpan<byte> utf8Json) => JsonConverter.TryReadCanonical(utf8Json);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, " + Runtime + "IReport report) => JsonConverter.WriteReport(writer, (" + template.TypeName + ")report);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override global::System.Collections.Generic.IReadOnlyList<global::GovInfoReports.Validation.ValidationFinding> Validate(" + Runtime + "IReport report, global::GovInfoReports.Validation.ValidationOptions? options = null) =>");
        w.Line("    report is " + template.TypeName + " typed ? typed.Validate(options) : throw new global::System.ArgumentException(\"The report is not a " + template.TypeName + ".\", nameof(report));");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open("protected override " + Runtime + "IReport CreateReportCore(global::System.ReadOnlySpan<" + Cell + "> cells, int? year, string? agency)");
        var byMember = cells.ToDictionary(c => c.MemberPath);
        w.Line("return new " + template.TypeName);
        w.Open("{");
        w.Line("Year = year,");
        w.Line("Agency = agency,");
        foreach (var section in template.Sections)
        {
            var sectionType = Naming.SectionType(section.Id);
            var member = Naming.Member(section.Id);
            w.Line(member + " = new " + sectionType);
            w.Open("{");
            if (section.IsSingleTable)
            {
                EmitRowInitializers(w, section.Tables[0], section.Tables[0].Rows, sectionType, member, byMember);
            }
            else
            {
                foreach (var table in section.Tables)
                {
                    var tableType = sectionType + "." + Naming.TableType(table.Id);
                    var tableMember = member + "." + Naming.Member(table.Id);
                    w.Line(Naming.Member(table.Id) + " = new " + tableType);
                    w.Open("{");
                    EmitRowInitializers(w, table, table.Rows, tableType, tableMember, byMember);
                    w.Close("},");
                }
            }

            w.Close("},");
        }

        w.Close("};");
        w.Close();
        w.Line();
        w.Open("private static " + Templates + "SectionDescriptor[] CreateSections()");
        var emittedSets = new HashSet<string>();
        foreach (var table in template.Sections.SelectMany(s => s.Tables))
        {
            if (table.ColumnSetName is { } set && emittedSets.Add(set))
            {
                w.Line("var " + set + "Columns = new " + Templates + "ColumnDescriptor[]");
                w.Open("{");
                foreach (var column in table.Columns)
                    w.Line(ColumnDescriptor(column) + ",");
                w.Close("};");
            }
        }

        w.Line("return new " + Templates + "SectionDescriptor[]");
        w.Open("{");
        foreach (var section in template.Sections)
        {
            w.Line("new " + Templates + "SectionDescriptor(");
            w.Line("    id: " + CodeWriter.Literal(section.Id) + ",");
            w.Line("    number: " + CodeWriter.Literal(section.Number) + ",");
            w.Line("    heading: " + CodeWriter.Literal(section.Heading) + ",");
            w.Line("    isSingleTable: " + (section.IsSingleTable ? "true" : "false") + ",");
            w.Line("    aliases: " + StringArray(section.Aliases) + ",");
            w.Line("    tables: new " + Templates + "TableDescriptor[]");
            w.Open("{");
            foreach (var table in section.Tables)
                EmitTableDescriptor(w, table);
            w.Close("}),");
        }

        w.Close("};");
        w.Close();
        w.Close();
    }

    private static void EmitRowInitializers(CodeWriter w, TableModel table, EquatableArray<RowModel> rows, string ownerType, string ownerMember, Dictionary<string, CellLayout> byMember)
    {
        var rowType = table.ColumnSetName is null ? ownerType + "." + Naming.RowType(null) : Naming.RowType(table.ColumnSetName);
        EmitRowInitializersCore(w, table, rows, ownerType, ownerMember, rowType, byMember);
    }

    private static void EmitRowInitializersCore(CodeWriter w, TableModel table, EquatableArray<RowModel> rows, string ownerType, string ownerMember, string rowType, Dictionary<string, CellLayout> byMember)
    {
        foreach (var row in rows)
        {
            var member = ownerMember + "." + Naming.Member(row.Id);
            if (row.IsGroup)
            {
                var groupType = ownerType + "." + Naming.GroupType(row.Id);
                w.Line(Naming.Member(row.Id) + " = new " + groupType);
                w.Open("{");
                EmitRowInitializersCore(w, table, row.Children, groupType, member, rowType, byMember);
                w.Close("},");
            }
            else
            {
                var values = table.Columns.Select(c => Naming.Member(c.Id) + " = " + FromCell(c, byMember[member + "." + Naming.Member(c.Id)].IndexExpression));
                w.Line(Naming.Member(row.Id) + " = new " + rowType + " { " + string.Join(", ", values) + " },");
            }
        }
    }

    private static void EmitTableDescriptor(CodeWriter w, TableModel table)
    {
        w.Line("new " + Templates + "TableDescriptor(");
        w.Line("    id: " + CodeWriter.Literal(table.Id) + ",");
        w.Line("    caption: " + CodeWriter.Literal(table.Caption) + ",");
        w.Line("    layout: " + Templates + "TableLayout." + (table.Layout == TableLayoutModel.SingleRow ? "SingleRow" : "Grid") + ",");
        w.Line("    aliases: " + StringArray(table.Aliases) + ",");
        w.Line("    rowHeader: " + CodeWriter.Literal(table.RowHeader) + ",");
        w.Line("    note: " + CodeWriter.Literal(table.Note) + ",");
        w.Line("    columnsCaption: " + CodeWriter.Literal(table.ColumnsCaption) + ",");
        if (table.ColumnSetName is { } set)
        {
            w.Line("    columns: " + set + "Columns,");
        }
        else
        {
            w.Line("    columns: new " + Templates + "ColumnDescriptor[]");
            w.Line("    {");
            foreach (var column in table.Columns)
                w.Line("        " + ColumnDescriptor(column) + ",");
            w.Line("    },");
        }

        w.Line("    rows: new " + Templates + "RowDescriptor[]");
        w.Line("    {");
        EmitRowDescriptors(w, table.Rows, "        ");
        w.Line("    }),");
    }

    private static void EmitRowDescriptors(CodeWriter w, EquatableArray<RowModel> rows, string indent)
    {
        foreach (var row in rows)
        {
            var head = indent + "new " + Templates + "RowDescriptor(" + CodeWriter.Literal(row.Id) + ", " + CodeWriter.Literal(row.Label)
                + ", number: " + CodeWriter.Literal(row.Number)
                + (row.Aliases.Count > 0 ? ", aliases: " + StringArray(row.Aliases) : "");
            if (!row.IsGroup)
            {
                w.Line(head + "),");
                continue;
            }

            w.Line(head + ", children: new " + Templates + "RowDescriptor[]");
            w.Line(indent + "{");
            EmitRowDescriptors(w, row.Children, indent + "    ");
            w.Line(indent + "}),");
        }
    }

    private static string ColumnDescriptor(ColumnModel column)
    {
        var kind = column.Kind switch
        {
            ValueKindModel.SignedCount => "SignedCount",
            ValueKindModel.Amount => "Amount",
            _ => "Count",
        };
        return "new " + Templates + "ColumnDescriptor(" + CodeWriter.Literal(column.Id) + ", " + CodeWriter.Literal(column.Label)
            + ", " + Templates + "ValueKind." + kind + ", unit: " + CodeWriter.Literal(column.Unit)
            + (column.Group is null ? "" : ", group: " + CodeWriter.Literal(column.Group))
            + (column.Aliases.Count > 0 ? ", aliases: " + StringArray(column.Aliases) : "")
            + ")";
    }

    private static string StringArray(EquatableArray<string> items) =>
        items.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", items.Select(CodeWriter.Literal)) + " }";
}
