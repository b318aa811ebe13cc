using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>Where in the template the text being aligned is: the section, the table and the last row recognised.</summary>
internal sealed class TemplatePosition
{
    public SectionDescriptor? Section { get; private set; }

    public TableDescriptor? Table { get; private set; }

    public RowDescriptor? LastRow { get; private set; }

    /// <summary>Outside any table (narrative, or a heading of no section of the template).</summary>
    public void Clear()
    {
        Section = null;
        Table = null;
        LastRow = null;
    }

    /// <summary>At a section's heading: in its table when it has one only.</summary>
    public void AtSection(SectionDescriptor section)
    {
        Section = section;
        Table = section.IsSingleTable ? section.Tables[0] : null;
        LastRow = null;
    }

    /// <summary>At a table's caption.</summary>
    public void AtTable(TableDescriptor table)
    {
        Table = table;
        Section = table.Section;
        LastRow = null;
    }

    /// <summary>At a row's label.</summary>
    public void AtRow(RowDescriptor row)
    {
        Table = row.Table;
        Section = row.Table.Section;
        LastRow = row;
    }

    /// <summary>In a table recognised from its numbers after header fragments: the last row read stays the one to judge a misspelt label by.</summary>
    public void InTable(TableDescriptor table)
    {
        Table = table;
        Section = table.Section;
    }
}
