using System;
using System.Runtime.CompilerServices;

namespace GovInfoReports.Extraction;

/// <summary>
/// The tokens stage: splits report text into cell-sized tokens with their positions. Cells are separated by tabs,
/// pipes and line breaks; inside a cell, words separated by spaces are values (read by <see cref="ValueParser"/>) or
/// text (consecutive text words form a run: one narrative token, or one token per word). Where a line's empty cells
/// are blank cells is decided by <see cref="RowLayout"/> once the line's cells are known.
/// </summary>
internal static class Tokenizer
{
    /// <summary>A run of text longer than this is narrative (a sentence or paragraph), never a label.</summary>
    private const int NarrativeLength = 80;

    /// <summary>A run of text at least this long that holds a full stop or semicolon is narrative.</summary>
    private const int SentenceLength = 30;

    /// <summary>A word longer than this is text: no value, unit or blank marker is printed so long.</summary>
    private const int MaxValueWordLength = 40;

    /// <summary>Appends the tokens of <paramref name="text"/> (the text of <paramref name="tokens"/>) to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, ValueWords words, TokenList tokens)
    {
        var fields = RowLayout.Fields.Rent();
        try
        {
            int lineNumber = 1;
            int position = 0;
            while (true)
            {
                int lineEnd = ScanLine<RawText>(text, position, text.Length, position, lineNumber, words, fields, tokens);
                if (lineEnd >= text.Length)
                    return;
                lineNumber++;
                position = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            }
        }
        finally
        {
            RowLayout.Fields.Return(fields);
        }
    }

    /// <summary>Tokenizes one line of text (a paragraph of a document) as <see cref="Tokenize"/> would.</summary>
    public static void TokenizeLine(string text, int start, int end, int lineNumber, ValueWords words, TokenList output)
    {
        var fields = RowLayout.Fields.Rent();
        try
        {
            // A paragraph is one line of the text view: a line break inside it (there is none) would end it early.
            ScanLine<RawText>(text, start, end, start, lineNumber, words, fields, output);
        }
        finally
        {
            RowLayout.Fields.Return(fields);
        }
    }

    /// <summary>Tokenizes one grid cell, <c>text[start..end]</c>: only spaces separate its words.</summary>
    public static void TokenizeCell(string text, int start, int end, int lineNumber, int lineStart, ValueWords words, TokenList output) =>
        ScanLine<OneCell>(text, start, end, lineStart, lineNumber, words, null, output);

    /// <summary>
    /// Tokenizes <c>text[from..]</c> up to the end of its line (a line break, or <paramref name="end"/>) in one pass:
    /// words are split and read as they are met, and cells end at separators (<typeparamref name="TBreaks"/>), each
    /// recorded in <paramref name="fields"/> for <see cref="RowLayout.FinishLine"/>. Returns where the line ends (its line
    /// break, or <paramref name="end"/>). Columns count from <paramref name="lineStart"/>.
    /// </summary>
    // Not inlined into its callers: inlined into Tokenize (and that into the reader), it left the JIT no inlining
    // budget for the small helpers of its loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanLine<TBreaks>(string text, int from, int end, int lineStart, int lineNumber, ValueWords words, RowLayout.Fields? fields, TokenList output)
        where TBreaks : struct, ICellBreaks
    {
        int lineFirstToken = output.Count;
        int cellStart = from, cellFirstToken = output.Count;
        var run = new TextRun(lineNumber, lineStart);
        fields?.Clear();
        int i = from;
        while (true)
        {
            char c = '\0';
            if (i >= end || TBreaks.EndsCell(c = text[i]))
            {
                run.Flush(text, output);
                if (!TBreaks.SplitsCells)
                    return end;
                fields!.Add(cellStart, i, cellFirstToken, output.Count - cellFirstToken);
                if (i >= end || c is '\n' or '\r')
                    break;
                i++;
                cellStart = i;
                cellFirstToken = output.Count;
                continue;
            }

            if (WordBreaks.IsSpace(c))
            {
                i++;
                continue;
            }

            if (c == '[' && ReportText.ArtefactEnd(text.AsSpan(0, TBreaks.CellEnd(text, i, end)), i) is var close && close > 0)
            {
                i = close + 1;
                continue;
            }

            int wordStart = i;
            i = WordBreaks.WordEnd<TBreaks>(text, i, end);
            if (!ReadValueWord(text, wordStart, i, words, ref run, output))
                run.Extend(wordStart, i);
        }

        if (fields!.Count > 1)
            RowLayout.FinishLine(text, lineStart, lineNumber, fields, output, lineFirstToken);
        return i;
    }

    /// <summary>
    /// Reads the word <c>text[wordStart..wordEnd]</c> as a value, a unit or note of the value before it, or a blank
    /// marker (<see cref="ValueParser.Classify"/>), and adds it; returns false when the word is text.
    /// </summary>
    private static bool ReadValueWord(string text, int wordStart, int wordEnd, ValueWords words, ref TextRun run, TokenList output)
    {
        var raw = text.AsSpan(wordStart, wordEnd - wordStart);
        int column = wordStart - run.LineStart + 1;
        if (ValueParser.TryReadPlainCount(raw, out int count))
        {
            run.Flush(text, output);
            output.Add(Token.Count(run.LineNumber, column, wordStart, raw.Length, count));
            return true;
        }

        if (raw.Length > MaxValueWordLength || ValueParser.IsTextByItsStart(raw[0], words))
            return false;
        return ReadOtherWord(text, wordStart, wordEnd, words, ref run, output);
    }

    /// <summary><see cref="ReadValueWord"/> of a word that is no plain count: normalised and classified.</summary>
    private static bool ReadOtherWord(string text, int wordStart, int wordEnd, ValueWords words, ref TextRun run, TokenList output)
    {
        var raw = text.AsSpan(wordStart, wordEnd - wordStart);
        var kind = ValueParser.Classify(raw, words, out var number);
        int column = wordStart - run.LineStart + 1;
        switch (kind)
        {
            case WordKind.Unit when run.IsEmpty && LastIsValueWithout(output, run.LineNumber, unit: true):
                output.SetUnit(output.Count - 1, number.Unit, end: wordEnd);
                return true;
            case WordKind.Note when run.IsEmpty && LastIsValueWithout(output, run.LineNumber, unit: false):
                output.SetNote(output.Count - 1, number.Note!, end: wordEnd);
                return true;
            case WordKind.Value:
                run.Flush(text, output);
                output.Add(number.IsPlainCount
                    ? Token.Count(run.LineNumber, column, wordStart, raw.Length, number.Int32)
                    : ValueToken(output, run.LineNumber, column, wordStart, raw.Length, number));
                return true;
            case WordKind.Blank:
            case WordKind.Unparseable:
                run.Flush(text, output);
                output.Add(new Token(kind == WordKind.Blank ? TokenKind.Blank : TokenKind.Unparseable, run.LineNumber, column, wordStart, raw.Length));
                return true;
            case WordKind.Nothing:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A value token for a number that is not a plain count: its exact value and note are kept in the list.</summary>
    private static Token ValueToken(TokenList output, int lineNumber, int column, int start, int length, in ParsedNumber number)
    {
        var flags = TokenFlags.None;
        if (number.Negative)
            flags |= TokenFlags.Negative;
        if (number.Signed)
            flags |= TokenFlags.Signed;
        if (number.IsInteger)
            flags |= TokenFlags.IsInteger;
        int int32 = 0;
        if (number.IsInteger && number.Value >= int.MinValue && number.Value <= int.MaxValue)
        {
            flags |= TokenFlags.FitsInt32;
            int32 = (int)number.Value;
        }

        return new Token(TokenKind.Value, lineNumber, column, start, length, output.AddDetail(number.Value, number.Note), flags, number.Unit, int32);
    }

    /// <summary>Whether the last token is a value of this line without a unit (or without a note), for a unit or note printed after it.</summary>
    private static bool LastIsValueWithout(TokenList output, int lineNumber, bool unit)
    {
        if (output.Count == 0)
            return false;
        ref readonly var last = ref output[output.Count - 1];
        return last.Kind == TokenKind.Value && last.Line == lineNumber && (unit ? last.Unit == ValueUnit.None : output.Note(in last) is null);
    }

    /// <summary>
    /// The text words of a cell not yet added: one narrative token for a sentence or paragraph, otherwise one token per
    /// word, each after the first marked as joined (the matcher reads <c>自然 人</c> as one label, or
    /// <c>行政复议 行政诉讼</c> as two).
    /// </summary>
    private struct TextRun
    {
        private int _start;
        private int _end;

        public TextRun(int lineNumber, int lineStart)
        {
            LineNumber = lineNumber;
            LineStart = lineStart;
            _start = -1;
            _end = -1;
        }

        public int LineNumber { get; }

        /// <summary>Where the line starts in the text (columns count from it).</summary>
        public int LineStart { get; }

        public readonly bool IsEmpty => _start < 0;

        public void Extend(int wordStart, int wordEnd)
        {
            if (_start < 0)
                _start = wordStart;
            _end = wordEnd;
        }

        public void Flush(string text, TokenList output)
        {
            if (_start < 0)
                return;
            int start = _start;
            _start = -1;
            var raw = text.AsSpan(start, _end - start);
            if (IsNarrative(raw))
            {
                output.Add(new Token(TokenKind.Text, LineNumber, start - LineStart + 1, start, raw.Length, -1, TokenFlags.Narrative));
                return;
            }

            bool joined = false;
            int i = start;
            while (i < _end)
            {
                while (i < _end && WordBreaks.IsSpace(text[i]))
                    i++;
                if (i >= _end)
                    break;
                if (text[i] == '[' && ReportText.ArtefactEnd(text.AsSpan(0, _end), i) is var close && close > 0)
                {
                    i = close + 1;
                    continue;
                }

                int wordStart = i;
                i = WordBreaks.WordEnd(text, i, _end);
                var key = ReportText.WordKeyOf(text.AsSpan(wordStart, i - wordStart));
                if (key.Length == 0)
                    continue;
                output.Add(new Token(TokenKind.Text, LineNumber, wordStart - LineStart + 1, wordStart, i - wordStart, output.AddKey(key), joined ? TokenFlags.Joined : TokenFlags.None));
                joined = true;
            }
        }

        private static bool IsNarrative(ReadOnlySpan<char> raw)
        {
            if (raw.Length > NarrativeLength)
                return true;
            if (raw.Length < SentenceLength)
                return false;
            return raw.IndexOf('。') >= 0 || raw.IndexOf('；') >= 0;
        }
    }
}
