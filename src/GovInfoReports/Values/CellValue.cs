using System;
using System.Globalization;

namespace GovInfoReports;

/// <summary>
/// The value of one template cell in a form that does not depend on the template's C# types:
/// a number (or <see langword="null"/> for a blank cell) and, for money, its unit.
/// The runtime (extraction, export, serialization) moves values between reports and text through it,
/// by cell index, without reflection.
/// </summary>
public readonly record struct CellValue
{
    // A count made by FromInt32 is kept as the int (read back by ToInt32 without decimal arithmetic); any other number
    // as the decimal. 24 bytes. Equality and hashing are those of (Number, Unit), however the number is kept.
    private readonly decimal _decimal;
    private readonly int _int32;
    private readonly Storage _storage;
    private readonly byte _unit; // the AmountUnit

    private enum Storage : byte
    {
        Blank,
        Decimal,
        Int32,
    }

    private CellValue(decimal? number, AmountUnit unit)
    {
        _decimal = number.GetValueOrDefault();
        _int32 = 0;
        _storage = number is null ? Storage.Blank : Storage.Decimal;
        _unit = (byte)unit;
    }

    private CellValue(int count)
    {
        _decimal = 0m;
        _int32 = count;
        _storage = Storage.Int32;
        _unit = default;
    }

    /// <summary>The blank cell.</summary>
    public static CellValue Blank => default;

    /// <summary>The number; <see langword="null"/> when the cell is blank. Never 0 for a blank cell.</summary>
    public decimal? Number => _storage switch
    {
        Storage.Int32 => _int32,
        Storage.Decimal => _decimal,
        _ => null,
    };

    /// <summary>The unit of a money amount; <see cref="AmountUnit.Unknown"/> for counts and for bare amounts.</summary>
    public AmountUnit Unit => (AmountUnit)_unit;

    /// <summary><see langword="true"/> when the cell is blank.</summary>
    public bool IsBlank => _storage == Storage.Blank;

    /// <summary>Whether <paramref name="other"/> has the same number (compared as decimals: 5 equals 5.0) and unit.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(CellValue other) => Number == other.Number && _unit == other._unit;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Unit);

    /// <summary>A count cell (or a blank one).</summary>
    /// <param name="value">The count; <see langword="null"/> for blank.</param>
    public static CellValue FromInt32(int? value) => value is { } count ? new(count) : Blank;

    /// <summary>A number cell (or a blank one), in the given unit.</summary>
    /// <param name="value">The number; <see langword="null"/> for blank.</param>
    /// <param name="unit">The unit of a money amount; <see cref="AmountUnit.Unknown"/> when none applies.</param>
    public static CellValue FromDecimal(decimal? value, AmountUnit unit = AmountUnit.Unknown) =>
        value is null ? Blank : new(value, unit);

    /// <summary>A money cell with the unit the report wrote (or a blank one).</summary>
    /// <param name="value">The amount; <see langword="null"/> for blank.</param>
    public static CellValue FromAmount(Amount? value) =>
        value is { } a ? new CellValue(a.Value, a.Unit) : Blank;

    /// <summary>A money cell with the unit the report wrote.</summary>
    /// <param name="value">The number.</param>
    /// <param name="unit">Its unit.</param>
    public static CellValue FromAmount(decimal value, AmountUnit unit) => new(value, unit);

    /// <summary>The value as a count.</summary>
    /// <exception cref="InvalidOperationException">The number is not a whole number within the range of <see cref="int"/>.</exception>
    public int? ToInt32() => _storage == Storage.Int32 ? _int32 : ToInt32Slow(); // small enough to inline

    private int? ToInt32Slow()
    {
        if (Number is not { } n)
            return null;
        // Counts are stored with scale 0 and a 32-bit magnitude: read from the bits, no decimal arithmetic.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(n, bits);
        if (bits[1] == 0 && bits[2] == 0 && (bits[3] & 0x00FF0000) == 0)
        {
            uint magnitude = (uint)bits[0];
            if (bits[3] >= 0 ? magnitude <= int.MaxValue : magnitude <= 0x80000000u)
                return bits[3] >= 0 ? (int)magnitude : (int)-(long)magnitude;
        }
        else if (decimal.IsInteger(n) && n >= int.MinValue && n <= int.MaxValue)
        {
            return (int)n; // a whole number written with a scale (5.0)
        }

        throw new InvalidOperationException(
            $"{n.ToString(CultureInfo.InvariantCulture)} is not a whole number of the count range. {n.ToString(CultureInfo.InvariantCulture)} 不是有效的整数计数。");
    }

    /// <summary>The value as a number, converted exactly to <paramref name="unit"/> when the cell carries another known unit.</summary>
    /// <param name="unit">The unit wanted (the column's unit); <see cref="AmountUnit.Unknown"/> to take the number as it is.</param>
    public decimal? ToDecimal(AmountUnit unit = AmountUnit.Unknown)
    {
        if (Number is not { } n)
            return null;
        if (unit == AmountUnit.Unknown || Unit == AmountUnit.Unknown || Unit == unit)
            return n;
        return new Amount(n, Unit).ConvertTo(unit);
    }

    /// <summary>The value as a money amount with its unit.</summary>
    public Amount? ToAmount() => Number is { } n ? new Amount(n, Unit) : null;

    /// <summary>The value as text: invariant digits, followed by the unit for money; empty for a blank cell.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture) + Unit.ToSymbol() : "";
}
