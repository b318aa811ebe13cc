using System;
using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>One template cell as extracted: its value, status and where it came from.</summary>
public sealed class ExtractedCell
{
    // The printed text is kept as a slice of the report text and made a string only when asked for: most uses
    // (validation, export, the command line) never read it.
    private readonly ReadOnlyMemory<char> _source;
    private readonly bool _hasSource;
    private string? _sourceText;

    internal ExtractedCell(CellDescriptor cell, CellValue value, CellStatus status, SourcePosition? position, ReadOnlyMemory<char>? source, string? note)
    {
        Cell = cell;
        Value = value;
        Status = status;
        Position = position;
        _hasSource = source.HasValue;
        _source = source.GetValueOrDefault();
        Note = note;
    }

    /// <summary>The template cell.</summary>
    public CellDescriptor Cell { get; }

    /// <summary>The value (blank unless <see cref="Status"/> is <see cref="CellStatus.Reported"/>).</summary>
    public CellValue Value { get; }

    /// <summary>Reported, blank (printed empty or as a dash) or missing (not in the text, or not placeable).</summary>
    public CellStatus Status { get; }

    /// <summary>Where the value (or the blank cell) is in the input; <see langword="null"/> for missing cells.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The cell's text as printed (e.g. <c>258463.87元</c>, <c>+98</c>, <c>—</c>).</summary>
    public string? SourceText => _hasSource ? _sourceText ??= _source.ToString() : null;

    /// <summary>A note printed with the number, e.g. <c>其中修订16件</c> from <c>22（其中修订16件）</c>.</summary>
    public string? Note { get; }

    /// <summary>
    /// Where the value stands on the page, for a report read from a PDF: the page (from 1) and the box of its table cell
    /// (or line of text), in points from the page's top left; <see langword="null"/> for other inputs, whose
    /// <see cref="Position"/> is a line and column.
    /// </summary>
    public GovInfoReports.Documents.PageBox? Box { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        Cell.Path + "=" + (Status == CellStatus.Reported ? Value.ToString() : Status.ToText()) + (Position is { } p ? " @" + p : "");
}

/// <summary>How much of one template section was extracted.</summary>
public sealed class SectionExtraction
{
    internal SectionExtraction(SectionDescriptor section, int reported, int blank, int missing)
    {
        Section = section;
        Reported = reported;
        Blank = blank;
        Missing = missing;
    }

    /// <summary>The template section.</summary>
    public SectionDescriptor Section { get; }

    /// <summary>Cells read with a value.</summary>
    public int Reported { get; }

    /// <summary>Cells printed empty.</summary>
    public int Blank { get; }

    /// <summary>Cells not found or not placeable.</summary>
    public int Missing { get; }

    /// <summary>Whether every cell of the section was found (reported or blank).</summary>
    public bool IsComplete => Missing == 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Section.Id}: {Reported} reported, {Blank} blank, {Missing} missing";
}

/// <summary>The result of <see cref="ReportReader.Read(string, ReadOptions?)"/>.</summary>
public sealed class ReadResult
{
    private readonly CellStatus[] _statuses;
    private readonly ExtractedCellList _cells;
    private PositionList? _positions;

    internal ReadResult(ReportTemplate? template, IReport? report, int? year, string? agency,
        ExtractedCellList cells, IReadOnlyList<SectionExtraction> sections, IReadOnlyList<ExtractionFinding> findings,
        IReadOnlyList<NarrativeStatement>? narrative = null, IReadOnlyList<PartLocation>? parts = null, FeeStatement? fee = null)
    {
        Fee = fee;
        Narrative = narrative ?? Array.Empty<NarrativeStatement>();
        Parts = parts ?? Array.Empty<PartLocation>();
        Template = template;
        Report = report;
        Year = year;
        Agency = agency;
        _cells = cells;
        Sections = sections;
        Findings = findings;
        _statuses = cells.Statuses;
    }

    /// <summary>
    /// What the prose around the tables states of the template's narrative facts (<see cref="ReportTemplate.Narrative"/>):
    /// <c>收到政府信息公开申请17件</c> with the number and where it stands. <see cref="CheckNarrative"/> compares them with the tables.
    /// </summary>
    public IReadOnlyList<NarrativeStatement> Narrative { get; }

    /// <summary>
    /// The statements of the prose that disagree with the tables: a finding (the fact's id and severity, a warning unless
    /// the template says info) with both numbers and both places. A statement whose cells were not all read is not
    /// compared (nothing is known to disagree).
    /// </summary>
    /// <param name="options">The message language (the other options do not apply).</param>
    public IReadOnlyList<NarrativeFinding> CheckNarrative(ValidationOptions? options = null)
    {
        if (Report is null || Narrative.Count == 0)
            return Array.Empty<NarrativeFinding>();
        bool english = (options ?? ValidationOptions.Default).Language == MessageLanguage.English;
        var findings = new List<NarrativeFinding>();
        foreach (var statement in Narrative)
        {
            var cells = new List<CellDescriptor>(statement.Fact.Cells.Count);
            decimal sum = 0;
            bool known = true;
            foreach (var path in statement.Fact.Cells)
            {
                var cell = Report.Template.FindCell(path);
                if (cell is null || _statuses[cell.Index] != CellStatus.Reported || Report.GetCell(cell.Index).Number is not { } value)
                {
                    known = false;
                    break;
                }

                cells.Add(cell);
                sum += value;
            }

            if (!known || sum == statement.Value)
                continue;
            var at = _cells.PositionOf(cells[0].Index);
            string message = NarrativeFinding.Describe(statement, sum, cells, at, english);
            findings.Add(new NarrativeFinding(statement, sum, cells, at, message));
        }

        return findings;
    }

    /// <summary>
    /// What the report states of the information-processing fees it charged (六、其他需要报告的事项): none, or an amount
    /// with its unit, and where; <see langword="null"/> when it says nothing of them (or its template declares no <c>"fee"</c>).
    /// </summary>
    public FeeStatement? Fee { get; }

    /// <summary>The required parts of the template (<see cref="ReportTemplate.Parts"/>) found in the text, where their headings are.</summary>
    public IReadOnlyList<PartLocation> Parts { get; }

    /// <summary>
    /// The required parts that are missing or have nothing under their headings: a finding of the part's id and
    /// severity (a warning unless the template says info). Only for a text read as a report.
    /// </summary>
    /// <param name="options">The message language (the other options do not apply).</param>
    public IReadOnlyList<PartFinding> CheckParts(ValidationOptions? options = null)
    {
        if (Report is null || Template is null || Template.Parts.Count == 0)
            return Array.Empty<PartFinding>();
        bool english = (options ?? ValidationOptions.Default).Language == MessageLanguage.English;
        var findings = new List<PartFinding>();
        foreach (var part in Template.Parts)
        {
            PartLocation? location = null;
            foreach (var found in Parts)
                if (ReferenceEquals(found.Part, part))
                    location = found;
            if (location is null || location.IsEmpty)
                findings.Add(new PartFinding(part, location, PartFinding.Describe(part, location, english)));
        }

        return findings;
    }

    /// <summary>The typed report (<c>Report2019</c>, <c>Report2021</c>, …), or <see langword="null"/> when the text is not an annual report or its tables hold no numbers.</summary>
    public IReport? Report { get; }

    /// <summary>The template the text follows, when it could be told.</summary>
    public ReportTemplate? Template { get; }

    /// <summary>The template id (e.g. <c>"2021"</c>), or <see langword="null"/>.</summary>
    public string? TemplateId => Template?.Id;

    /// <summary>The report year, when found (or given in the options).</summary>
    public int? Year { get; }

    /// <summary>The agency name from the title, when found (or given in the options).</summary>
    public string? Agency { get; }

    /// <summary>Every template cell, in template order, with its value, status and source position.</summary>
    /// <remarks>Each cell object is made when first read from the list (and then kept); <see cref="Statuses"/> and
    /// <see cref="Positions"/> give the statuses and positions without making them. The cells' printed text is a
    /// slice of the text that was read, so a result keeps that text alive while it is kept.</remarks>
    public IReadOnlyList<ExtractedCell> Cells => _cells;

    /// <summary>The page and box of cell <paramref name="index"/> (a PDF input), or <see langword="null"/>.</summary>
    /// <param name="index">A cell index of the template.</param>
    public GovInfoReports.Documents.PageBox? BoxOf(int index) => _cells.BoxOf(index);

    /// <summary>Gives the cells read from a PDF their page and box, found from their positions in the document's text.</summary>
    internal void LocateIn(GovInfoReports.Documents.ReportDocument document)
    {
        if (document.Kind != GovInfoReports.Documents.DocumentKind.Pdf || Template is null)
            return;
        var boxes = new GovInfoReports.Documents.PageBox?[_cells.Count];
        for (int i = 0; i < boxes.Length; i++)
            if (_cells.PositionOf(i) is { } position)
                boxes[i] = document.BoxAt(position);
        _cells.SetBoxes(boxes);
    }

    /// <summary>Where each cell was read, in template order; <see langword="null"/> for a missing cell.</summary>
    public IReadOnlyList<SourcePosition?> Positions => _positions ??= new PositionList(_cells);

    /// <summary>Per template section: how many cells were found.</summary>
    public IReadOnlyList<SectionExtraction> Sections { get; }

    /// <summary>
    /// Whether a report with values was read and every section is complete (no missing cell). A blank form, whose cells
    /// are all empty (<see cref="ExtractionIssue.BlankForm"/>), is not complete: it holds no values.
    /// </summary>
    public bool IsComplete
    {
        get
        {
            if (Report is null || !HoldsValues)
                return false;
            foreach (var section in Sections)
                if (!section.IsComplete)
                    return false;
            return true;
        }
    }

    /// <summary>Whether any cell holds a value (is reported): false for a blank form (<see cref="ExtractionIssue.BlankForm"/>) and for no report.</summary>
    public bool HoldsValues
    {
        get
        {
            foreach (var status in _statuses)
                if (status == CellStatus.Reported)
                    return true;
            return false;
        }
    }

    /// <summary>What could not be read with certainty, in order of position.</summary>
    public IReadOnlyList<ExtractionFinding> Findings { get; }

    /// <summary>The status of every cell, in template order (for <see cref="ValidationOptions.Statuses"/>).</summary>
    public IReadOnlyList<CellStatus> Statuses => _statuses;

    /// <summary>
    /// Validates the report with the cell statuses of the extraction (missing cells make the rules that need them
    /// not assessable instead of failing). Returns no finding when no report was read.
    /// </summary>
    /// <param name="options">Validation options; their <see cref="ValidationOptions.Statuses"/> is replaced by this extraction's.</param>
    public IReadOnlyList<ValidationFinding> Validate(ValidationOptions? options = null)
    {
        if (Report is null)
            return Array.Empty<ValidationFinding>();
        options ??= ValidationOptions.Default;
        var withStatuses = new ValidationOptions
        {
            Language = options.Language,
            BlankCells = options.BlankCells,
            Overrides = options.Overrides,
            Statuses = _statuses,
        };
        return Report.Template.Validate(Report, withStatuses);
    }
}

/// <summary>The positions of a read's cells, read through without making the cell objects.</summary>
internal sealed class PositionList : IReadOnlyList<SourcePosition?>
{
    private readonly ExtractedCellList _cells;

    public PositionList(ExtractedCellList cells) => _cells = cells;

    public int Count => _cells.Count;

    public SourcePosition? this[int index] => _cells.PositionOf(index);

    public IEnumerator<SourcePosition?> GetEnumerator()
    {
        for (int i = 0; i < _cells.Count; i++)
            yield return _cells.PositionOf(i);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
