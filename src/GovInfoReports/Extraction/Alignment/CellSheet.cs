using System;

namespace GovInfoReports.Extraction;

/// <summary>
/// The cells of one template as a read fills them: per cell its value, status, where it was read, its note, and
/// whether a finding already explains why it is missing; per table the cells found. The alignment stage writes it,
/// the result is made from it (<see cref="Take"/>).
/// </summary>
internal sealed class CellSheet
{
    private readonly int[] _tableOfCell;
    private readonly int[] _tableReported;
    private readonly int[] _tableBlank;
    private bool _taken;

    public CellSheet(TemplateVocabulary vocabulary)
    {
        int count = vocabulary.Cells.Length;
        _tableOfCell = vocabulary.TableOfCell;
        Values = new CellValue[count];
        Statuses = NewStatuses(count);
        Sources = new CellSource[count];
        Covered = new bool[count];
        _tableReported = new int[vocabulary.Template.Tables.Count];
        _tableBlank = new int[vocabulary.Template.Tables.Count];
    }

    public CellValue[] Values { get; private set; }

    /// <summary>Per cell: reported, blank, or missing (not found, or not readable).</summary>
    public CellStatus[] Statuses { get; private set; }

    /// <summary>Per cell: where it was read (a default source when it was not).</summary>
    public CellSource[] Sources { get; private set; }

    /// <summary>Per cell: the note printed with it; null when no cell has one.</summary>
    public string?[]? Notes { get; private set; }

    /// <summary>Per cell: whether a finding already explains why it is missing.</summary>
    public bool[] Covered { get; }

    /// <summary>Cells found (reported or blank).</summary>
    public int Found { get; private set; }

    /// <summary>Tables of the template with at least one cell found.</summary>
    public int TablesFound { get; private set; }

    /// <summary>Empties the sheet for a new read (new arrays when the last read's were taken by its result).</summary>
    public void Reset()
    {
        if (_taken)
        {
            Values = new CellValue[Values.Length];
            Statuses = NewStatuses(Values.Length);
            Sources = new CellSource[Values.Length];
            _taken = false;
        }
        else
        {
            Array.Clear(Values, 0, Values.Length);
            Statuses.AsSpan().Fill(CellStatus.Missing);
            Array.Clear(Sources, 0, Sources.Length);
        }

        Notes = null;
        Array.Clear(Covered, 0, Covered.Length);
        Array.Clear(_tableReported, 0, _tableReported.Length);
        Array.Clear(_tableBlank, 0, _tableBlank.Length);
        Found = 0;
        TablesFound = 0;
    }

    /// <summary>The cells read, to keep beyond the read (the result holds them): the sheet makes new arrays for its next read.</summary>
    public (CellValue[] Values, CellStatus[] Statuses, CellSource[] Sources, string?[]? Notes) Take()
    {
        _taken = true;
        return (Values, Statuses, Sources, Notes);
    }

    public bool IsMissing(int cell) => Statuses[cell] == CellStatus.Missing;

    /// <summary>Whether any of <paramref name="cells"/> was found.</summary>
    public bool AnyFound(int[] cells)
    {
        foreach (int cell in cells)
            if (Statuses[cell] != CellStatus.Missing)
                return true;
        return false;
    }

    public void SetReported(int cell, CellValue value, in Token token)
    {
        Values[cell] = value;
        Statuses[cell] = CellStatus.Reported;
        Sources[cell] = new CellSource(token.Position, token.Start, token.Length);
        CountFound(cell, blank: false);
    }

    public void SetBlank(int cell, in Token token)
    {
        Statuses[cell] = CellStatus.Blank;
        Sources[cell] = new CellSource(token.Position, token.Start, token.Length);
        CountFound(cell, blank: true);
    }

    public void SetNote(int cell, string note)
    {
        Notes ??= new string?[Values.Length];
        Notes[cell] = note;
    }

    /// <summary>Cells of table <paramref name="table"/> (template index) found reported.</summary>
    public int TableReported(int table) => _tableReported[table];

    /// <summary>Cells of table <paramref name="table"/> (template index) found blank.</summary>
    public int TableBlank(int table) => _tableBlank[table];

    private void CountFound(int cell, bool blank)
    {
        Found++;
        int table = _tableOfCell[cell];
        if (_tableReported[table] == 0 && _tableBlank[table] == 0)
            TablesFound++;
        if (blank)
            _tableBlank[table]++;
        else
            _tableReported[table]++;
    }

    private static CellStatus[] NewStatuses(int count)
    {
        var statuses = new CellStatus[count];
        statuses.AsSpan().Fill(CellStatus.Missing);
        return statuses;
    }
}
