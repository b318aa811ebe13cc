using System;
using System.Collections.Generic;

namespace GovInfoReports.Extraction;

/// <summary>
/// The words printed with a value (<see cref="ReportWording.Values"/>): units after a number (<c>12 件</c>,
/// <c>3.5万元</c>) and sign words before it (<c>增加3</c>, <c>减2</c>). <see cref="ValueParser"/> reads values with them,
/// and the tokenizer's test of which words cannot be values (<see cref="MayStartValue"/>) is derived from the same lists.
/// </summary>
internal sealed class ValueWords
{
    private readonly string[] _yuan;
    private readonly string[] _tenThousandYuan;
    private readonly string[] _count;

    // Sign words, longest first: 增加 is tried before 增.
    private readonly (string Word, bool Negative)[] _signs;

    // The characters a unit or sign word starts with, one bit each: a word starting with any other ideograph is text.
    private readonly ulong[] _valueStarts = new ulong[(char.MaxValue + 1) / 64];

    public ValueWords(string[] yuan, string[] tenThousandYuan, string[] count, string[] increase, string[] decrease)
    {
        _yuan = yuan;
        _tenThousandYuan = tenThousandYuan;
        _count = count;
        var signs = new List<(string, bool)>();
        foreach (string word in increase)
            signs.Add((word, false));
        foreach (string word in decrease)
            signs.Add((word, true));
        signs.Sort(static (a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        _signs = signs.ToArray();
        foreach (var list in new[] { yuan, tenThousandYuan, count, increase, decrease })
            foreach (string word in list)
                _valueStarts[word[0] >> 6] |= 1UL << word[0];
    }

    /// <summary>The unit <paramref name="word"/> (a normalised word) names, or <see cref="ValueUnit.None"/>.</summary>
    public ValueUnit UnitOf(ReadOnlySpan<char> word)
    {
        if (Contains(_yuan, word))
            return ValueUnit.Yuan;
        if (Contains(_tenThousandYuan, word))
            return ValueUnit.TenThousandYuan;
        return Contains(_count, word) ? ValueUnit.Count : ValueUnit.None;
    }

    /// <summary>
    /// Whether <paramref name="word"/> starts with a sign word directly followed by a digit; if so its length and
    /// whether it makes the number negative.
    /// </summary>
    public bool StartsWithSign(ReadOnlySpan<char> word, out int length, out bool negative)
    {
        foreach (var (sign, isNegative) in _signs)
        {
            if (word.Length > sign.Length && word.StartsWith(sign.AsSpan(), StringComparison.Ordinal) && IsDigit(word[sign.Length]))
            {
                length = sign.Length;
                negative = isNegative;
                return true;
            }
        }

        length = 0;
        negative = false;
        return false;
    }

    /// <summary>
    /// Whether a word whose first character is the ideograph <paramref name="simplified"/> (in Simplified script)
    /// may be read as a value, a unit or a blank: only when a unit or sign word starts with it. Every other word
    /// starting with an ideograph is text, whatever follows.
    /// </summary>
    public bool MayStartValue(char simplified) => (_valueStarts[simplified >> 6] & (1UL << simplified)) != 0;

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (string candidate in words)
            if (word.SequenceEqual(candidate.AsSpan()))
                return true;
        return false;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
