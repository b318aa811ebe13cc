using System;
using System.Globalization;

namespace GovInfoReports;

/// <summary>
/// A money amount as a report states it: the number with the unit it was written in
/// (for example <c>258463.87元</c> or <c>67.74 万</c>). Used for columns whose header prints no unit,
/// so that the unit each report wrote is kept rather than guessed.
/// </summary>
/// <param name="Value">The number, exactly as written (its decimal digits are kept).</param>
/// <param name="Unit">The unit the number was written in; <see cref="AmountUnit.Unknown"/> for a bare number.</param>
public readonly record struct Amount(decimal Value, AmountUnit Unit)
{
    /// <summary>
    /// The amount in <paramref name="target"/>, converted exactly (1 万元 = 10000 元);
    /// <see langword="null"/> when this amount's unit is unknown.
    /// </summary>
    /// <param name="target">The unit to convert to; must not be <see cref="AmountUnit.Unknown"/>.</param>
    public decimal? ConvertTo(AmountUnit target)
    {
        if (target == AmountUnit.Unknown)
            throw new ArgumentOutOfRangeException(nameof(target), target, "A conversion needs a known target unit. 换算需要已知的目标单位。");
        if (Unit == AmountUnit.Unknown)
            return null;
        if (Unit == target)
            return Value;
        return Unit == AmountUnit.TenThousandYuan ? Value * 10000m : Value / 10000m;
    }

    /// <summary>The amount as a report would write it, e.g. <c>258463.87元</c> (invariant digits).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + Unit.ToSymbol();
}
