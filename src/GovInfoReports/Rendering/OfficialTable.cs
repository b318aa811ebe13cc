using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Rendering;

/// <summary>The role of a cell of an official table.</summary>
public enum OfficialCellKind
{
    /// <summary>A header: the top-left note or row header, a column header, a column group, a columns caption.</summary>
    Header,

    /// <summary>A row label (a group row's label spans its rows).</summary>
    Label,

    /// <summary>A value cell of the template.</summary>
    Value,
}

/// <summary>A cell of an <see cref="OfficialTable"/>.</summary>
/// <param name="Row">The 0-based grid row of its top-left position.</param>
/// <param name="Column">The 0-based grid column of its top-left position.</param>
/// <param name="RowSpan">The grid rows it covers.</param>
/// <param name="ColumnSpan">The grid columns it covers.</param>
/// <param name="Kind">Header, row label or value.</param>
/// <param name="Text">The header or label text; empty for a value cell.</param>
/// <param name="Cell">The template cell of a value cell; <see langword="null"/> otherwise.</param>
public sealed record OfficialCell(int Row, int Column, int RowSpan, int ColumnSpan, OfficialCellKind Kind, string Text, CellDescriptor? Cell);

/// <summary>
/// The grid of a template table as the official format prints it, computed from the descriptor alone: header rows
/// (a columns caption over all value columns, column groups over their columns), label columns as deep as the row
/// hierarchy (a group row's label spans its rows, a data row's label spans the label columns left of it), and
/// one value cell per template cell. A single-row table (行政复议/行政诉讼) prints its rows as header groups over one
/// row of values.
/// </summary>
public sealed class OfficialTable
{
    private OfficialTable(TableDescriptor table, int rows, int columns, IReadOnlyList<OfficialCell> cells, int headerRows)
    {
        Table = table;
        RowCount = rows;
        ColumnCount = columns;
        Cells = cells;
        HeaderRows = headerRows;
    }

    /// <summary>The template table.</summary>
    public TableDescriptor Table { get; }

    /// <summary>The number of grid rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of grid columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The number of header rows at the top.</summary>
    public int HeaderRows { get; }

    /// <summary>The cells, row by row, each at its top-left position.</summary>
    public IReadOnlyList<OfficialCell> Cells { get; }

    /// <summary>Lays out <paramref name="table"/>.</summary>
    /// <param name="table">A template table.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static OfficialTable For(TableDescriptor table)
    {
        if (table is null)
            throw new ArgumentNullException(nameof(table));
        return table.Layout == TableLayout.SingleRow ? SingleRow(table) : Grid(table);
    }

    private static OfficialTable Grid(TableDescriptor table)
    {
        var cells = new List<OfficialCell>();
        int labelColumns = 1;
        foreach (var row in table.DataRows)
            labelColumns = Math.Max(labelColumns, row.Depth + 1);
        bool grouped = false;
        foreach (var column in table.Columns)
            grouped |= column.Group is not null;
        int top = table.ColumnsCaption is null ? 0 : 1;
        int headerRows = top + (grouped ? 2 : 1);
        int columns = labelColumns + table.Columns.Count;

        string corner = table.Note ?? table.RowHeader ?? "";
        if (table.Note is not null && table.RowHeader is not null)
            corner = table.RowHeader + " " + table.Note;
        cells.Add(new OfficialCell(0, 0, headerRows, labelColumns, OfficialCellKind.Header, corner, null));
        if (table.ColumnsCaption is not null)
            cells.Add(new OfficialCell(0, labelColumns, 1, table.Columns.Count, OfficialCellKind.Header, table.ColumnsCaption, null));
        for (int c = 0; c < table.Columns.Count;)
        {
            var column = table.Columns[c];
            if (column.Group is null)
            {
                cells.Add(new OfficialCell(top, labelColumns + c, grouped ? 2 : 1, 1, OfficialCellKind.Header, column.Label, null));
                c++;
                continue;
            }

            int end = c;
            while (end < table.Columns.Count && table.Columns[end].Group == column.Group)
                end++;
            cells.Add(new OfficialCell(top, labelColumns + c, 1, end - c, OfficialCellKind.Header, column.Group, null));
            for (int g = c; g < end; g++)
                cells.Add(new OfficialCell(top + 1, labelColumns + g, 1, 1, OfficialCellKind.Header, table.Columns[g].Label, null));
            c = end;
        }

        var rowCells = RowCells(table);
        int gridRow = headerRows;
        AddRows(table.Rows, ref gridRow, labelColumns, rowCells, cells);
        return new OfficialTable(table, gridRow, columns, Sorted(cells), headerRows);
    }

    private static void AddRows(IReadOnlyList<RowDescriptor> rows, ref int gridRow, int labelColumns, Dictionary<RowDescriptor, List<CellDescriptor>> rowCells, List<OfficialCell> cells)
    {
        foreach (var row in rows)
        {
            if (row.IsGroup)
            {
                cells.Add(new OfficialCell(gridRow, row.Depth, Leaves(row), 1, OfficialCellKind.Label, row.FullLabel, null));
                AddRows(row.Children, ref gridRow, labelColumns, rowCells, cells);
                continue;
            }

            cells.Add(new OfficialCell(gridRow, row.Depth, 1, labelColumns - row.Depth, OfficialCellKind.Label, row.FullLabel, null));
            var values = rowCells[row];
            for (int c = 0; c < values.Count; c++)
                cells.Add(new OfficialCell(gridRow, labelColumns + c, 1, 1, OfficialCellKind.Value, "", values[c]));
            gridRow++;
        }
    }

    private static OfficialTable SingleRow(TableDescriptor table)
    {
        var cells = new List<OfficialCell>();
        int width = table.Columns.Count;
        bool grouped = false;
        foreach (var row in table.Rows)
            grouped |= row.IsGroup;
        int headerRows = grouped ? 3 : 2;
        int column = 0;
        foreach (var row in table.Rows)
        {
            if (!row.IsGroup)
            {
                cells.Add(new OfficialCell(0, column, 1, width, OfficialCellKind.Header, row.FullLabel, null));
                for (int c = 0; c < width; c++)
                    cells.Add(new OfficialCell(1, column + c, headerRows - 1, 1, OfficialCellKind.Header, table.Columns[c].Label, null));
                column += width;
                continue;
            }

            cells.Add(new OfficialCell(0, column, 1, width * row.Children.Count, OfficialCellKind.Header, row.FullLabel, null));
            foreach (var child in row.Children)
            {
                cells.Add(new OfficialCell(1, column, 1, width, OfficialCellKind.Header, child.FullLabel, null));
                for (int c = 0; c < width; c++)
                    cells.Add(new OfficialCell(2, column + c, 1, 1, OfficialCellKind.Header, table.Columns[c].Label, null));
                column += width;
            }
        }

        for (int c = 0; c < table.Cells.Count; c++)
            cells.Add(new OfficialCell(headerRows, c, 1, 1, OfficialCellKind.Value, "", table.Cells[c]));
        return new OfficialTable(table, headerRows + 1, column, Sorted(cells), headerRows);
    }

    private static Dictionary<RowDescriptor, List<CellDescriptor>> RowCells(TableDescriptor table)
    {
        var result = new Dictionary<RowDescriptor, List<CellDescriptor>>();
        foreach (var cell in table.Cells)
        {
            if (!result.TryGetValue(cell.Row, out var list))
                result[cell.Row] = list = new List<CellDescriptor>();
            list.Add(cell);
        }

        return result;
    }

    private static int Leaves(RowDescriptor row)
    {
        if (!row.IsGroup)
            return 1;
        int count = 0;
        foreach (var child in row.Children)
            count += Leaves(child);
        return count;
    }

    private static IReadOnlyList<OfficialCell> Sorted(List<OfficialCell> cells)
    {
        cells.Sort(static (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return cells;
    }
}
