namespace GovInfoReports.Generators.Model;

// The equatable models: what a template file means, with nothing position- or compilation-dependent
// in them, so they are the incremental pipeline's cache keys. Column sets are already resolved into
// each table's columns; ColumnSetName keeps the set's name for the shared row type.

/// <summary>A whole template file.</summary>
internal sealed record TemplateModel(
    string Id,
    string TypeName,
    string Title,
    string Basis,
    int FromYear,
    int? ToYear,
    EquatableArray<string> Markers,
    EquatableArray<SectionModel> Sections);

/// <summary>A numbered section (二、三、四、…).</summary>
internal sealed record SectionModel(
    string Id,
    string Number,
    string Heading,
    EquatableArray<string> Aliases,
    bool IsSingleTable,
    EquatableArray<TableModel> Tables);

/// <summary>A table: columns (resolved) and rows.</summary>
internal sealed record TableModel(
    string Id,
    string? Caption,
    EquatableArray<string> Aliases,
    string? RowHeader,
    string? Note,
    string? ColumnsCaption,
    TableLayoutModel Layout,
    string? ColumnSetName,
    EquatableArray<ColumnModel> Columns,
    EquatableArray<RowModel> Rows);

/// <summary>A value column.</summary>
internal sealed record ColumnModel(
    string Id,
    string Label,
    EquatableArray<string> Aliases,
    string? Group,
    ValueKindModel Kind,
    string? Unit);

/// <summary>A row; with children it is a group row that holds no values.</summary>
internal sealed record RowModel(
    string Id,
    string? Number,
    string Label,
    EquatableArray<string> Aliases,
    EquatableArray<RowModel> Children)
{
    public bool IsGroup => Children.Count > 0;
}

internal enum ValueKindModel
{
    Count,
    SignedCount,
    Amount,
}

internal enum TableLayoutModel
{
    Grid,
    SingleRow,
}
