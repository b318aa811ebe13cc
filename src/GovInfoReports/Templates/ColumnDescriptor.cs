using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>A value column of a template table.</summary>
public sealed class ColumnDescriptor
{
    /// <summary>Creates a column descriptor. Generated code calls this; users read descriptors from <see cref="ReportTemplate"/>.</summary>
    /// <param name="id">The stable identifier (camelCase).</param>
    /// <param name="label">The official header text.</param>
    /// <param name="kind">The kind of value.</param>
    /// <param name="unit">The unit word (<c>件</c>, <c>项</c>, <c>元</c>, <c>万元</c>); <see langword="null"/> when each value states its own unit.</param>
    /// <param name="group">The spanning header above this column, if any (e.g. 法人或其他组织).</param>
    /// <param name="aliases">Variants of the label seen in real reports.</param>
    public ColumnDescriptor(string id, string label, ValueKind kind, string? unit, string? group = null, IReadOnlyList<string>? aliases = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Label = label ?? throw new ArgumentNullException(nameof(label));
        Kind = kind;
        Unit = unit;
        Group = group;
        Aliases = aliases ?? Array.Empty<string>();
    }

    /// <summary>The stable identifier; the JSON property name and (PascalCased) the C# property name.</summary>
    public string Id { get; }

    /// <summary>The official header text, e.g. <c>自然人</c>.</summary>
    public string Label { get; }

    /// <summary>Variants of <see cref="Label"/> seen in real reports.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The spanning header above this column (e.g. <c>法人或其他组织</c>), or <see langword="null"/>.</summary>
    public string? Group { get; }

    /// <summary>The kind of value the column holds.</summary>
    public ValueKind Kind { get; }

    /// <summary>
    /// The unit: a counting word (<c>件</c>, <c>项</c>) for counts, <c>元</c> or <c>万元</c> for money in a fixed unit,
    /// <see langword="null"/> for money whose unit each report states (the column's values are <see cref="Amount"/>).
    /// </summary>
    public string? Unit { get; }

    /// <summary>The unit of a fixed-unit money column; <see cref="AmountUnit.Unknown"/> otherwise.</summary>
    public AmountUnit AmountUnit => Kind == ValueKind.Amount && AmountUnits.TryParse(Unit, out var u) ? u : AmountUnit.Unknown;

    /// <summary><see langword="true"/> for a money column whose unit each report states for itself.</summary>
    public bool HasReportedUnit => Kind == ValueKind.Amount && Unit is null;

    /// <inheritdoc />
    public override string ToString() => Id + " " + Label;
}
