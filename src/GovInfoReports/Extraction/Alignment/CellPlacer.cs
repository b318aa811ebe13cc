using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>What the numbers after the last label are expected to fill.</summary>
internal enum Expected
{
    /// <summary>Nothing: numbers here are stray.</summary>
    Nothing,

    /// <summary>The cells of a row.</summary>
    Row,

    /// <summary>The cells of a group's sub-rows, whose labels may be missing.</summary>
    Group,

    /// <summary>The cells of a single-row table.</summary>
    SingleRow,

    /// <summary>Nothing known: they follow text that is no label of the template.</summary>
    Unknown,
}

/// <summary>
/// Places the numbers that follow a label into the cells it names: exactly as many numbers as cells, in column order,
/// or none with a finding (never shifted). Holds the numbers read since the last label until the next one.
/// </summary>
internal sealed class CellPlacer
{
    private readonly TemplateVocabulary _vocabulary;
    private readonly CellDescriptor[] _cells;
    private readonly CellSheet _sheet;
    private readonly MatchFindings _findings;
    private readonly TemplatePosition _position;
    private readonly ReportWording _wording;

    private readonly List<int> _numbers = new();  // tokens: values and blanks since the label
    private readonly List<int> _gaps = new();     // tokens: the row's gaps (Token.Gap), until its column count decides
    private readonly List<RowDescriptor> _pending = new();  // rows whose labels came without numbers, each right before the next's
    private int _labelLine;                       // the line the current row's label ends on
    private readonly List<int> _unknown = new();  // tokens: the text that is no label, before the numbers
    private readonly List<int> _strays = new();   // tokens: numbers in a table where none is expected
    private readonly HashSet<TableDescriptor> _foreign = new();
    private readonly Dictionary<(TableDescriptor Table, int Column), AmountUnit> _headerUnits = new();
    private TokenList _tokens = TokenList.Empty;
    private RowDescriptor? _row;
    private TableDescriptor? _table;

    public CellPlacer(TemplateVocabulary vocabulary, CellSheet sheet, MatchFindings findings, TemplatePosition position, ReportWording wording)
    {
        _vocabulary = vocabulary;
        _cells = vocabulary.Cells;
        _sheet = sheet;
        _findings = findings;
        _position = position;
        _wording = wording;
    }

    public Expected Expected { get; private set; }

    /// <summary>Whether a row's numbers are awaited and none has come yet.</summary>
    public bool AwaitsRowNumbers => Expected is Expected.Row or Expected.Group or Expected.SingleRow && _numbers.Count == 0;

    /// <summary>Whether text that is no label came last, with no number after it yet.</summary>
    public bool AfterUnknownText => Expected == Expected.Unknown && _numbers.Count == 0;

    public void Reset(TokenList tokens)
    {
        _tokens = tokens;
        _numbers.Clear();
        _gaps.Clear();
        _pending.Clear();
        _unknown.Clear();
        _strays.Clear();
        _foreign.Clear();
        _headerUnits.Clear();
        Expect(Expected.Nothing, null, null);
    }

    public void Release() => _tokens = TokenList.Empty;

    /// <summary>After a label: the numbers that follow fill <paramref name="row"/> (or the single-row <paramref name="table"/>).</summary>
    public void Expect(Expected expected, RowDescriptor? row, TableDescriptor? table)
    {
        Expected = expected;
        _row = row;
        _table = table;
    }

    /// <summary>
    /// After the label of <paramref name="row"/> (ending on line <paramref name="labelLine"/>): the numbers that follow
    /// fill it. When the previous row's label had no number and this row is the next one in the template (a converter
    /// pulled wrapped labels away from their numbers), the previous row waits: lines of numbers that come after both
    /// labels, one per waiting row, may then be paired with them in order (see <see cref="PairLines"/>).
    /// </summary>
    public void NextRow(RowDescriptor row, int labelLine)
    {
        if (Expected == Expected.Row && !row.IsGroup && _numbers.Count == 0 && _gaps.Count == 0 && _strays.Count == 0 && Follows(_row!, row))
            _pending.Add(_row!);
        else
            Flush();
        Expect(row.IsGroup ? Expected.Group : Expected.Row, row, row.Table);
        _labelLine = labelLine;
    }

    /// <summary>Whether data row <paramref name="next"/> follows <paramref name="row"/> in the template, with as many cells.</summary>
    private bool Follows(RowDescriptor row, RowDescriptor next)
    {
        var cells = _vocabulary.RowCells(row);
        var nextCells = _vocabulary.RowCells(next);
        return row.Table == next.Table && cells.Length == nextCells.Length && nextCells[0] == cells[^1] + 1;
    }

    /// <summary>
    /// A value or blank token; returns whether it is a number of a table of the template. A grid row's implied blanks
    /// (a row without numbers) are kept only for a row that expects them (see <see cref="Flush"/>).
    /// </summary>
    public bool AddNumber(int token, bool implied)
    {
        if (_tokens[token].Gap)
        {
            if (Expected is Expected.Row or Expected.SingleRow)
                _gaps.Add(token);
            return false;
        }

        if (Expected != Expected.Nothing)
            _numbers.Add(token);
        else if (!implied && _position.Table is not null)
            _strays.Add(token);
        return !implied && (_position.Table is not null || Expected is not (Expected.Nothing or Expected.Unknown));
    }

    /// <summary>Text that is no label: the numbers after it (if any) belong to no known row.</summary>
    public void AddUnknownText(int token)
    {
        if (!AfterUnknownText)
        {
            Flush();
            Expected = Expected.Unknown;
        }

        _unknown.Add(token);
    }

    /// <summary>A header of another template over <paramref name="table"/>: its numbers are not read. False when already known.</summary>
    public bool MarkForeign(TableDescriptor table) => _foreign.Add(table);

    /// <summary>A column header's note naming the unit of the column's amounts (<c>收费金额（万元）</c>).</summary>
    public void RecordHeaderUnit(TableDescriptor table, int column, string headerKey)
    {
        if (table.Columns[column].Kind != ValueKind.Amount)
            return;
        int open = headerKey.IndexOf('(');
        if (open < 0)
            return;
        var unit = _wording.UnitInHeaderNote(headerKey.Substring(open));
        if (unit != AmountUnit.Unknown)
            _headerUnits[(table, column)] = unit;
    }

    /// <summary>Places the numbers read since the last label, and forgets them.</summary>
    public void Flush()
    {
        if (_pending.Count > 0 && Expected == Expected.Row && PairLines())
        {
            _numbers.Clear();
            _gaps.Clear();
        }

        _pending.Clear();
        if (_gaps.Count > 0)
        {
            ResolveGaps();
            _gaps.Clear();
        }

        if (_numbers.Count > 0 && AllImplied() && !ImpliedFit())
            _numbers.Clear();
        if (_numbers.Count > 0)
        {
            switch (Expected)
            {
                case Expected.Row:
                    Fit(_vocabulary.RowCells(_row!), _row, null, allowStray: true);
                    break;
                case Expected.Group:
                    FitGroup(_row!);
                    break;
                case Expected.SingleRow:
                    Fit(_vocabulary.TableCells(_table!), null, _table, allowStray: true);
                    break;
                case Expected.Unknown:
                    PlaceAfterUnknownText();
                    break;
            }
        }

        if (_strays.Count > 0)
        {
            _findings.StrayCells(_strays);
            _strays.Clear();
        }

        Expect(Expected.Nothing, null, null);
        _numbers.Clear();
        _unknown.Clear();
    }

    /// <summary>
    /// Takes the row's gaps (<see cref="Token.Gap"/>) as its blank cells where, with its numbers, they fill its columns
    /// exactly, the cells before the line's closing separator being the row's last columns: the empty cells after the
    /// label (on the line of the first number), the numbers, and the empty cells after them (on the line of the last
    /// number) are the row when there are as many as its cells; when there are more, the first of the empty cells after the
    /// label are columns of the merged label. A row of gaps only (a label followed by empty cells, on one line) is read
    /// alike. Otherwise the gaps are no cells, and the numbers alone fill the row or give their finding.
    /// </summary>
    private void ResolveGaps()
    {
        int expected = Expected switch
        {
            Expected.Row => _vocabulary.RowCells(_row!).Length,
            Expected.SingleRow => _vocabulary.TableCells(_table!).Length,
            _ => 0,
        };
        int values = _numbers.Count;
        if (expected == 0 || values == expected)
            return;
        if (values == 0)
        {
            int line = _tokens[_gaps[0]].Line;
            if (_gaps.Count < expected || _tokens[_gaps[^1]].Line != line)
                return;
            _numbers.AddRange(_gaps.GetRange(_gaps.Count - expected, expected));
            return;
        }

        int first = _numbers[0], last = _numbers[^1];
        int firstLine = _tokens[first].Line, lastLine = _tokens[last].Line;
        var leading = _gaps.FindAll(gap => gap < first && _tokens[gap].Line == firstLine);
        var trailing = _gaps.FindAll(gap => gap > last && _tokens[gap].Line == lastLine);
        int drop = leading.Count + values + trailing.Count - expected;
        if (drop < 0 || drop > leading.Count)
            return;
        _numbers.InsertRange(0, leading.GetRange(drop, leading.Count - drop));
        _numbers.AddRange(trailing);
    }

    /// <summary>
    /// The rows waiting (<see cref="NextRow"/>) and the current one, paired in template order with the lines of numbers
    /// after the current label: only when every number stands on a line after that label, and there are exactly as many
    /// lines as rows, each filling a row (its empty cells after its last number counted where they make it fit). When
    /// the numbers stand in lines of several numbers (rows of a table) that do not pair up so, which line is whose cannot
    /// be told: every one of these rows stays missing, with a finding (the last label is not simply given the numbers).
    /// Returns whether the numbers were dealt with; false leaves them to the current row (one number a line, as text
    /// with a cell per line prints them, or numbers on the current label's own line).
    /// </summary>
    private bool PairLines()
    {
        int rows = _pending.Count + 1;
        int cells = _vocabulary.RowCells(_row!).Length;
        if (_numbers.Count == 0 || _tokens[_numbers[0]].Line <= _labelLine)
            return false;
        var lines = new List<List<int>>();
        bool rowLines = true;
        for (int n = 0; n < _numbers.Count;)
        {
            int line = _tokens[_numbers[n]].Line;
            var row = new List<int>(cells);
            while (n < _numbers.Count && _tokens[_numbers[n]].Line == line)
                row.Add(_numbers[n++]);
            int last = row[^1];
            var trailing = _gaps.FindAll(gap => gap > last && _tokens[gap].Line == line);
            if (row.Count + trailing.Count == cells)
                row.AddRange(trailing);
            rowLines &= row.Count >= 2;
            lines.Add(row);
        }

        if (lines.Count != rows || lines.Exists(line => line.Count != cells))
        {
            if (!rowLines)
                return false;
            var all = new List<int>();
            foreach (var row in _pending)
                all.AddRange(_vocabulary.RowCells(row));
            all.AddRange(_vocabulary.RowCells(_row!));
            _findings.RowsApartMismatch(_numbers[0], all.ToArray(), _pending[0], _row!, rows, lines.Count);
            return true;
        }

        _findings.RowsPairedByPosition(_numbers[0], _pending[0], _row!, rows);
        for (int r = 0; r < rows; r++)
        {
            var row = r < _pending.Count ? _pending[r] : _row!;
            _numbers.Clear();
            _numbers.AddRange(lines[r]);
            Fit(_vocabulary.RowCells(row), row, null, allowStray: false);
        }

        return true;
    }

    private bool AllImplied()
    {
        foreach (int t in _numbers)
            if (!_tokens[t].Implied)
                return false;
        return true;
    }

    /// <summary>Whether the empty cells of a grid row without numbers fill exactly the row (or single-row table) expected.</summary>
    private bool ImpliedFit() => Expected switch
    {
        Expected.Row => _numbers.Count == _vocabulary.RowCells(_row!).Length,
        Expected.SingleRow => _numbers.Count == _vocabulary.TableCells(_table!).Length,
        _ => false,
    };

    /// <summary>A group's numbers with no sub-row labels: read in template order when they fill exactly its cells.</summary>
    private void FitGroup(RowDescriptor group)
    {
        var cells = _vocabulary.RowCells(group);
        if (_numbers.Count == cells.Length && !_sheet.AnyFound(cells) && !_foreign.Contains(group.Table))
            _findings.RowsByPosition(_numbers[0], group, cells.Length);
        Fit(cells, group, null, allowStray: false);
    }

    /// <summary>
    /// The numbers after text that is no label: the header fragments of a later single-row table followed by exactly its
    /// numbers (<c>持 正 果 结</c> left of 结果维持 …) are that table; otherwise the numbers are not read.
    /// </summary>
    private void PlaceAfterUnknownText()
    {
        if (FragmentedTable() is { } table)
        {
            _findings.HeaderFromFragments(_unknown, table);
            _position.InTable(table);
            Fit(_vocabulary.TableCells(table), null, table, allowStray: true);
            return;
        }

        if (_position.Table is not null)
            _findings.UnknownRow(_unknown, _numbers.Count);
    }

    /// <summary>The current or a later single-row table, not read yet, whose header the unknown text is fragments of, if the numbers fill it.</summary>
    private TableDescriptor? FragmentedTable()
    {
        var text = new System.Text.StringBuilder();
        foreach (int t in _unknown)
            text.Append(_tokens.Key(t));
        string key = text.ToString();
        var tables = _vocabulary.Template.Tables;
        int current = _position.Table is null ? -1 : _vocabulary.TableIndex(_position.Table);
        // The current table too: a section heading names it, and its header is what the fragments are left of.
        for (int t = Math.Max(current, 0); t < tables.Count && key.Length >= 2; t++)
        {
            var table = tables[t];
            if (table.Layout != TableLayout.SingleRow || _sheet.AnyFound(_vocabulary.TableCells(table)) || !_vocabulary.IsHeaderFragment(table, key))
                continue;
            return _numbers.Count == table.Cells.Count ? table : null;
        }

        return null;
    }

    /// <summary>Places the numbers in <paramref name="cells"/> (those of <paramref name="row"/>, or of the single-row <paramref name="table"/>).</summary>
    private void Fit(int[] cells, RowDescriptor? row, TableDescriptor? table, bool allowStray)
    {
        if (_foreign.Contains(_cells[cells[0]].Table))
            return;
        if (_sheet.AnyFound(cells))
        {
            _findings.DuplicateRow(_numbers[0], row, table, _numbers.Count);
            return;
        }

        int expected = cells.Length;
        bool oneExtra = allowStray && _numbers.Count == expected + 1;
        int duplicate = oneExtra ? DuplicateOf(expected) : -1;
        if (_numbers.Count == expected || (oneExtra && duplicate < 0))
        {
            for (int c = 0; c < expected; c++)
                Assign(cells[c], _numbers[c]);
            if (_numbers.Count > expected)
                _findings.StrayCell(row, table, expected, _numbers[expected]);
        }
        else if (oneExtra)
        {
            _findings.DuplicatedCell(_numbers[0], cells, row, table, _numbers.Count, _numbers[duplicate]);
        }
        else
        {
            _findings.CellCountMismatch(_numbers[0], cells, row, table, _numbers.Count);
        }
    }

    /// <summary>
    /// For a row of one number more than its <paramref name="expected"/> cells: the index of a number printed like the one
    /// before it (a line printed twice) whose removal would read the row otherwise than dropping the last number does,
    /// or -1. Which copy is the extra one cannot be told then, and the cells stay missing: dropping the last would move
    /// every value after the duplicate one column left.
    /// </summary>
    private int DuplicateOf(int expected)
    {
        for (int i = 1; i <= expected; i++)
        {
            if (!_tokens.PrintedAlike(_numbers[i - 1], _numbers[i]))
                continue;
            // Both readings agree only when every number from the duplicate to the end is printed alike (0 0 0).
            for (int j = i + 1; j <= expected; j++)
                if (!_tokens.PrintedAlike(_numbers[j - 1], _numbers[j]))
                    return i;
            return -1;
        }

        return -1;
    }

    private void Assign(int cell, int token)
    {
        ref readonly var printed = ref _tokens[token];
        if (printed.Kind == TokenKind.Blank)
            _sheet.SetBlank(cell, in printed);
        else if (printed.Kind == TokenKind.Unparseable)
            _findings.UnparseableCell(token, cell);
        else if (_cells[cell].Kind is ValueKind.Count or ValueKind.SignedCount)
            AssignCount(cell, token, in printed);
        else
            AssignAmount(cell, token, in printed);
    }

    private void AssignCount(int cell, int token, in Token printed)
    {
        bool signed = _cells[cell].Kind == ValueKind.SignedCount;
        if (!printed.FitsInt32 || (printed.Negative && !signed) || printed.Unit is ValueUnit.Yuan or ValueUnit.TenThousandYuan)
        {
            _findings.NotACount(token, cell, signed);
            return;
        }

        SetReported(cell, token, in printed, CellValue.FromInt32(printed.Int32));
    }

    private void AssignAmount(int cell, int token, in Token printed)
    {
        if (printed.Negative)
        {
            _findings.NegativeAmount(token, cell);
            return;
        }

        var descriptor = _cells[cell];
        var unit = printed.Unit switch
        {
            ValueUnit.Yuan => AmountUnit.Yuan,
            ValueUnit.TenThousandYuan => AmountUnit.TenThousandYuan,
            _ => _headerUnits.TryGetValue((descriptor.Table, ColumnIndex(descriptor)), out var headerUnit) ? headerUnit : AmountUnit.Unknown,
        };
        decimal number = _tokens.Number(in printed);
        var target = descriptor.Column.AmountUnit;
        CellValue value;
        if (target != AmountUnit.Unknown)
        {
            value = CellValue.FromAmount(unit == AmountUnit.Unknown ? number : new Amount(number, unit).ConvertTo(target)!.Value, target);
        }
        else
        {
            value = CellValue.FromAmount(number, unit);
            if (unit == AmountUnit.Unknown)
                _findings.AmountUnitUnknown(token, cell);
        }

        SetReported(cell, token, in printed, value);
    }

    /// <summary>A cell read, with the note printed with it (kept, with a finding).</summary>
    private void SetReported(int cell, int token, in Token printed, CellValue value)
    {
        _sheet.SetReported(cell, value, in printed);
        if (_tokens.Note(in printed) is { } note)
        {
            _sheet.SetNote(cell, note);
            _findings.AnnotatedCell(token, cell, value, note);
        }
    }

    private static int ColumnIndex(CellDescriptor cell)
    {
        var columns = cell.Table.Columns;
        for (int i = 0; i < columns.Count; i++)
            if (columns[i] == cell.Column)
                return i;
        return -1;
    }
}
