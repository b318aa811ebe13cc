using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>A table of a template: value columns and (possibly grouped) rows.</summary>
public sealed class TableDescriptor
{
    private SectionDescriptor? _section;
    private IReadOnlyList<CellDescriptor> _cells = Array.Empty<CellDescriptor>();

    /// <summary>Creates a table descriptor. Generated code calls this; users read descriptors from <see cref="ReportTemplate"/>.</summary>
    /// <param name="id">The stable identifier; for a section that is itself one table, the section's id.</param>
    /// <param name="caption">The caption (e.g. <c>第二十条第（一）项</c>), or <see langword="null"/> for a section's only table.</param>
    /// <param name="columns">The value columns, in template order.</param>
    /// <param name="rows">The top-level rows, in template order.</param>
    /// <param name="layout">How the official template lays the table out.</param>
    /// <param name="aliases">Variants of the caption seen in real reports.</param>
    /// <param name="rowHeader">The header text of the label column (e.g. <c>信息内容</c>).</param>
    /// <param name="note">The text in the top-left header cell (e.g. the 勾稽关系 note).</param>
    /// <param name="columnsCaption">A header spanning all value columns (e.g. <c>申请人情况</c>).</param>
    public TableDescriptor(
        string id,
        string? caption,
        IReadOnlyList<ColumnDescriptor> columns,
        IReadOnlyList<RowDescriptor> rows,
        TableLayout layout = TableLayout.Grid,
        IReadOnlyList<string>? aliases = null,
        string? rowHeader = null,
        string? note = null,
        string? columnsCaption = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Caption = caption;
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
        Rows = rows ?? throw new ArgumentNullException(nameof(rows));
        Layout = layout;
        Aliases = aliases ?? Array.Empty<string>();
        RowHeader = rowHeader;
        Note = note;
        ColumnsCaption = columnsCaption;
        Path = id;
        var leaves = new List<RowDescriptor>();
        foreach (var path in Shared.CellOrder.DataRows(rows, static r => r.Children))
            leaves.Add(path[path.Length - 1]);
        DataRows = leaves;
    }

    /// <summary>The stable identifier.</summary>
    public string Id { get; }

    /// <summary>The caption, e.g. <c>第二十条第（一）项</c>; <see langword="null"/> for a section's only table.</summary>
    public string? Caption { get; }

    /// <summary>Variants of <see cref="Caption"/> seen in real reports.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The header text of the label column (e.g. <c>信息内容</c>), or <see langword="null"/>.</summary>
    public string? RowHeader { get; }

    /// <summary>The text in the top-left header cell (e.g. the 勾稽关系 note of section 三), or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>A header spanning all value columns (e.g. <c>申请人情况</c>), or <see langword="null"/>.</summary>
    public string? ColumnsCaption { get; }

    /// <summary>How the official template lays the table out.</summary>
    public TableLayout Layout { get; }

    /// <summary>The value columns, in template order.</summary>
    public IReadOnlyList<ColumnDescriptor> Columns { get; }

    /// <summary>The top-level rows, in template order (group rows hold their children).</summary>
    public IReadOnlyList<RowDescriptor> Rows { get; }

    /// <summary>The rows that hold values (every row that is not a group), in template order.</summary>
    public IReadOnlyList<RowDescriptor> DataRows { get; }

    /// <summary>The section the table belongs to.</summary>
    public SectionDescriptor Section => _section ?? throw new InvalidOperationException("The table is not part of a template yet.");

    /// <summary>
    /// The id path of the table within the report: the section id for a section's only table
    /// (<c>applications</c>), section and table id otherwise (<c>proactiveDisclosure.regulatoryDocuments</c>).
    /// </summary>
    public string Path { get; private set; }

    /// <summary>The cells of the table: data rows × columns, row by row.</summary>
    public IReadOnlyList<CellDescriptor> Cells => _cells;

    internal void Attach(SectionDescriptor section, bool isSectionTable)
    {
        _section = section;
        Path = isSectionTable ? section.Id : section.Id + "." + Id;
        foreach (var row in Rows)
            row.Attach(this);
    }

    internal void SetCells(IReadOnlyList<CellDescriptor> cells) => _cells = cells;

    /// <inheritdoc />
    public override string ToString() => Path;
}
