using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GovInfoReports.Extraction;

/// <summary>What ends a cell: a separator or line break in raw text; nothing inside one grid cell of a document.</summary>
internal interface ICellBreaks
{
    /// <summary>Whether a line is split into cells (raw text), or is one cell (a grid cell's text).</summary>
    static abstract bool SplitsCells { get; }

    /// <summary>Whether <paramref name="c"/> ends the cell (never a space).</summary>
    static abstract bool EndsCell(char c);

    /// <summary>Where the cell holding <paramref name="from"/> ends.</summary>
    static abstract int CellEnd(string text, int from, int end);
}

/// <summary>Raw text: tabs, pipes and full-width pipes separate cells; line breaks end the line.</summary>
internal readonly struct RawText : ICellBreaks
{
    private static readonly SearchValues<char> Structural = SearchValues.Create("\n\r\t|｜");

    public static bool SplitsCells => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EndsCell(char c) => c is '\n' or '\r' or '\t' or '|' or '｜';

    public static int CellEnd(string text, int from, int end)
    {
        int next = text.AsSpan(from, end - from).IndexOfAny(Structural);
        return next < 0 ? end : from + next;
    }
}

/// <summary>The text of one grid cell: only spaces separate its words.</summary>
internal readonly struct OneCell : ICellBreaks
{
    public static bool SplitsCells => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EndsCell(char c) => false;

    public static int CellEnd(string text, int from, int end) => end;
}

/// <summary>Where words end: at a space (any of Unicode's, but line breaks and tabs, which end cells first) or at the end of a cell.</summary>
internal static class WordBreaks
{
    /// <summary>Exactly the characters <see cref="IsSpace"/> accepts (built from it).</summary>
    private static readonly ulong[] SpaceBits = BuildSpaceBits();

    // Most characters of a report are ideographs (U+3400 on), above every white space of Unicode (the last is U+3000).
    // Below that a bit table says it: line breaks and tabs are handled before words are split, so they are no space here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c <= '\u3000' && (SpaceBits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The end of the word starting at <paramref name="start"/> (the next space, the end of the cell, or <paramref name="end"/>).</summary>
    public static int WordEnd<TBreaks>(string text, int start, int end)
        where TBreaks : struct, ICellBreaks
    {
        // Short words (numbers, most labels) end within a few characters; a paragraph is searched vectorised.
        int i = start;
        int quick = Math.Min(end, start + 16);
        while (i < quick)
        {
            char c = text[i];
            if (IsSpace(c) || TBreaks.EndsCell(c))
                return i;
            i++;
        }

        if (i >= end)
            return end;
        return NextBreak<TBreaks>(text, i, end);
    }

    /// <summary>The end of the word starting at <paramref name="start"/> (the next space, or <paramref name="end"/>).</summary>
    public static int WordEnd(string text, int start, int end) => WordEnd<OneCell>(text, start, end);

    /// <summary>
    /// The index of the first space or end of cell in <c>text[from..end]</c>, or <paramref name="end"/>: eight characters
    /// at a time, by a coarse test that every such character passes (a control character or space, a pipe, a character
    /// from U+0080 to U+3000 where Unicode's other spaces lie, a full-width pipe), checked exactly where it hits. Chinese
    /// text passes it only at a few punctuation marks (“” — …), so a paragraph is crossed in a few steps.
    /// </summary>
    private static int NextBreak<TBreaks>(string text, int from, int end)
        where TBreaks : struct, ICellBreaks
    {
        int i = from;
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var space = Vector128.Create((ushort)' ');
            var pipe = Vector128.Create((ushort)'|');
            var wide = Vector128.Create((ushort)'｜');
            var nonAscii = Vector128.Create((ushort)0x80);
            var spaceRange = Vector128.Create((ushort)(0x3000 - 0x80));
            while (i <= end - Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                var hits = Vector128.LessThanOrEqual(chars, space) | Vector128.Equals(chars, pipe) | Vector128.Equals(chars, wide)
                    | Vector128.LessThanOrEqual(chars - nonAscii, spaceRange);
                uint mask = hits.ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int at = i + BitOperations.TrailingZeroCount(mask);
                    char c = text[at];
                    if (IsSpace(c) || TBreaks.EndsCell(c))
                        return at;
                    mask &= mask - 1;
                }

                i += Vector128<ushort>.Count;
            }
        }

        for (; i < end; i++)
        {
            char c = text[i];
            if (IsSpace(c) || TBreaks.EndsCell(c))
                return i;
        }

        return end;
    }

    private static ulong[] BuildSpaceBits()
    {
        var bits = new ulong[0x3000 / 64 + 1];
        for (int c = 0; c <= 0x3000; c++)
        {
            bool space = c <= ' ' ? c is ' ' or '\v' or '\f' : c == '\u3000' || c == '\u00A0' || (c > 0x7F && char.IsWhiteSpace((char)c));
            if (space)
                bits[c >> 6] |= 1UL << c;
        }

        return bits;
    }
}
