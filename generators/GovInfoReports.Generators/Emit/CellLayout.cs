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
    private CellLayout(int index, string path, string memberPath, ColumnModel column, string rowName, int columnIndex)
    {
        Index = index;
        Path = path;
        MemberPath = memberPath;
        Column = column;
        RowName = rowName;
        ColumnIndex = columnIndex;
    }

    public int Index { get; }

    /// <summary>
    /// The C# constant that holds the index of the first cell of this cell's data row (<c>Row_applications_newlyReceived</c>):
    /// generated code writes a cell's index as <c>RowName + ColumnIndex</c>, so that a row added to a template changes
    /// the lines of that row, not the numbers of every cell after it.
    /// </summary>
    public string RowName { get; }

    /// <summary>The cell's column position in its table.</summary>
    public int ColumnIndex { get; }

    /// <summary>The cell's index as generated code writes it: its row's constant plus its column position.</summary>
    public string IndexExpression => RowName + " + " + ColumnIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id path, e.g. <c>applications.results.total.naturalPerson</c>.</summary>
    public string Path { get; }

    /// <summary>The C# member path from the report, e.g. <c>Applications.Results.Total.NaturalPerson</c>.</summary>
    public string MemberPath { get; }

    public ColumnModel Column { get; }

    /// <summary>
    /// The row constants: each data row's first cell index, the first 0 and each other defined from the row before
    /// (<c>Row_b = Row_a + 3</c>), with the id path of the row for a comment.
    /// </summary>
    public static IEnumerable<string> RowConstants(IReadOnlyList<CellLayout> cells)
    {
        CellLayout? previousRow = null;
        int previousCount = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0 && cells[i].RowName == cells[i - 1].RowName)
                continue;
            int count = 1;
            while (i + count < cells.Count && cells[i + count].RowName == cells[i].RowName)
                count++;
            var value = previousRow is null ? "0" : previousRow.RowName + " + " + previousCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "private const int " + cells[i].RowName + " = " + value + ";";
            previousRow = cells[i];
            previousCount = count;
        }
    }

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

            int column = 0;
            while (!ReferenceEquals(cell.Table.Columns[column], cell.Column))
                column++;
            cells.Add(new CellLayout(cells.Count, path + "." + cell.Column.Id, member + "." + Naming.Member(cell.Column.Id), cell.Column, "Row_" + path.Replace('.', '_'), column));
        }

        return cells;
    }
}
