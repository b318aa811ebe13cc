using System;
using System.Collections.Generic;
using System.Linq;

namespace GovInfoReports.Documents;

/// <summary>
/// Rebuilds a table's grid from its rows of cells the way browsers do (the HTML table model): each cell takes the
/// first grid position of its row not covered by a cell from a row above, and covers <c>rowspan</c> × <c>colspan</c>
/// positions. Word's vertical merges (<c>vMerge</c>) extend the cell above by one row.
/// </summary>
internal sealed class TableBuilder
{
    /// <summary>The largest colspan HTML allows.</summary>
    public const int MaxColumnSpan = 1000;

    /// <summary>The largest rowspan HTML allows.</summary>
    public const int MaxRowSpan = 65534;

    private readonly List<Cell> _cells = new();
    private readonly List<Cell?> _owner = new();        // per grid column: the last cell placed over it
    private readonly List<int> _coveredUntil = new();   // per grid column: the last row that cell covers
    private readonly long _maxCells;
    private int _row = -1;
    private int _column;

    public TableBuilder(long maxCells) => _maxCells = maxCells;

    public int RowCount => _row + 1;

    public int ColumnCount => _owner.Count;

    /// <summary>Whether the grid would grow beyond the cell limit (further cells are dropped).</summary>
    public bool Overflow { get; private set; }

    private sealed class Cell
    {
        public int Row;
        public int Column;
        public int RowSpan;
        public int ColumnSpan;
        public string Text = "";
        public PageBox? Box;

        /// <summary>The texts of the rows a vertical merge continued it over, joined once in <see cref="Build"/> (joining at every row was quadratic).</summary>
        public List<string>? Continued;

        public string FullText => Continued is null ? Text : string.Join(" ", Continued.Prepend(Text).Where(t => t.Length > 0));
    }

    public void StartRow()
    {
        _row++;
        _column = 0;
        if ((long)RowCount * Math.Max(1, ColumnCount) > _maxCells)
            Overflow = true;
    }

    /// <summary>Leaves <paramref name="count"/> grid columns of the row empty (Word's <c>gridBefore</c>).</summary>
    public void Skip(int count)
    {
        for (int i = 0; i < count && !Overflow; i++)
        {
            SkipCovered();
            Grow(_column + 1);
            _column++;
        }
    }

    /// <summary>Adds a cell at the row's next free grid position.</summary>
    /// <param name="text">The cell's text (collapsed).</param>
    /// <param name="columnSpan">Its colspan or gridSpan (clamped to 1…1000).</param>
    /// <param name="rowSpan">Its rowspan (clamped to 1…65534; 0, "to the end of the table", counts as the largest).</param>
    public void Add(string text, int columnSpan, int rowSpan)
    {
        if (_row < 0)
            StartRow();
        columnSpan = Math.Clamp(columnSpan, 1, MaxColumnSpan);
        rowSpan = rowSpan == 0 ? MaxRowSpan : Math.Clamp(rowSpan, 1, MaxRowSpan);
        SkipCovered();
        if (Overflow || (long)RowCount * (_column + columnSpan) > _maxCells)
        {
            Overflow = true;
            return;
        }

        var cell = new Cell { Row = _row, Column = _column, RowSpan = rowSpan, ColumnSpan = columnSpan, Text = text };
        _cells.Add(cell);
        Grow(_column + columnSpan);
        for (int c = _column; c < _column + columnSpan; c++)
        {
            _owner[c] = cell;
            _coveredUntil[c] = _row + rowSpan - 1;
        }

        _column += columnSpan;
    }

    /// <summary>
    /// A cell at a known column of the current row (a PDF grid gives positions, not an order): columns before it that
    /// no cell covers stay empty.
    /// </summary>
    public void AddAt(int column, string text, int columnSpan, int rowSpan, PageBox? box)
    {
        if (_row < 0)
            StartRow();
        SkipCovered();
        if (column > _column)
            Skip(column - _column);
        Add(text, columnSpan, rowSpan);
        if (_cells.Count > 0 && _cells[^1].Row == _row && _cells[^1].Text == text)
            _cells[^1].Box = box;
    }

    /// <summary>
    /// A Word cell that continues the vertical merge above it: the cell above at this grid position, if it ends on
    /// the row above and has the same width, grows by one row; otherwise this is an ordinary cell.
    /// </summary>
    public void Continue(string text, int columnSpan)
    {
        if (_row < 0)
            StartRow();
        columnSpan = Math.Clamp(columnSpan, 1, MaxColumnSpan);
        SkipCovered();
        var above = _column < _owner.Count ? _owner[_column] : null;
        if (Overflow || above is null || above.Column != _column || above.ColumnSpan != columnSpan || above.Row + above.RowSpan != _row)
        {
            Add(text, columnSpan, 1);
            return;
        }

        above.RowSpan++;
        if (text.Length > 0)
            (above.Continued ??= new List<string>()).Add(text);
        for (int c = _column; c < _column + columnSpan; c++)
            _coveredUntil[c] = _row;
        _column += columnSpan;
    }

    public DocumentTable Build(int line)
    {
        var cells = new List<DocumentCell>(_cells.Count);
        foreach (var cell in _cells)
            cells.Add(new DocumentCell(cell.Row, cell.Column, Math.Min(cell.RowSpan, RowCount - cell.Row), cell.ColumnSpan, cell.FullText) { Box = cell.Box });
        return new DocumentTable(line, RowCount, ColumnCount, cells);
    }

    private void SkipCovered()
    {
        while (_column < _coveredUntil.Count && _owner[_column] is not null && _coveredUntil[_column] >= _row)
            _column++;
    }

    private void Grow(int columns)
    {
        while (_owner.Count < columns)
        {
            _owner.Add(null);
            _coveredUntil.Add(-1);
        }
    }
}
