using System;
using System.Buffers;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GovInfoReports.Extraction;

/// <summary>
/// Splits report text into cell-sized tokens with their positions. Cells are separated by tabs, pipes and line
/// breaks; inside a cell, words separated by spaces are numbers or text (consecutive text words form one token).
/// Empty cells count as blank only where the layout makes them positional: between two numbers of one line, or
/// before the numbers of a line that has no label. An empty cell between a label and a number may be the second
/// column of a merged label, so it is not a cell.
/// </summary>
internal static class Tokenizer
{
    private const int NarrativeLength = 80;

    /// <summary>Appends the tokens of <paramref name="text"/> (the text of <paramref name="tokens"/>) to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, TokenList tokens)
    {
        // One pass: each line is scanned once, its cells and words found as it goes (see ScanLine).
        var scratch = Scratch.Rent();
        try
        {
            int lineNumber = 1;
            int position = 0;
            while (true)
            {
                int lineEnd = ScanLine<RawText>(text, position, text.Length, position, lineNumber, scratch, tokens);
                if (lineEnd >= text.Length)
                    return;
                lineNumber++;
                position = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            }
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    /// <summary>Tokenizes one line of text (a paragraph of a document) as <see cref="Tokenize(string, TokenList)"/> would.</summary>
    public static void TokenizeLine(string text, int start, int end, int lineNumber, TokenList output)
    {
        var scratch = Scratch.Rent();
        try
        {
            // A paragraph is one line of the text view: a line break inside it (there is none) would end it early.
            ScanLine<RawText>(text, start, end, start, lineNumber, scratch, output);
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    /// <summary>What ends a cell: a separator or line break in raw text; nothing inside one grid cell of a document.</summary>
    private interface ICellBreaks
    {
        /// <summary>Whether <paramref name="c"/> ends the cell (never a space).</summary>
        static abstract bool EndsCell(char c);

        /// <summary>Where the cell holding <paramref name="from"/> ends.</summary>
        static abstract int CellEnd(string text, int from, int end);
    }

    /// <summary>Raw text: tabs, pipes and full-width pipes separate cells; line breaks end the line.</summary>
    private readonly struct RawText : ICellBreaks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool EndsCell(char c) => c is '\n' or '\r' or '\t' or '|' or '｜';

        public static int CellEnd(string text, int from, int end) => NextStructural(text, from, end);
    }

    /// <summary>The text of one grid cell: only spaces separate its words.</summary>
    private readonly struct OneCell : ICellBreaks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool EndsCell(char c) => false;

        public static int CellEnd(string text, int from, int end) => end;
    }

    /// <summary>
    /// The index of the first line break or cell separator (tab, pipe, full-width pipe) in
    /// <c>text[from..end]</c>, or <paramref name="end"/>.
    /// </summary>
    private static int NextStructural(string text, int from, int end)
    {
        int next = text.AsSpan(from, end - from).IndexOfAny(Structural);
        return next < 0 ? end : from + next;
    }

    /// <summary>
    /// Tokenizes <c>text[from..]</c> up to the end of its line (a line break, or <paramref name="end"/>) in one pass:
    /// words are split and read as they are met, cells end at separators (<typeparamref name="TBreaks"/>), and a row
    /// line gets its blank cells once its cells are known. Returns where the line ends (its line break, or
    /// <paramref name="end"/>). Columns count from <paramref name="lineStart"/>.
    /// </summary>
    // Not inlined into its callers: inlined into Tokenize (and that into the reader), it left the JIT no inlining
    // budget for the small helpers of its loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanLine<TBreaks>(string text, int from, int end, int lineStart, int lineNumber, Scratch? scratch, TokenList output)
        where TBreaks : struct, ICellBreaks
    {
        // The hot loop: spaces, plain counts and text words. Everything else (signed or decimal numbers, units, notes,
        // blank markers, artefacts) goes to OtherWord, kept out of this frame so the loop stays small.
        int lineFirstToken = output.Count;
        int fieldFirstToken = output.Count;
        int fieldCount = 0;
        // What FinishRow would find, told cheaply as the cells close (it checks exactly, and runs only when one says so):
        // whether a blank cell may go between the tokens (an empty cell between two numbers, or before the numbers of a
        // line that starts with one), and whether the line may be a markdown rule (every word starts with - or :).
        // Kept in one variable of flags (see RowState), as the loop's other locals fill the registers.
        int nonEmpty = 0;
        var state = RowState.MaybeRule;
        int textStart = -1, textEnd = -1;
        int i = from;
        char c = '\0';
        while (true)
        {
            if (i >= end || TBreaks.EndsCell(c = text[i]))
            {
                if (textStart >= 0)
                    FlushText(text, ref textStart, textEnd, lineNumber, lineStart, output, (state & RowState.OneWordRun) != 0);
                if (scratch is null)
                    return end;
                fieldCount++;
                if (output.Count == fieldFirstToken)
                {
                    state |= RowState.EmptyPending;
                }
                else
                {
                    nonEmpty++;
                    if ((state & RowState.EmptyPending) != 0 && output[fieldFirstToken].IsSlot && (nonEmpty == 1 || (state & RowState.EndsWithSlot) != 0))
                        state |= RowState.Blanks;
                    state &= ~(RowState.EmptyPending | RowState.EndsWithSlot);
                    if (output[output.Count - 1].IsSlot)
                        state |= RowState.EndsWithSlot;
                }

                if (i >= end || c is '\n' or '\r')
                    break;
                i++;
                fieldFirstToken = output.Count;
                continue;
            }

            if (IsSpace(c))
            {
                i++;
                continue;
            }

            int wordStart = i;
            state |= RowState.AnyWord;
            if (c is not ('-' or ':'))
                state &= ~RowState.MaybeRule;
            if ((uint)(c - '0') <= 9)
            {
                // The commonest word by far: a count in plain ASCII digits (what ValueParser reads it as, directly).
                int value = c - '0';
                int j = i + 1;
                while (j < end && j - i < 10 && (uint)(text[j] - '0') <= 9)
                    value = value * 10 + (text[j++] - '0');
                if (j - i <= 9 && (j >= end || IsSpace(text[j]) || TBreaks.EndsCell(text[j])))
                {
                    if (textStart >= 0)
                        FlushText(text, ref textStart, textEnd, lineNumber, lineStart, output, (state & RowState.OneWordRun) != 0);
                    AddCount(output, lineNumber, wordStart - lineStart + 1, wordStart, j - i, value);
                    i = j;
                    continue;
                }

                // A list number before a label (1.属于国家秘密, 3、不予公开): text, as ValueParser reads it (after the
                // digits comes '.' or '、' and then no digit), without normalising the word to find out.
                if (j < end - 1 && text[j] is '.' or '、' && ChineseScript.IsIdeograph(text[j + 1]))
                {
                    i = WordEnd<TBreaks>(text, j + 1, end);
                    state = textStart < 0 ? state | RowState.OneWordRun : state & ~RowState.OneWordRun;
                    if (textStart < 0)
                        textStart = wordStart;
                    textEnd = i;
                    continue;
                }
            }
            else if (c == '[')
            {
                int close = ReportText.ArtefactEnd(text.AsSpan(0, TBreaks.CellEnd(text, i, end)), i);
                if (close > 0)
                {
                    i = close + 1;
                    continue;
                }
            }

            i = WordEnd<TBreaks>(text, i, end);

            // Long words are text (labels or narrative), and so is a word that starts with an ideograph that starts no
            // sign, unit or number (most words of a report).
            if (i - wordStart > 40 || StartsAsText(c) || !OtherWord(text, wordStart, i, lineNumber, lineStart, ref textStart, textEnd, output))
            {
                state = textStart < 0 ? state | RowState.OneWordRun : state & ~RowState.OneWordRun;
                if (textStart < 0)
                    textStart = wordStart;
                textEnd = i;
            }
        }

        const RowState rule = RowState.AnyWord | RowState.MaybeRule;
        if (fieldCount > 1 && ((state & rule) == rule || ((state & RowState.Blanks) != 0 && nonEmpty >= 2)))
            FinishRow(text, from, i, lineNumber, scratch, output, lineFirstToken);
        return i;
    }

    [Flags]
    private enum RowState
    {
        None = 0,

        /// <summary>An empty cell since the last cell with tokens.</summary>
        EmptyPending = 1,

        /// <summary>The last cell with tokens ends with a number or blank.</summary>
        EndsWithSlot = 2,

        /// <summary>A blank cell may go between the tokens.</summary>
        Blanks = 4,

        /// <summary>The line has a word.</summary>
        AnyWord = 8,

        /// <summary>Every word so far starts with - or : (a markdown rule's cells).</summary>
        MaybeRule = 16,

        /// <summary>The pending run of text words is one word (the commonest label cell).</summary>
        OneWordRun = 32,
    }

    /// <summary>Per-thread buffers of the tokenizer: a line's cells, and a line's tokens when blank cells go between them.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_scratch;

        public Field[] Fields = new Field[64];
        public Token[] LineTokens = new Token[64];
        private bool[] _flags = new bool[64];

        /// <summary>A buffer of <paramref name="count"/> flags (not cleared).</summary>
        public Span<bool> Flags(int count)
        {
            if (_flags.Length < count)
                _flags = new bool[Math.Max(count, _flags.Length * 2)];
            return _flags.AsSpan(0, count);
        }

        public static Scratch Rent()
        {
            var scratch = t_scratch ?? new Scratch();
            t_scratch = null;
            return scratch;
        }

        public static void Return(Scratch scratch)
        {
            if (scratch.Fields.Length <= 4096 && scratch.LineTokens.Length <= 4096 && scratch._flags.Length <= 4096)
                t_scratch = scratch;
        }

        /// <summary>Copies <c>tokens[start..]</c> aside (to be re-laid with blank cells between them) and drops them from the list.</summary>
        public ReadOnlySpan<Token> TakeFrom(TokenList tokens, int start)
        {
            int count = tokens.Count - start;
            if (LineTokens.Length < count)
                LineTokens = new Token[Math.Max(count, LineTokens.Length * 2)];
            tokens.AsSpan().Slice(start).CopyTo(LineTokens);
            tokens.Truncate(start);
            return LineTokens.AsSpan(0, count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddField(int start, int end, int firstToken, int tokenCount, int index)
        {
            if (index == Fields.Length)
                Array.Resize(ref Fields, Fields.Length * 2);
            Fields[index] = new Field { Start = start, End = end, FirstToken = firstToken, TokenCount = tokenCount };
        }
    }

    /// <summary>
    /// Tokenizes one grid row of a document table, whose line in the text view holds one tab-separated field per grid
    /// column. The grid says what text cannot: a position covered by a merged cell is no cell, and an empty cell is a
    /// blank cell exactly when it lies right of the row's label (or the row has no label). In a row without any
    /// number its blanks are <see cref="Token.Implied"/>.
    /// </summary>
    public static void TokenizeGridRow(string text, int start, int end, int lineNumber, Documents.DocumentTable table, int row, TokenList output)
    {
        int columns = table.ColumnCount;
        var firstToken = new int[columns];
        var tokenCount = new int[columns];
        var fieldStart = new int[columns];
        int rowStart = output.Count;
        int position = start;
        int labelEnd = -1;
        bool sawSlot = false, hasSlot = false;
        for (int c = 0; c < columns; c++)
        {
            int fieldEnd = position;
            while (fieldEnd < end && text[fieldEnd] != '\t')
                fieldEnd++;
            fieldStart[c] = position;
            firstToken[c] = output.Count;
            var cell = table[row, c];
            if (cell is not null && cell.Row == row && cell.Column == c && fieldEnd > position)
                TokenizeField(text, position, fieldEnd, lineNumber, start, output);
            tokenCount[c] = output.Count - firstToken[c];
            if (tokenCount[c] > 0)
            {
                if (output[firstToken[c]].IsSlot)
                    sawSlot = true;
                else if (!sawSlot)
                    labelEnd = c;
                for (int t = firstToken[c]; t < output.Count; t++)
                    hasSlot |= output[t].IsSlot;
            }

            position = fieldEnd + 1;
        }

        bool anyBlank = false;
        for (int c = labelEnd + 1; c < columns && !anyBlank; c++)
            anyBlank = tokenCount[c] == 0 && IsOwnCell(table, row, c);
        if (!anyBlank)
            return;

        // Blank cells go between the tokens: the row's tokens are set aside and laid out again, column by column.
        var scratch = Scratch.Rent();
        try
        {
            var cells = scratch.TakeFrom(output, rowStart);
            for (int c = 0; c < columns; c++)
            {
                if (tokenCount[c] > 0)
                {
                    foreach (var token in cells.Slice(firstToken[c] - rowStart, tokenCount[c]))
                        output.Add(token);
                    continue;
                }

                if (c > labelEnd && IsOwnCell(table, row, c))
                    output.Add(new Token(TokenKind.Blank, lineNumber, fieldStart[c] - start + 1, fieldStart[c], 0, -1, hasSlot ? TokenFlags.None : TokenFlags.Implied));
            }
        }
        finally
        {
            Scratch.Return(scratch);
        }

        static bool IsOwnCell(Documents.DocumentTable table, int row, int column) =>
            table[row, column] is { } cell && cell.Row == row && cell.Column == column;
    }

    private struct Field
    {
        public int Start;
        public int End;
        public int FirstToken;
        public int TokenCount;
        public bool Empty => TokenCount == 0;
    }

    /// <summary>
    /// The end of a line of several cells (<c>text[start..end]</c>), tokenized: a markdown rule is dropped, and the blank
    /// cells of a row line go between its tokens. Called only for a line that may be either (see ScanLine), so its cells
    /// are found again here rather than recorded for every line.
    /// </summary>
    private static void FinishRow(string text, int start, int end, int lineNumber, Scratch scratch, TokenList output, int lineStart)
    {
        // The cells, and each one's tokens: those that start in it (a line's tokens are in text order).
        var tokens = output.AsSpan();
        int fieldCount = 0, fieldStart = start, nextToken = lineStart;
        for (int i = start; ; i++)
        {
            if (i < end && !RawText.EndsCell(text[i]))
                continue;
            int firstToken = nextToken;
            while (nextToken < tokens.Length && tokens[nextToken].Start < i)
                nextToken++;
            scratch.AddField(fieldStart, i, firstToken, nextToken - firstToken, fieldCount++);
            if (i >= end)
                break;
            fieldStart = i + 1;
        }

        var fields = scratch.Fields.AsSpan(0, fieldCount);
        if (IsMarkdownRule(text, fields))
        {
            output.Remove(lineStart);
            return;
        }

        // The border pipe of a markdown or HTML-dump row is not an empty first cell.
        if (text[fields[0].End] is '|' or '｜' && IsBlank(text, fields[0]))
            fields = fields.Slice(1);

        int nonEmpty = 0;
        foreach (ref readonly var field in fields)
            if (!field.Empty)
                nonEmpty++;
        if (nonEmpty < 2)
            return;

        // A row line: empty cells between numbers, and before the numbers of a line without a label, are blank cells.
        int first = -1, last = -1;
        for (int f = 0; f < fields.Length; f++)
        {
            if (fields[f].Empty)
                continue;
            if (first < 0)
                first = f;
            last = f;
        }

        var written = output.AsSpan();
        bool leadingBlanks = written[fields[first].FirstToken].IsSlot;
        // Whether the nearest non-empty cell before / after each empty cell ends / starts with a number.
        var nextIsSlot = scratch.Flags(fields.Length);
        bool next = false;
        for (int f = fields.Length - 1; f >= 0; f--)
        {
            nextIsSlot[f] = next;
            if (!fields[f].Empty)
                next = written[fields[f].FirstToken].IsSlot;
        }

        // Between a label and a number an empty cell may be the second column of a merged label:
        // only an empty cell between two numbers, or before the numbers of a line without label, is positional.
        bool anyBlank = false;
        bool previousIsSlot = false;
        for (int f = 0; f <= last && !anyBlank; f++)
        {
            ref readonly var field = ref fields[f];
            if (!field.Empty)
                previousIsSlot = written[field.FirstToken + field.TokenCount - 1].IsSlot;
            else
                anyBlank = f < first ? leadingBlanks : previousIsSlot && nextIsSlot[f];
        }

        if (!anyBlank)
            return;

        var lineTokens = scratch.TakeFrom(output, lineStart);
        previousIsSlot = false;
        for (int f = 0; f < fields.Length; f++)
        {
            ref readonly var field = ref fields[f];
            int firstToken = field.FirstToken - lineStart;
            if (!field.Empty)
            {
                for (int t = 0; t < field.TokenCount; t++)
                    output.Add(lineTokens[firstToken + t]);
                previousIsSlot = lineTokens[firstToken + field.TokenCount - 1].IsSlot;
                continue;
            }

            if (f > last)
                break;

            bool blank = f < first ? leadingBlanks : previousIsSlot && nextIsSlot[f];
            if (blank)
                output.Add(new Token(TokenKind.Blank, lineNumber, field.Start - start + 1, field.Start, 0));
        }
    }

    private static bool IsBlank(string text, Field field)
    {
        for (int i = field.Start; i < field.End; i++)
            if (!IsSpace(text[i]))
                return false;
        return true;
    }

    private static bool IsMarkdownRule(string text, ReadOnlySpan<Field> fields)
    {
        int rules = 0;
        foreach (var field in fields)
        {
            // Most lines are no rule: the first visible character of a cell tells at once. (Inside a cell IsSpace is
            // char.IsWhiteSpace: tabs and line breaks end cells.)
            int first = field.Start, last = field.End;
            while (first < last && IsSpace(text[first]))
                first++;
            if (first == last)
                continue;
            if (text[first] is not ('-' or ':'))
                return false;
            while (IsSpace(text[last - 1]))
                last--;
            int dashes = 0;
            for (int i = first; i < last; i++)
            {
                if (text[i] == '-')
                    dashes++;
                else if (text[i] != ':')
                    return false;
            }

            if (dashes < 3)
                return false;
            rules++;
        }

        return rules > 0;
    }

    /// <summary>Tokenizes one grid cell, <c>text[start..end]</c>: only spaces separate its words.</summary>
    private static void TokenizeField(string text, int start, int end, int lineNumber, int lineStart, TokenList output) =>
        ScanLine<OneCell>(text, start, end, lineStart, lineNumber, null, output);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddCount(TokenList output, int lineNumber, int column, int start, int length, int count) =>
        output.Add(Token.Count(lineNumber, column, start, length, count));

    /// <summary>
    /// Reads a word that is not a plain count and may not be text: a number, a unit or note after a number, a blank
    /// marker. Returns false when the word is text (it then extends the current text run).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OtherWord(string text, int wordStart, int i, int lineNumber, int lineStart, ref int textStart, int textEnd, TokenList output)
    {
        var raw = text.AsSpan(wordStart, i - wordStart);
        var word = ReportText.Word(raw).Trim();
        if (word.Length == 0)
        {
            // Only artefacts and zero-width characters, or &nbsp; (an HTML blank cell).
            if (raw.IndexOf("&nbsp;".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0)
                return true;
            word = "&nbsp;".AsSpan();
        }

        var kind = ValueParser.Classify(word, out var number);
        switch (kind)
        {
            case WordKind.Unit when LastIsValueWithout(output, lineNumber, textStart, unit: true):
                output.SetUnit(output.Count - 1, number.Unit, end: i);
                return true;
            case WordKind.Note when LastIsValueWithout(output, lineNumber, textStart, unit: false):
                output.SetNote(output.Count - 1, word.Slice(1, word.Length - 2).ToString(), end: i);
                return true;
            case WordKind.Value:
            case WordKind.Blank:
            case WordKind.Unparseable:
                FlushText(text, ref textStart, textEnd, lineNumber, lineStart, output);
                int column = wordStart - lineStart + 1;
                output.Add(kind switch
                {
                    WordKind.Value => ValueToken(output, lineNumber, column, wordStart, raw.Length, number),
                    WordKind.Blank => new Token(TokenKind.Blank, lineNumber, column, wordStart, raw.Length),
                    _ => new Token(TokenKind.Unparseable, lineNumber, column, wordStart, raw.Length),
                });
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
        if (number.FitsInt32)
        {
            flags |= TokenFlags.FitsInt32;
            int32 = number.Int32;
        }
        else if (number.IsInteger && number.Value >= int.MinValue && number.Value <= int.MaxValue)
        {
            flags |= TokenFlags.FitsInt32;
            int32 = (int)number.Value;
        }

        return new Token(TokenKind.Value, lineNumber, column, start, length, output.AddDetail(number.Value, number.Note), flags, number.Unit, int32);
    }

    private static bool LastIsValueWithout(TokenList output, int lineNumber, int textStart, bool unit)
    {
        if (textStart >= 0 || output.Count == 0)
            return false;
        ref readonly var last = ref output[output.Count - 1];
        return last.Kind == TokenKind.Value && last.Line == lineNumber && (unit ? last.Unit == ValueUnit.None : output.Note(in last) is null);
    }

    /// <summary>
    /// Emits a run of text words: one narrative token for a sentence or paragraph, otherwise one token per word,
    /// each after the first marked as joined (the matcher reads <c>自然 人</c> as one label, or
    /// <c>行政复议 行政诉讼</c> as two).
    /// </summary>
    private static void FlushText(string text, ref int textStart, int textEnd, int lineNumber, int lineStart, TokenList output, bool oneWord = false)
    {
        if (textStart < 0)
            return;
        var raw = text.AsSpan(textStart, textEnd - textStart);
        int runStart = textStart;
        textStart = -1;
        if (IsNarrative(raw))
        {
            output.Add(new Token(TokenKind.Text, lineNumber, runStart - lineStart + 1, runStart, raw.Length, -1, TokenFlags.Narrative));
            return;
        }

        if (oneWord && raw[0] != '[')
        {
            // The run is the one word the scan found (no space in it): keyed as the loop below would, without splitting
            // it again.
            var wordKey = ReportText.WordKeyOf(raw);
            if (wordKey.Length > 0)
                output.Add(new Token(TokenKind.Text, lineNumber, runStart - lineStart + 1, runStart, raw.Length, output.AddKey(wordKey)));
            return;
        }

        bool joined = false;
        int i = runStart;
        while (i < textEnd)
        {
            while (i < textEnd && IsSpace(text[i]))
                i++;
            if (i >= textEnd)
                break;
            if (text[i] == '[' && ReportText.ArtefactEnd(text.AsSpan(0, textEnd), i) is var close && close > 0)
            {
                i = close + 1;
                continue;
            }

            int wordStart = i;
            i = WordEnd(text, i, textEnd);
            var word = text.AsSpan(wordStart, i - wordStart);
            var key = ReportText.WordKeyOf(word);
            if (key.Length == 0)
                continue;
            output.Add(new Token(TokenKind.Text, lineNumber, wordStart - lineStart + 1, wordStart, word.Length, output.AddKey(key), joined ? TokenFlags.Joined : TokenFlags.None));
            joined = true;
        }
    }

    /// <summary>Whether a word is text whatever follows its first character: an ideograph that starts no sign, unit or number.</summary>
    private static bool StartsAsText(char first)
    {
        // Folding changes no ideograph, and Traditional → Simplified maps ideographs to ideographs.
        if (!ChineseScript.IsIdeograph(first))
            return false;
        return ChineseScript.ToSimplified(first) is not ('增' or '减' or '元' or '万' or '件' or '项' or '个' or '次' or '条' or '家');
    }

    /// <summary>A word of one to nine ASCII digits (no sign, separator or unit), and its value.</summary>
    private static bool IsPlainCount(ReadOnlySpan<char> raw, out int value)
    {
        value = 0;
        if (raw.Length > 9)
            return false;
        foreach (char c in raw)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
                return false;
            value = value * 10 + (int)digit;
        }

        return true;
    }

    private static bool IsNarrative(ReadOnlySpan<char> raw)
    {
        if (raw.Length > NarrativeLength)
            return true;
        if (raw.Length < 30)
            return false;
        return raw.IndexOf('。') >= 0 || raw.IndexOf('；') >= 0;
    }

    /// <summary>The end of the word starting at <paramref name="start"/> (the next space, the end of the cell, or <paramref name="end"/>).</summary>
    private static int WordEnd<TBreaks>(string text, int start, int end)
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

    /// <summary>The end of the word starting at <paramref name="start"/> (the next space, or <paramref name="end"/>).</summary>
    private static int WordEnd(string text, int start, int end) => WordEnd<OneCell>(text, start, end);

    /// <summary>Exactly the characters <see cref="IsSpace"/> accepts (built from it).</summary>
    private static readonly ulong[] SpaceBits = BuildSpaceBits();

    private static readonly SearchValues<char> Structural = SearchValues.Create("\n\r\t|｜");

    // Most characters of a report are ideographs (U+3400 on), above every white space of Unicode (the last is U+3000).
    // Below that a bit table says it: line breaks and tabs are handled before words are split, so they are no space here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= '\u3000' && (SpaceBits[c >> 6] & (1UL << c)) != 0;

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
