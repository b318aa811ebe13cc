using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>A numbered section of the report (二、主动公开政府信息情况 …) and its tables.</summary>
public sealed class SectionDescriptor
{
    private ReportTemplate? _template;

    /// <summary>Creates a section descriptor. Generated code calls this; users read descriptors from <see cref="ReportTemplate"/>.</summary>
    /// <param name="id">The stable identifier (camelCase).</param>
    /// <param name="number">The section number as printed, e.g. <c>二、</c>.</param>
    /// <param name="heading">The official heading without its number.</param>
    /// <param name="tables">The tables of the section, in template order.</param>
    /// <param name="isSingleTable"><see langword="true"/> when the section is itself one table (its table has no caption of its own).</param>
    /// <param name="aliases">Variants of the heading seen in real reports.</param>
    public SectionDescriptor(string id, string number, string heading, IReadOnlyList<TableDescriptor> tables, bool isSingleTable, IReadOnlyList<string>? aliases = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Number = number ?? throw new ArgumentNullException(nameof(number));
        Heading = heading ?? throw new ArgumentNullException(nameof(heading));
        Tables = tables ?? throw new ArgumentNullException(nameof(tables));
        IsSingleTable = isSingleTable;
        Aliases = aliases ?? Array.Empty<string>();
        foreach (var table in tables)
            table.Attach(this, isSingleTable);
    }

    /// <summary>The stable identifier.</summary>
    public string Id { get; }

    /// <summary>The section number as the template prints it, e.g. <c>二、</c>. Real reports renumber sections: match by heading.</summary>
    public string Number { get; }

    /// <summary>The official heading without its number, e.g. <c>主动公开政府信息情况</c>.</summary>
    public string Heading { get; }

    /// <summary>The heading as printed: number and heading.</summary>
    public string FullHeading => Number + Heading;

    /// <summary>Variants of <see cref="Heading"/> seen in real reports.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The tables of the section.</summary>
    public IReadOnlyList<TableDescriptor> Tables { get; }

    /// <summary><see langword="true"/> when the section is itself one table.</summary>
    public bool IsSingleTable { get; }

    /// <summary>The template the section belongs to.</summary>
    public ReportTemplate Template => _template ?? throw new InvalidOperationException("The section is not part of a template yet.");

    internal void Attach(ReportTemplate template) => _template = template;

    /// <inheritdoc />
    public override string ToString() => Id + " " + FullHeading;
}
