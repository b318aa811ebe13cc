using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>Where one cell was read: its position, printed text and note.</summary>
internal readonly struct CellSource
{
    public CellSource(SourcePosition position, ReadOnlyMemory<char> text, string? note)
    {
        Position = position;
        Text = text;
        Note = note;
        Found = true;
    }

    public bool Found { get; }

    public SourcePosition Position { get; }

    public ReadOnlyMemory<char> Text { get; }

    public string? Note { get; }
}

/// <summary>
/// The cells of a read as the columns the matcher produced (values, statuses, sources), each
/// <see cref="ExtractedCell"/> made when first asked for and then kept. Most uses of a read (validation,
/// export, the command line) look at statuses and positions only, and 300 cell objects per read were the
/// largest part of what extraction allocated.
/// </summary>
internal sealed class ExtractedCellList : IReadOnlyList<ExtractedCell>
{
    private readonly IReadOnlyList<CellDescriptor> _descriptors;
    private readonly CellValue[]? _values;
    private readonly CellStatus[] _statuses;
    private readonly CellSource[]? _sources;
    private readonly ExtractedCell?[] _cells;

    /// <summary>Cells with values; a cell whose source is not found is missing, whatever its status says.</summary>
    public ExtractedCellList(IReadOnlyList<CellDescriptor> descriptors, CellValue[]? values, CellStatus[] statuses, CellSource[]? sources)
    {
        _descriptors = descriptors;
        _values = values;
        _statuses = statuses;
        _sources = sources;
        _cells = new ExtractedCell?[descriptors.Count];
    }

    /// <summary>Every cell of <paramref name="template"/> missing; no cells without a template.</summary>
    public static ExtractedCellList AllMissing(ReportTemplate? template)
    {
        if (template is null)
            return new ExtractedCellList(Array.Empty<CellDescriptor>(), null, Array.Empty<CellStatus>(), null);
        var statuses = new CellStatus[template.Cells.Count];
        Array.Fill(statuses, CellStatus.Missing);
        return new ExtractedCellList(template.Cells, null, statuses, null);
    }

    public int Count => _cells.Length;

    /// <summary>The status of every cell, in template order.</summary>
    public CellStatus[] Statuses => _statuses;

    public ExtractedCell this[int index]
    {
        get
        {
            var cell = _cells[index];
            if (cell is not null)
                return cell;
            // Two threads may make one at once: the first kept is the one every caller sees.
            Interlocked.CompareExchange(ref _cells[index], Create(index), null);
            return _cells[index]!;
        }
    }

    /// <summary>The position of cell <paramref name="index"/>, without making its cell object.</summary>
    public SourcePosition? PositionOf(int index) =>
        _sources is not null && _sources[index].Found ? _sources[index].Position : null;

    public IEnumerator<ExtractedCell> GetEnumerator()
    {
        for (int i = 0; i < _cells.Length; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ExtractedCell Create(int index)
    {
        var descriptor = _descriptors[index];
        if (_sources is null || !_sources[index].Found || _values is null)
            return new ExtractedCell(descriptor, CellValue.Blank, CellStatus.Missing, null, null, null);
        var source = _sources[index];
        return new ExtractedCell(descriptor, _values[index], _statuses[index], source.Position, source.Text, source.Note);
    }
}
