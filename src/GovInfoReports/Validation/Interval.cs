using System;
using System.Globalization;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>
/// A closed interval of values, as XBRL Calculations 1.1 and the EBA rules read reported numbers: a
/// value written with d decimals stands for v ± ½·10^−d. Counts are exact. Money is held in 元, so
/// 67.74 万元 is [677350, 677450] 元 and never disagrees with 677400 元 by rounding. Public for generated code.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct Interval : IEquatable<Interval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound (≥ <paramref name="low"/>).</param>
    public Interval(decimal low, decimal high)
    {
        Low = low;
        High = high;
    }

    /// <summary>The lower bound.</summary>
    public decimal Low { get; }

    /// <summary>The upper bound.</summary>
    public decimal High { get; }

    /// <summary>The middle: the value as reported.</summary>
    public decimal Mid => Low == High ? Low : (Low + High) / 2;

    /// <summary>An exact value.</summary>
    /// <param name="value">The value.</param>
    public static Interval Exact(decimal value) => new(value, value);

    /// <summary>A count cell (blank counts as 0).</summary>
    /// <param name="value">The count.</param>
    public static Interval Of(int? value) => new(value ?? 0, value ?? 0);

    /// <summary>A money cell in a fixed unit (blank counts as 0).</summary>
    /// <param name="value">The amount as reported.</param>
    /// <param name="unit">The column's unit.</param>
    public static Interval Of(decimal? value, AmountUnit unit)
    {
        if (value is not { } v)
            return default;
        decimal factor = unit == AmountUnit.TenThousandYuan ? 10000m : 1m;
        decimal half = HalfUnit(v) * factor;
        return new(v * factor - half, v * factor + half);
    }

    /// <summary>A money cell that carries its own unit (blank counts as 0; an unknown unit is read as 元).</summary>
    /// <param name="value">The amount as reported.</param>
    public static Interval Of(Amount? value) => value is { } a ? Of(a.Value, a.Unit) : default;

    /// <summary>The interval of any cell value of <paramref name="cell"/> (blank counts as 0).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="value">Its value.</param>
    public static Interval Of(CellDescriptor cell, CellValue value)
    {
        if (cell is null)
            throw new ArgumentNullException(nameof(cell));
        if (value.Number is not { } n)
            return default;
        if (cell.Kind != ValueKind.Amount)
            return Exact(n);
        return Of(n, cell.Column.HasReportedUnit ? value.Unit : cell.Column.AmountUnit);
    }

    /// <summary>The sum of two intervals.</summary>
    public static Interval operator +(Interval a, Interval b) => new(a.Low + b.Low, a.High + b.High);

    /// <summary>The difference of two intervals (the widest).</summary>
    public static Interval operator -(Interval a, Interval b) => new(a.Low - b.High, a.High - b.Low);

    /// <summary>Whether some values inside the intervals satisfy <c>left op right</c> (within <paramref name="tolerance"/>).</summary>
    /// <param name="left">The left side.</param>
    /// <param name="comparison">The operator.</param>
    /// <param name="right">The right side.</param>
    /// <param name="tolerance">An absolute tolerance (0 for none).</param>
    public static bool Holds(Interval left, ComparisonOperator comparison, Interval right, decimal tolerance = 0) => comparison switch
    {
        ComparisonOperator.Equal => left.High + tolerance >= right.Low && left.Low - tolerance <= right.High,
        ComparisonOperator.LessOrEqual => left.Low - tolerance <= right.High,
        ComparisonOperator.GreaterOrEqual => left.High + tolerance >= right.Low,
        ComparisonOperator.Less => left.Low - tolerance < right.High,
        _ => left.High + tolerance > right.Low,
    };

    /// <summary>½·10^−d for a value written with d decimals (d = the decimal's scale).</summary>
    /// <param name="value">The value as reported.</param>
    public static decimal HalfUnit(decimal value) => value.Scale >= 28 ? 0m : new decimal(5, 0, 0, false, (byte)(value.Scale + 1));

    /// <inheritdoc />
    public bool Equals(Interval other) => Low == other.Low && High == other.High;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Low, High);

    /// <inheritdoc />
    public override string ToString() =>
        Low == High ? Low.ToString(CultureInfo.InvariantCulture) : "[" + Low.ToString(CultureInfo.InvariantCulture) + ", " + High.ToString(CultureInfo.InvariantCulture) + "]";
}
