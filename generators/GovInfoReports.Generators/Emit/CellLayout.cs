using System.Collections.Generic;
using GovInfoReports.Generators.Model;
using GovInfoReports.Shared;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// One value cell and where it lives in the generated record, numbered in <see cref="CellOrder"/>'s order — the
/// definition the runtime's <c>ReportTemplate.Cells</c> is built from too, so a cell index means the same on both sides.
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

    /// <summary>The template's value cells in index order (<see cref="CellOrder"/>, shared with the runtime).</summary>
    public static IReadOnlyList<CellLayout> Of(TemplateModel template)
    {
        var cells = new List<CellLayout>();
        foreach (var cell in CellOrder.Cells(template.Sections, static s => s.Tables, static t => t.Rows, static r => r.Children, static t => t.Columns))
        {
            var section = cell.Section;
            var path = section.IsSingleTable ? section.Id : section.Id + "." + cell.Table.Id;
            var member = section.IsSingleTable ? Naming.Member(section.Id) : Naming.Member(section.Id) + "." + Naming.Member(cell.Table.Id);
            foreach (var row in cell.RowPath)
            {
                path += "." + row.Id;
                member += "." + Naming.Member(row.Id);
            }

            cells.Add(new CellLayout(cells.Count, path + "." + cell.Column.Id, member + "." + Naming.Member(cell.Column.Id), cell.Column));
        }

        return cells;
    }
}
