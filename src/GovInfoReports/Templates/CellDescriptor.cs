namespace GovInfoReports.Templates;

/// <summary>One value cell of a template: a data row of a table crossed with one of its columns.</summary>
public sealed class CellDescriptor
{
    internal CellDescriptor(int index, TableDescriptor table, RowDescriptor row, ColumnDescriptor column)
    {
        Index = index;
        Table = table;
        Row = row;
        Column = column;
        Path = table.Path + "." + row.Path + "." + column.Id;
        JsonPointer = "/" + Path.Replace('.', '/');
    }

    /// <summary>The position of the cell in <see cref="ReportTemplate.Cells"/> and in <see cref="IReport.GetCell(int)"/>.</summary>
    public int Index { get; }

    /// <summary>The section of the cell.</summary>
    public SectionDescriptor Section => Table.Section;

    /// <summary>The table of the cell.</summary>
    public TableDescriptor Table { get; }

    /// <summary>The data row of the cell.</summary>
    public RowDescriptor Row { get; }

    /// <summary>The column of the cell.</summary>
    public ColumnDescriptor Column { get; }

    /// <summary>The kind of value (from the column).</summary>
    public ValueKind Kind => Column.Kind;

    /// <summary>The full id path, e.g. <c>applications.results.withheld.stateSecret.naturalPerson</c>. The same path means the same concept in every template.</summary>
    public string Path { get; }

    /// <summary>The JSON pointer of the cell in a report document, e.g. <c>/applications/newlyReceived/total</c>.</summary>
    public string JsonPointer { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
