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
        int start = table.Section.Id.Length + 1;
        RowPath = Path.Substring(start, Path.Length - start - column.Id.Length - 1);
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

    /// <summary>
    /// The id path of the cell's row within its section: the table id (in a section of several tables) and
    /// the row path, e.g. <c>results.withheld.stateSecret</c> or <c>regulatoryDocuments.regulations</c>.
    /// <see cref="Section"/> id + <c>.</c> + <see cref="RowPath"/> + <c>.</c> + column id = <see cref="Path"/>.
    /// </summary>
    public string RowPath { get; }

    /// <summary>The JSON pointer of the cell in a report document, e.g. <c>/applications/newlyReceived/total</c>.</summary>
    public string JsonPointer { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
