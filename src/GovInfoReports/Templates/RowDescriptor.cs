using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>
/// A row of a template table. A row with <see cref="Children"/> is a group row: it carries no numbers
/// itself (like （三）不予公开), only its descendants do.
/// </summary>
public sealed class RowDescriptor
{
    private TableDescriptor? _table;

    /// <summary>Creates a row descriptor. Generated code calls this; users read descriptors from <see cref="ReportTemplate"/>.</summary>
    /// <param name="id">The stable identifier (camelCase).</param>
    /// <param name="label">The official label without its number.</param>
    /// <param name="number">The numbering prefix as printed (<c>一、</c>, <c>（一）</c>, <c>1.</c>), or <see langword="null"/>.</param>
    /// <param name="aliases">Variants of the label seen in real reports (without number).</param>
    /// <param name="children">The child rows of a group row.</param>
    public RowDescriptor(string id, string label, string? number = null, IReadOnlyList<string>? aliases = null, IReadOnlyList<RowDescriptor>? children = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Label = label ?? throw new ArgumentNullException(nameof(label));
        Number = number;
        Aliases = aliases ?? Array.Empty<string>();
        Children = children ?? Array.Empty<RowDescriptor>();
        Path = id;
        foreach (var child in Children)
            child.Parent = this;
    }

    /// <summary>The stable identifier.</summary>
    public string Id { get; }

    /// <summary>The numbering prefix as the template prints it (<c>一、</c>, <c>（一）</c>, <c>1.</c>), or <see langword="null"/>.</summary>
    public string? Number { get; }

    /// <summary>The official label without its number, e.g. <c>属于国家秘密</c>.</summary>
    public string Label { get; }

    /// <summary>The label as printed: number and label, e.g. <c>1.属于国家秘密</c>.</summary>
    public string FullLabel => Number + Label;

    /// <summary>Variants of <see cref="Label"/> seen in real reports (without number).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The child rows; empty for a data row.</summary>
    public IReadOnlyList<RowDescriptor> Children { get; }

    /// <summary><see langword="true"/> for a group row, which holds no values itself.</summary>
    public bool IsGroup => Children.Count > 0;

    /// <summary>The group row this row belongs to, or <see langword="null"/> for a top-level row.</summary>
    public RowDescriptor? Parent { get; private set; }

    /// <summary>The table this row belongs to.</summary>
    public TableDescriptor Table => _table ?? throw new InvalidOperationException("The row is not part of a template yet.");

    /// <summary>The id path of the row within its table, e.g. <c>results.withheld.stateSecret</c>.</summary>
    public string Path { get; private set; }

    /// <summary>The depth of the row: 0 for a top-level row.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    internal void Attach(TableDescriptor table)
    {
        _table = table;
        Path = Parent is null ? Id : Parent.Path + "." + Id;
        foreach (var child in Children)
            child.Attach(table);
    }

    /// <inheritdoc />
    public override string ToString() => Path + " " + FullLabel;
}
