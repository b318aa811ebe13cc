using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>
/// The descriptor of one template year: its sections, tables, rows, columns, labels, aliases, units
/// and value kinds, as data. Each generated report type exposes its descriptor as a static
/// <c>Template</c> property (e.g. <c>Report2021.Template</c>); <see cref="TemplateRegistry"/> lists them all.
/// </summary>
public abstract class ReportTemplate
{
    private readonly Dictionary<string, CellDescriptor> _cellsByPath;

    /// <summary>Creates the descriptor and indexes its cells. Called by generated code.</summary>
    /// <param name="id">The template id, e.g. <c>2021</c>.</param>
    /// <param name="typeName">The name of the generated report type, e.g. <c>Report2021</c>.</param>
    /// <param name="title">The official title of the format.</param>
    /// <param name="basis">The notice that issued the format, e.g. <c>国办公开办函〔2021〕30号</c>.</param>
    /// <param name="fromYear">The first report year the format applies to.</param>
    /// <param name="toYear">The last report year the format applies to, or <see langword="null"/> while it is current.</param>
    /// <param name="markers">Labels that occur only in this format, for template detection.</param>
    /// <param name="sections">The sections, in template order.</param>
    /// <param name="rules">The cross-checks declared in the template file, in file order.</param>
    protected ReportTemplate(string id, string typeName, string title, string basis, int fromYear, int? toYear, IReadOnlyList<string> markers, IReadOnlyList<SectionDescriptor> sections, IReadOnlyList<Validation.RuleDescriptor>? rules = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Basis = basis ?? throw new ArgumentNullException(nameof(basis));
        FromYear = fromYear;
        ToYear = toYear;
        Markers = markers ?? throw new ArgumentNullException(nameof(markers));
        Sections = sections ?? throw new ArgumentNullException(nameof(sections));

        var tables = new List<TableDescriptor>();
        foreach (var section in sections)
        {
            section.Attach(this);
            tables.AddRange(section.Tables);
        }

        // The cells in index order, as the generated records number them (CellOrder, shared with the generator).
        var cells = new List<CellDescriptor>();
        var cellsOfTable = new Dictionary<TableDescriptor, List<CellDescriptor>>();
        foreach (var cell in Shared.CellOrder.Cells(sections, static s => s.Tables, static t => t.Rows, static r => r.Children, static t => t.Columns))
        {
            var descriptor = new CellDescriptor(cells.Count, cell.Table, cell.Row, cell.Column);
            cells.Add(descriptor);
            if (!cellsOfTable.TryGetValue(cell.Table, out var tableCells))
                cellsOfTable[cell.Table] = tableCells = new List<CellDescriptor>();
            tableCells.Add(descriptor);
        }

        foreach (var table in tables)
            table.SetCells(cellsOfTable.TryGetValue(table, out var tableCells) ? tableCells : new List<CellDescriptor>());

        Cells = cells;
        Tables = tables;
        _cellsByPath = new Dictionary<string, CellDescriptor>(cells.Count, StringComparer.Ordinal);
        foreach (var cell in cells)
            _cellsByPath.Add(cell.Path, cell);

        Rules = rules ?? Array.Empty<Validation.RuleDescriptor>();
        for (int i = 0; i < Rules.Count; i++)
            Rules[i].Bind(this, i);
    }

    /// <summary>The cross-checks declared in the template file (勾稽关系, structural totals, soft and cross-year checks), in file order.</summary>
    public IReadOnlyList<Validation.RuleDescriptor> Rules { get; }

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The rule id, e.g. <c>E1</c>.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public Validation.RuleDescriptor? FindRule(string id)
    {
        foreach (var rule in Rules)
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
                return rule;
        return null;
    }

    /// <summary>
    /// Checks <paramref name="report"/> against the template's rules (cross-year rules excepted). Generated templates
    /// override it with their compiled validator; the default interprets the rule descriptors.
    /// </summary>
    /// <param name="report">A report of this template.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The findings; empty when every rule holds.</returns>
    public virtual IReadOnlyList<Validation.ValidationFinding> Validate(IReport report, Validation.ValidationOptions? options = null) =>
        Validation.ReportValidator.Interpret(report, options);

    /// <summary>The template id, e.g. <c>2021</c>; a report document's <c>template</c> member.</summary>
    public string Id { get; }

    /// <summary>The name of the generated report type, e.g. <c>Report2021</c>.</summary>
    public string TypeName { get; }

    /// <summary>The official title of the format.</summary>
    public string Title { get; }

    /// <summary>The notice that issued the format, e.g. <c>国办公开办函〔2021〕30号</c>.</summary>
    public string Basis { get; }

    /// <summary>The first report year the format applies to.</summary>
    public int FromYear { get; }

    /// <summary>The last report year the format applies to; <see langword="null"/> while it is current.</summary>
    public int? ToYear { get; }

    /// <summary>Labels that occur only in this format (templates.md §10), for template detection.</summary>
    public IReadOnlyList<string> Markers { get; }

    /// <summary>
    /// The id of the template this one revises (a template file's <c>"revises"</c>), or <see langword="null"/>. A report
    /// of this template is no mix of the two formats, and when a text fits both equally well and its year is one this
    /// template applies to, it is read as this one, the newer.
    /// </summary>
    public string? Revises { get; protected init; }

    /// <summary>The narrative facts declared in the template file: phrases of the prose that state cells' values.</summary>
    public IReadOnlyList<NarrativeFact> Narrative { get; protected init; } = Array.Empty<NarrativeFact>();

    /// <summary>The required parts of a report's text declared in the template file (总体情况, 存在的主要问题及改进情况, …).</summary>
    public IReadOnlyList<ReportPart> Parts { get; protected init; } = Array.Empty<ReportPart>();

    /// <summary>How reports of this format state the information-processing fees they charged, or <see langword="null"/>.</summary>
    public FeeWording? Fee { get; protected init; }

    /// <summary>The sections, in template order.</summary>
    public IReadOnlyList<SectionDescriptor> Sections { get; }

    /// <summary>Every table of every section, in template order.</summary>
    public IReadOnlyList<TableDescriptor> Tables { get; }

    /// <summary>Every value cell, in template order; a cell's <see cref="CellDescriptor.Index"/> is its position here.</summary>
    public IReadOnlyList<CellDescriptor> Cells { get; }

    /// <summary>The type of the generated report record.</summary>
    public abstract Type ReportType { get; }

    /// <summary>Whether the format applies to reports of <paramref name="year"/>.</summary>
    /// <param name="year">A report year.</param>
    public bool AppliesTo(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    /// <summary>Finds a cell by its id path (e.g. <c>applications.newlyReceived.total</c>).</summary>
    /// <param name="path">The id path.</param>
    /// <returns>The cell, or <see langword="null"/> when the template has no such cell.</returns>
    public CellDescriptor? FindCell(string path) =>
        _cellsByPath.TryGetValue(path ?? throw new ArgumentNullException(nameof(path)), out var cell) ? cell : null;

    /// <summary>Finds a section by id.</summary>
    /// <param name="id">The section id.</param>
    /// <returns>The section, or <see langword="null"/>.</returns>
    public SectionDescriptor? FindSection(string id)
    {
        foreach (var section in Sections)
            if (string.Equals(section.Id, id, StringComparison.Ordinal))
                return section;
        return null;
    }

    /// <summary>
    /// Builds a report of this template from cell values in <see cref="Cells"/> order.
    /// </summary>
    /// <param name="cells">One value per cell of <see cref="Cells"/>; <see cref="CellValue.Blank"/> for a blank cell.</param>
    /// <param name="year">The report year, when known.</param>
    /// <param name="agency">The reporting agency, when known.</param>
    /// <returns>The typed report (e.g. a <c>Report2021</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="cells"/> does not have one value per cell.</exception>
    /// <exception cref="InvalidOperationException">A value does not fit its cell (a fraction in a count cell).</exception>
    public IReport CreateReport(ReadOnlySpan<CellValue> cells, int? year = null, string? agency = null)
    {
        if (cells.Length != Cells.Count)
            throw new ArgumentException(
                $"Template {Id} has {Cells.Count} cells, but {cells.Length} values were given. 模板 {Id} 有 {Cells.Count} 个单元格，但提供了 {cells.Length} 个值。",
                nameof(cells));
        return CreateReportCore(cells, year, agency);
    }

    /// <summary>
    /// Reads a report document of this template with the generated, reflection-free converter (strict:
    /// see <see cref="Serialization.ReportJson"/>). Generated templates override it.
    /// </summary>
    /// <param name="reader">The reader, before or on the document's first token.</param>
    /// <returns>The typed report.</returns>
    /// <exception cref="System.Text.Json.JsonException">The document is not a valid report of this template; the message names the JSON path.</exception>
    /// <exception cref="NotSupportedException">The template was built by hand, without the generator.</exception>
    public virtual IReport ReadJson(ref System.Text.Json.Utf8JsonReader reader) =>
        throw new NotSupportedException($"模板 {Id} 没有生成的 JSON 转换器 / Template {Id} was not generated, so it has no JSON converter.");

    /// <summary>
    /// Reads a report document of this template laid out as <see cref="WriteJson"/> writes it (every member, in the
    /// template's order; any whitespace) in one pass over its bytes, without a JSON tokenizer. Returns null for any
    /// other document, valid or not: <see cref="ReadJson"/> then reads it or names what is wrong. It accepts no
    /// document <see cref="ReadJson"/> refuses, and reads each one it accepts to the same report.
    /// <see cref="Serialization.ReportJson.Deserialize(ReadOnlySpan{byte})"/> tries it first. Generated templates
    /// override it; this base returns null.
    /// </summary>
    /// <param name="utf8Json">The whole document as UTF-8.</param>
    /// <returns>The typed report, or null when the document is not in the written layout of this template.</returns>
    public virtual IReport? TryReadCanonicalJson(ReadOnlySpan<byte> utf8Json) => null;

    /// <summary>Writes <paramref name="report"/> as a report document. Generated templates override it.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">A report of this template.</param>
    /// <exception cref="NotSupportedException">The template was built by hand, without the generator.</exception>
    public virtual void WriteJson(System.Text.Json.Utf8JsonWriter writer, IReport report) =>
        throw new NotSupportedException($"模板 {Id} 没有生成的 JSON 转换器 / Template {Id} was not generated, so it has no JSON converter.");

    /// <summary>Builds the typed report; <paramref name="cells"/> has exactly one value per cell. Generated.</summary>
    /// <param name="cells">One value per cell.</param>
    /// <param name="year">The report year.</param>
    /// <param name="agency">The reporting agency.</param>
    protected abstract IReport CreateReportCore(ReadOnlySpan<CellValue> cells, int? year, string? agency);

    /// <summary>
    /// Reads a template file at run time (one year of your own, without compiling it): the file is checked by the
    /// parser the build uses, and its reports are <see cref="LoadedReport"/>s that JSON, CSV, validation (the rules
    /// interpreted), extraction and rendering accept. Register it with <see cref="TemplateRegistry.Register"/> to have
    /// reports detected as this template, or pass it in <c>ReadOptions.Templates</c>.
    /// </summary>
    /// <param name="path">The template file.</param>
    /// <returns>The template.</returns>
    /// <exception cref="TemplateFileException">The file has errors; the exception lists them as the build does.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be read.</exception>
    public static ReportTemplate Load(string path) => Loaded(TemplateFile.Read(path));

    /// <summary>Reads a template file from a stream; see <see cref="Load(string)"/>.</summary>
    /// <param name="stream">The file's bytes (UTF-8).</param>
    /// <param name="path">The name diagnostics give the file.</param>
    /// <returns>The template.</returns>
    /// <exception cref="TemplateFileException">The file has errors; the exception lists them as the build does.</exception>
    public static ReportTemplate Load(System.IO.Stream stream, string path = "template.json") => Loaded(TemplateFile.Read(stream, path));

    private static ReportTemplate Loaded(TemplateFileResult result) =>
        result.Template ?? throw new TemplateFileException(result.Diagnostics);

    /// <inheritdoc />
    public override string ToString() => Id + " " + Title + "（" + Basis + "）";
}
