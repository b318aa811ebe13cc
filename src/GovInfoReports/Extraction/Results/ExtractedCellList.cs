using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>Where one cell was read: its position and the span of its printed text in the read's text.</summary>
/// <remarks>
/// No reference (the cell list holds the text once, and the rare notes apart): 16 bytes a cell, written without the
/// garbage collector's bookkeeping.
/// </remarks>
internal readonly struct CellSource
{
    public CellSource(SourcePosition position, int start, int length)
    {
        Position = position;
        Start = start;
        Length = length;
    }

    /// <summary>Whether the cell was read (positions are 1-based: a default source has line 0).</summary>
    public bool Found => Position.Line > 0;

    public SourcePosition Position { get; }

    public int Start { get; }

    public int Length { get; }
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
    private readonly string?[]? _notes; // per cell, when any cell has a note
    private readonly string _text;
    private ExtractedCell?[]? _cells; // made when a cell is first asked for
    private GovInfoReports.Documents.PageBox?[]? _boxes; // per cell, for a PDF input

    /// <summary>Cells with values; a cell whose source is not found is missing, whatever its status says.</summary>
    /// <param name="descriptors">The template's cells.</param>
    /// <param name="values">The value of each cell.</param>
    /// <param name="statuses">The status of each cell.</param>
    /// <param name="sources">Where each cell was read, as spans of <paramref name="text"/>.</param>
    /// <param name="notes">The note printed with each cell, or null when no cell has one.</param>
    /// <param name="text">The text the cells were read from.</param>
    public ExtractedCellList(IReadOnlyList<CellDescriptor> descriptors, CellValue[]? values, CellStatus[] statuses, CellSource[]? sources, string?[]? notes, string text)
    {
        _descriptors = descriptors;
        _values = values;
        _statuses = statuses;
        _sources = sources;
        _notes = notes;
        _text = text;
    }

    /// <summary>Every cell of <paramref name="template"/> missing; no cells without a template.</summary>
    public static ExtractedCellList AllMissing(ReportTemplate? template)
    {
        if (template is null)
            return new ExtractedCellList(Array.Empty<CellDescriptor>(), null, Array.Empty<CellStatus>(), null, null, "");
        var statuses = new CellStatus[template.Cells.Count];
        Array.Fill(statuses, CellStatus.Missing);
        return new ExtractedCellList(template.Cells, null, statuses, null, null, "");
    }

    public int Count => _descriptors.Count;

    /// <summary>The status of every cell, in template order.</summary>
    public CellStatus[] Statuses => _statuses;

    public ExtractedCell this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_descriptors.Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            // Two threads may make the array or a cell at once: the first kept is the one every caller sees.
            if (_cells is null)
                Interlocked.CompareExchange(ref _cells, new ExtractedCell?[_descriptors.Count], null);
            var cells = _cells!;
            var cell = cells[index];
            if (cell is not null)
                return cell;
            Interlocked.CompareExchange(ref cells[index], Create(index), null);
            return cells[index]!;
        }
    }

    /// <summary>Gives each cell its page and box (a PDF input); set once, before any cell object is made.</summary>
    public void SetBoxes(GovInfoReports.Documents.PageBox?[] boxes) => _boxes = boxes;

    /// <summary>The page and box of cell <paramref name="index"/>, without making its cell object.</summary>
    public GovInfoReports.Documents.PageBox? BoxOf(int index) => _boxes?[index];

    /// <summary>The position of cell <paramref name="index"/>, without making its cell object.</summary>
    public SourcePosition? PositionOf(int index) =>
        _sources is not null && _sources[index].Found ? _sources[index].Position : null;

    public IEnumerator<ExtractedCell> GetEnumerator()
    {
        for (int i = 0; i < _descriptors.Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ExtractedCell Create(int index)
    {
        var descriptor = _descriptors[index];
        if (_sources is null || !_sources[index].Found || _values is null)
            return new ExtractedCell(descriptor, CellValue.Blank, CellStatus.Missing, null, null, null);
        var source = _sources[index];
        return new ExtractedCell(descriptor, _values[index], _statuses[index], source.Position, _text.AsMemory(source.Start, source.Length), _notes?[index])
        {
            Box = _boxes?[index],
        };
    }
}
