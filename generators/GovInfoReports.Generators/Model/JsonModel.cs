using System.Collections.Generic;
using System.Linq;

namespace GovInfoReports.Generators.Model;

/// <summary>What the JSON converter of a template is emitted from: the template and the object types of its document.</summary>
internal sealed record JsonModel(TemplateModel Template, EquatableArray<JsonShapeModel> Shapes)
{
    /// <summary>The model of <paramref name="template"/>'s document: sections, tables, groups and row types, each once.</summary>
    public static JsonModel Of(TemplateModel template) => new(template, JsonShapes.Of(template));
}

/// <summary>One generated object type of a report document (a section, table, group or row type), named from the report type's scope.</summary>
/// <param name="Type">The C# type, relative to the report type.</param>
/// <param name="Path">The JSON path of a section, table or group (each occurs once); null for a row type, which is shared.</param>
/// <param name="Members">Its members in document order.</param>
internal sealed record JsonShapeModel(string Type, string? Path, EquatableArray<JsonMemberModel> Members);

/// <summary>A member of a generated object type: a nested object (<paramref name="ChildType"/>) or a value cell (<paramref name="Column"/>).</summary>
internal sealed record JsonMemberModel(string Id, string? ChildType, ColumnModel? Column)
{
    /// <summary>The member's C# type.</summary>
    public string ClrType => Column is null
        ? ChildType!
        : Column.Kind switch
        {
            ValueKindModel.Amount when Column.Unit is null => "global::GovInfoReports.Amount?",
            ValueKindModel.Amount => "decimal?",
            _ => "int?",
        };
}

/// <summary>Builds the object types of a template's document.</summary>
internal static class JsonShapes
{
    public static EquatableArray<JsonShapeModel> Of(TemplateModel template)
    {
        var shapes = new List<JsonShapeModel>();
        var seen = new HashSet<string>();
        void Add(string type, string? path, IEnumerable<JsonMemberModel> members)
        {
            if (seen.Add(type))
                shapes.Add(new JsonShapeModel(type, path, members.ToEquatableArray()));
        }

        foreach (var section in template.Sections)
        {
            var sectionType = Naming.SectionType(section.Id);
            var sectionPath = "$." + section.Id;
            if (section.IsSingleTable)
            {
                AddTable(section.Tables[0], sectionType, sectionPath, sectionType, Add);
                continue;
            }

            Add(sectionType, sectionPath, section.Tables.Select(t => new JsonMemberModel(t.Id, sectionType + "." + Naming.TableType(t.Id), null)).ToList());
            foreach (var table in section.Tables)
            {
                var tableType = sectionType + "." + Naming.TableType(table.Id);
                AddTable(table, tableType, sectionPath + "." + table.Id, tableType, Add);
            }
        }

        return shapes.ToEquatableArray();
    }

    private static void AddTable(TableModel table, string ownerType, string ownerPath, string tableType, System.Action<string, string?, IEnumerable<JsonMemberModel>> add)
    {
        var rowType = table.ColumnSetName is null ? tableType + "." + Naming.RowType(null) : Naming.RowType(table.ColumnSetName);
        AddRows(table.Rows, ownerType, ownerPath, rowType, add);
        add(rowType, null, table.Columns.Select(c => new JsonMemberModel(c.Id, null, c)).ToList());
    }

    private static void AddRows(EquatableArray<RowModel> rows, string ownerType, string ownerPath, string rowType, System.Action<string, string?, IEnumerable<JsonMemberModel>> add)
    {
        add(ownerType, ownerPath, rows.Select(r => new JsonMemberModel(r.Id, r.IsGroup ? ownerType + "." + Naming.GroupType(r.Id) : rowType, null)).ToList());
        foreach (var row in rows.Where(r => r.IsGroup))
            AddRows(row.Children, ownerType + "." + Naming.GroupType(row.Id), ownerPath + "." + row.Id, rowType, add);
    }
}
