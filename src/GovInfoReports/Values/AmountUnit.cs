namespace GovInfoReports;

/// <summary>The currency unit of a money amount (元 or 万元).</summary>
public enum AmountUnit
{
    /// <summary>The unit is not known: the report printed a bare number where the template gives no unit.</summary>
    Unknown = 0,

    /// <summary>元 (yuan).</summary>
    Yuan = 1,

    /// <summary>万元 (ten thousand yuan).</summary>
    TenThousandYuan = 2,
}

/// <summary>Conversions between <see cref="AmountUnit"/> and the unit words of the templates.</summary>
public static class AmountUnits
{
    /// <summary>The unit word as the templates print it: <c>元</c>, <c>万元</c>, or the empty string for <see cref="AmountUnit.Unknown"/>.</summary>
    /// <param name="unit">The unit.</param>
    public static string ToSymbol(this AmountUnit unit) => unit switch
    {
        AmountUnit.Yuan => "元",
        AmountUnit.TenThousandYuan => "万元",
        _ => "",
    };

    /// <summary>Reads a unit word: <c>元</c>, <c>万元</c> or <c>万</c> (read as 万元).</summary>
    /// <param name="symbol">The unit word, without surrounding white space.</param>
    /// <param name="unit">The unit, when the word is known.</param>
    /// <returns><see langword="true"/> when <paramref name="symbol"/> names a unit.</returns>
    public static bool TryParse(string? symbol, out AmountUnit unit)
    {
        switch (symbol)
        {
            case "元":
                unit = AmountUnit.Yuan;
                return true;
            case "万元":
            case "万":
                unit = AmountUnit.TenThousandYuan;
                return true;
            default:
                unit = AmountUnit.Unknown;
                return false;
        }
    }
}
