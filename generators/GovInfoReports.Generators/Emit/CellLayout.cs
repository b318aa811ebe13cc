using System.Collections.Generic;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// One value cell and where it lives in the generated record. The order — sections, their tables,
/// each table's data rows depth-first, then columns — is the order the runtime's
/// <c>ReportTemplate.Cells</c> uses, so a cell index means the same on both sides.
/// </summary>
internal sealed class CellLayout
{
    private CellLayout(int index, string path, string memberPath, ColumnModel column)
    {
        Index = index;
        Path = path;
        MemberPath = memberPath;
        Column = column;
    }

    public int Index { get; }

    /// <summary>The id path, e.g. <c>applications.results.total.naturalPerson</c>.</summary>
    public string Path { get; }

    /// <summary>The C# member path from the report, e.g. <c>Applications.Results.Total.NaturalPerson</c>.</summary>
    public string MemberPath { get; }

    public ColumnModel Column { get; }

    public static IReadOnlyList<CellLayout> Of(TemplateModel template)
    {
        var cells = new List<CellLayout>();
        foreach (var section in template.Sections)
        {
            foreach (var table in section.Tables)
            {
                var path = section.IsSingleTable ? section.Id : section.Id + "." + table.Id;
                var member = section.IsSingleTable
                    ? Naming.Member(section.Id)
                    : Naming.Member(section.Id) + "." + Naming.Member(table.Id);
                AddRows(cells, table, table.Rows, path, member);
            }
        }

        return cells;
    }

    private static void AddRows(List<CellLayout> cells, TableModel table, EquatableArray<RowModel> rows, string path, string member)
    {
        foreach (var row in rows)
        {
            var rowPath = path + "." + row.Id;
            var rowMember = member + "." + Naming.Member(row.Id);
            if (row.IsGroup)
            {
                AddRows(cells, table, row.Children, rowPath, rowMember);
                continue;
            }

            foreach (var column in table.Columns)
                cells.Add(new CellLayout(cells.Count, rowPath + "." + column.Id, rowMember + "." + Naming.Member(column.Id), column));
        }
    }
}
