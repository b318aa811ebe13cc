using System;
using System.Globalization;

namespace GovInfoReports.Extraction;

internal enum WordKind : byte
{
    /// <summary>Nothing to read: only artefacts and zero-width characters.</summary>
    Nothing,
    Text,
    Value,
    Blank,
    Unit,
    Note,
    Unparseable,
}

internal struct ParsedNumber
{
    public decimal Value;
    public bool Negative;
    public bool Signed;
    public bool IsInteger;
    public ValueUnit Unit;
    public string? Note;

    /// <summary>Set by the plain-digits path: the value fits <see cref="int"/> and is <see cref="Int32"/>.</summary>
    public bool FitsInt32;

    public int Int32;

    /// <summary>Plain digits that fit <see cref="int"/> (no sign, separator, fraction, unit or note): the commonest cell.</summary>
    public readonly bool IsPlainCount => FitsInt32 && !Signed && Unit == ValueUnit.None && Note is null;
}

/// <summary>
/// Reads one printed word as a cell value, a unit or note printed after one, a blank marker, or text. The one place
/// where a word's reading as a value is decided. Linear in the word, no regular expression.
/// </summary>
internal static class ValueParser
{
    /// <summary>
    /// Whether a word starting with <paramref name="first"/> is text whatever follows: an ideograph that starts no unit
    /// or sign word of <paramref name="words"/>. (Normalisation keeps an ideograph an ideograph, and maps it only to
    /// its Simplified form.) Most words of a report are decided by this test, without being normalised.
    /// </summary>
    public static bool IsTextByItsStart(char first, ValueWords words) =>
        ChineseScript.IsIdeograph(first) && !words.MayStartValue(ChineseScript.ToSimplified(first));

    /// <summary>
    /// The first step of <see cref="Classify"/>, for the commonest word of a table: one to nine plain ASCII digits, a count
    /// (plain ASCII digits are their own normal form, so the word is read without normalising it).
    /// </summary>
    public static bool TryReadPlainCount(ReadOnlySpan<char> raw, out int count)
    {
        count = 0;
        if (raw.Length == 0 || raw.Length > 9)
            return false;
        foreach (char c in raw)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
                return false;
            count = count * 10 + (int)digit;
        }

        return true;
    }

    /// <summary>Reads the printed word <paramref name="raw"/>, normalised first (<see cref="ReportText.Normalize"/>).</summary>
    public static WordKind Classify(ReadOnlySpan<char> raw, ValueWords words, out ParsedNumber number)
    {
        if (TryReadPlainCount(raw, out int count))
        {
            number = default;
            SetPlain(ref number, count);
            return WordKind.Value;
        }

        var word = ReportText.Word(raw).Trim();
        if (word.Length == 0)
        {
            number = default;
            // Only artefacts and zero-width characters; or &nbsp; (an HTML blank cell), which normalises to a space.
            return raw.IndexOf("&nbsp;".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0 ? WordKind.Nothing : WordKind.Blank;
        }

        return ClassifyNormalized(word, words, out number);
    }

    private static WordKind ClassifyNormalized(ReadOnlySpan<char> word, ValueWords words, out ParsedNumber number)
    {
        number = default;
        if (word.Length == 0 || IsBlankMarker(word))
            return WordKind.Blank;
        if (word.Length <= MaxPlainDigits && TryPlainInteger(word, out long plain))
        {
            SetPlain(ref number, plain);
            return WordKind.Value;
        }

        if (words.UnitOf(word) is var wordUnit && wordUnit != ValueUnit.None && wordUnit != ValueUnit.Count)
        {
            number.Unit = wordUnit;
            return WordKind.Unit;
        }

        if (word[0] == '(' && word[word.Length - 1] == ')')
        {
            number.Note = word.Slice(1, word.Length - 2).ToString();
            return WordKind.Note;
        }

        int digitsStart = ReadSign(word, words, ref number);
        if (digitsStart >= word.Length || !IsDigit(word[digitsStart]))
            return WordKind.Text;
        int digitsEnd = NumberEnd(word, digitsStart, out bool grouped, out int firstGroup);
        if (grouped && firstGroup > 3)
            return WordKind.Unparseable;
        var kind = ReadUnitAndNote(word.Slice(digitsEnd), words, ref number);
        return kind == WordKind.Value ? ReadDigits(word.Slice(digitsStart, digitsEnd - digitsStart), ref number) : kind;
    }

    /// <summary>A sign before the digits (<c>+</c>, <c>-</c>, or a sign word: <c>增加3</c>); returns where the digits start.</summary>
    private static int ReadSign(ReadOnlySpan<char> word, ValueWords words, ref ParsedNumber number)
    {
        if (word[0] == '+' || word[0] == '-')
        {
            number.Signed = true;
            number.Negative = word[0] == '-';
            return 1;
        }

        if (!words.StartsWithSign(word, out int signLength, out bool negative))
            return 0;
        number.Signed = true;
        number.Negative = negative;
        return signLength;
    }

    /// <summary>
    /// The end of the number starting at <paramref name="start"/>: an integer part with optional thousands separators in
    /// groups of three (<paramref name="firstGroup"/> digits before the first), then an optional fraction.
    /// </summary>
    private static int NumberEnd(ReadOnlySpan<char> word, int start, out bool grouped, out int firstGroup)
    {
        int i = start;
        while (i < word.Length && IsDigit(word[i]))
            i++;
        firstGroup = i - start;
        grouped = false;
        while (i < word.Length && word[i] == ',' && AllDigits(word, i + 1, 3) && (i + 4 == word.Length || !IsDigit(word[i + 4])))
        {
            grouped = true;
            i += 4;
        }

        if (i + 1 < word.Length && word[i] == '.' && IsDigit(word[i + 1]))
        {
            i++;
            while (i < word.Length && IsDigit(word[i]))
                i++;
        }

        return i;
    }

    /// <summary>What follows the number: nothing, a unit, a bracketed note, or (then no value) text or garbage.</summary>
    private static WordKind ReadUnitAndNote(ReadOnlySpan<char> rest, ValueWords words, ref ParsedNumber number)
    {
        if (rest.Length == 0)
            return WordKind.Value;
        // A list number (1.属于…, 3、…) or a clause number (1)…): text.
        if (rest[0] is '.' or '、' or ')' or ':')
            return WordKind.Text;
        if (rest[0] == ',')
            return WordKind.Unparseable;
        int noteStart = rest.IndexOf('(');
        var unitPart = noteStart >= 0 ? rest.Slice(0, noteStart) : rest;
        if (unitPart.Length > 0)
        {
            var unit = words.UnitOf(unitPart);
            if (unit == ValueUnit.None)
                return IsAscii(rest) && rest.Length <= 3 ? WordKind.Unparseable : WordKind.Text;
            number.Unit = unit;
        }

        if (noteStart < 0)
            return WordKind.Value;
        var note = rest.Slice(noteStart);
        if (note[note.Length - 1] != ')')
            return WordKind.Text;
        number.Note = note.Slice(1, note.Length - 2).ToString();
        return WordKind.Value;
    }

    /// <summary>The value of <paramref name="digits"/> (separators dropped), signed; a zero fraction keeps it whole.</summary>
    private static WordKind ReadDigits(ReadOnlySpan<char> digits, ref ParsedNumber number)
    {
        Span<char> buffer = stackalloc char[digits.Length];
        int length = 0;
        bool fraction = false, fractionNonZero = false;
        foreach (char c in digits)
        {
            if (c == ',')
                continue;
            fractionNonZero |= fraction && c != '0';
            fraction |= c == '.';
            buffer[length++] = c;
        }

        if (!decimal.TryParse(buffer.Slice(0, length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            return WordKind.Unparseable;
        number.Value = number.Negative ? -value : value;
        number.IsInteger = !fractionNonZero;
        if (number.IsInteger && fraction)
            number.Value = decimal.Truncate(number.Value);
        return WordKind.Value;
    }

    public static bool IsBlankMarker(ReadOnlySpan<char> word) => word is "-" or "--" or "—" or "——" or "–" or "/" or "\\" or "…" or "..." or "……" or "&nbsp;" or "─" or "―";

    /// <summary>Plain digits up to this many are read as a whole number (a <see cref="long"/>); longer ones as a decimal.</summary>
    private const int MaxPlainDigits = 18;

    /// <summary>A count written as plain digits.</summary>
    private static void SetPlain(ref ParsedNumber number, long plain)
    {
        number.Value = plain;
        number.IsInteger = true;
        if (plain <= int.MaxValue)
        {
            number.FitsInt32 = true;
            number.Int32 = (int)plain;
        }
    }

    private static bool TryPlainInteger(ReadOnlySpan<char> word, out long value)
    {
        value = 0;
        foreach (char c in word)
        {
            if (!IsDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }

        return true;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool AllDigits(ReadOnlySpan<char> word, int start, int count)
    {
        if (start + count > word.Length)
            return false;
        for (int i = start; i < start + count; i++)
            if (!IsDigit(word[i]))
                return false;
        return true;
    }

    private static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (c >= 0x80)
                return false;
        return true;
    }
}
