namespace GovInfoReports.Extraction;

/// <summary>Numbers written in Chinese numerals (十二, 二十, 一百零五, 两千三百, 三万四千, 一〇五), as report prose writes counts.</summary>
internal static class ChineseNumerals
{
    // The data: digits with their values (〇 and 两 as well as 零 and 二), then the units 十 百 千 万.
    internal const string DigitNumerals = "零〇一二两三四五六七八九";
    internal const string UnitNumerals = "十百千万";
    private static readonly int[] DigitValues = { 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9 };
    private static readonly int[] UnitValues = { 10, 100, 1000, 10000 };

    /// <summary>Whether <paramref name="c"/> is a digit or a unit of a Chinese numeral.</summary>
    public static bool IsNumeral(char c) => DigitNumerals.IndexOf(c) >= 0 || UnitNumerals.IndexOf(c) >= 0;

    /// <summary>The value of the numeral <c>text[start..end)</c>, or <see langword="null"/> when it holds none.</summary>
    public static decimal? Parse(string text, int start, int end)
    {
        if (end <= start)
            return null;
        bool positional = true;
        for (int i = start; i < end; i++)
            if (DigitNumerals.IndexOf(text[i]) < 0)
                positional = false;
        if (positional)
        {
            // Digits one by one (一〇五), or a single digit.
            decimal digits = 0;
            for (int i = start; i < end; i++)
                digits = digits * 10 + DigitValues[DigitNumerals.IndexOf(text[i])];
            return digits;
        }

        decimal total = 0, section = 0, digit = 0;
        bool seen = false;
        for (int i = start; i < end; i++)
        {
            int d = DigitNumerals.IndexOf(text[i]);
            if (d >= 0)
            {
                digit = DigitValues[d];
                seen = true;
                continue;
            }

            int u = UnitNumerals.IndexOf(text[i]);
            if (u < 0)
                return null;
            int unit = UnitValues[u];
            if (unit == 10000)
            {
                total += (section + digit) * unit;
                section = 0;
            }
            else
            {
                // 十二: a leading 十 is 一十.
                section += (seen || digit != 0 ? digit : 1) * unit;
            }

            digit = 0;
            seen = false;
        }

        return total + section + digit;
    }
}
