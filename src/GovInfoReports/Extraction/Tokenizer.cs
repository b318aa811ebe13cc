using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
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
        // One scan finds line breaks and cell separators alike; each line is tokenized once its cells are known.
        var scratch = Scratch.Rent();
        try
        {
            int lineNumber = 1;
            int lineStart = 0, fieldStart = 0;
            int position = 0;
            while (true)
            {
                int next = NextStructural(text, position, text.Length);
                if (next >= text.Length)
                {
                    scratch.AddField(fieldStart, text.Length);
                    TokenizeLine(text, lineStart, text.Length, lineNumber, scratch, tokens);
                    return;
                }

                scratch.AddField(fieldStart, next);
                char c = text[next];
                if (c is '\n' or '\r')
                {
                    TokenizeLine(text, lineStart, next, lineNumber, scratch, tokens);
                    lineNumber++;
                    position = next + (c == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
                    lineStart = fieldStart = position;
                    scratch.FieldCount = 0;
                }
                else
                {
                    position = fieldStart = next + 1;
                }
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
            int fieldStart = start;
            while (true)
            {
                int separator = NextStructural(text, fieldStart, end);
                scratch.AddField(fieldStart, separator);
                if (separator >= end)
                    break;
                fieldStart = separator + 1;
            }

            TokenizeLine(text, start, end, lineNumber, scratch, output);
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    /// <summary>
    /// The index of the first line break or cell separator (tab, pipe, full-width pipe) in
    /// <c>text[from..end]</c>, or <paramref name="end"/>. Eight characters at a time: in a layout of one cell per line
    /// the next one is a few characters away, in a paragraph hundreds.
    /// </summary>
    private static int NextStructural(string text, int from, int end)
    {
        int i = from;
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var newLine = Vector128.Create((ushort)'\n');
            var carriageReturn = Vector128.Create((ushort)'\r');
            var tab = Vector128.Create((ushort)'\t');
            var pipe = Vector128.Create((ushort)'|');
            var wide = Vector128.Create((ushort)'｜');
            while (i <= end - Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                var hits = Vector128.Equals(chars, newLine) | Vector128.Equals(chars, carriageReturn) | Vector128.Equals(chars, tab)
                    | Vector128.Equals(chars, pipe) | Vector128.Equals(chars, wide);
                if (hits != Vector128<ushort>.Zero)
                    return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                i += Vector128<ushort>.Count;
            }
        }

        for (; i < end; i++)
        {
            if (text[i] is '\n' or '\r' or '\t' or '|' or '｜')
                return i;
        }

        return end;
    }

    /// <summary>Per-thread buffers of the tokenizer: a line's cells, and a line's tokens when blank cells go between them.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_scratch;

        public Field[] Fields = new Field[64];
        public int FieldCount;
        public Token[] LineTokens = new Token[64];

        public static Scratch Rent()
        {
            var scratch = t_scratch ?? new Scratch();
            t_scratch = null;
            scratch.FieldCount = 0;
            return scratch;
        }

        public static void Return(Scratch scratch)
        {
            if (scratch.Fields.Length <= 4096 && scratch.LineTokens.Length <= 4096)
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

        public void AddField(int start, int end)
        {
            if (FieldCount == Fields.Length)
                Array.Resize(ref Fields, Fields.Length * 2);
            Fields[FieldCount++] = new Field { Start = start, End = end };
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

    private static void TokenizeLine(string text, int start, int end, int lineNumber, Scratch scratch, TokenList output)
    {
        var fields = scratch.Fields.AsSpan(0, scratch.FieldCount);
        if (fields.Length == 1)
        {
            // One cell: no rule, no border pipe, no blank cells between cells.
            TokenizeField(text, fields[0].Start, fields[0].End, lineNumber, start, output);
            return;
        }

        if (IsMarkdownRule(text, fields))
            return;

        // The border pipe of a markdown or HTML-dump row is not an empty first cell.
        if (text[fields[0].End] is '|' or '｜' && IsBlank(text, fields[0]))
            fields = fields.Slice(1);

        // Tokens go straight to the output; a row line that needs blank cells between them is re-laid below.
        int lineStart = output.Count;
        int nonEmpty = 0;
        for (int f = 0; f < fields.Length; f++)
        {
            ref var field = ref fields[f];
            field.FirstToken = output.Count;
            TokenizeField(text, field.Start, field.End, lineNumber, start, output);
            field.TokenCount = output.Count - field.FirstToken;
            if (!field.Empty)
                nonEmpty++;
        }

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
        Span<bool> nextIsSlot = fields.Length <= 256 ? stackalloc bool[fields.Length] : new bool[fields.Length];
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
        if (fields.Length < 2)
            return false;
        int rules = 0;
        foreach (var field in fields)
        {
            // Most lines are no rule: the first visible character of a cell tells at once.
            int first = field.Start;
            while (first < field.End && text[first] is ' ' or '\u3000' or '\u00A0')
                first++;
            if (first < field.End && text[first] is not ('-' or ':') && !char.IsWhiteSpace(text[first]))
                return false;
            var cell = text.AsSpan(field.Start, field.End - field.Start).Trim();
            if (cell.Length == 0)
                continue;
            int dashes = 0;
            foreach (char c in cell)
            {
                if (c == '-')
                    dashes++;
                else if (c != ':')
                    return false;
            }

            if (dashes < 3)
                return false;
            rules++;
        }

        return rules > 0;
    }

    private static void TokenizeField(string text, int start, int end, int lineNumber, int lineStart, TokenList output)
    {
        // The hot loop: spaces, plain counts and text words. Everything else (signed or decimal numbers, units, notes,
        // blank markers, artefacts) goes to OtherWord, kept out of this frame so the loop stays small.
        int textStart = -1, textEnd = -1;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }

            int wordStart = i;
            if (c == '[')
            {
                int close = ReportText.ArtefactEnd(text.AsSpan(0, end), i);
                if (close > 0)
                {
                    i = close + 1;
                    continue;
                }
            }

            i = WordEnd(text, i, end);
            int length = i - wordStart;
            if ((uint)(c - '0') <= 9 && length <= 9 && IsPlainCount(text.AsSpan(wordStart, length), out int count))
            {
                // The commonest number by far: a count in plain ASCII digits (what ValueParser reads it as, directly).
                if (textStart >= 0)
                    FlushText(text, ref textStart, textEnd, lineNumber, lineStart, output);
                AddCount(output, lineNumber, wordStart - lineStart + 1, wordStart, length, count);
                continue;
            }

            // Long words are text (labels or narrative), and so is a word that starts with an ideograph that starts no
            // sign, unit or number (most words of a report).
            if (length > 40 || StartsAsText(c) || !OtherWord(text, wordStart, i, lineNumber, lineStart, ref textStart, textEnd, output))
            {
                if (textStart < 0)
                    textStart = wordStart;
                textEnd = i;
            }
        }

        if (textStart >= 0)
            FlushText(text, ref textStart, textEnd, lineNumber, lineStart, output);
    }

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
    private static void FlushText(string text, ref int textStart, int textEnd, int lineNumber, int lineStart, TokenList output)
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
            string key = ReportText.WordKey(word);
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

    /// <summary>The end of the word starting at <paramref name="start"/> (the next space, or <paramref name="end"/>).</summary>
    private static int WordEnd(string text, int start, int end)
    {
        // Short words (numbers, most labels) end within a few characters; a paragraph is searched vectorised.
        int i = start;
        int quick = Math.Min(end, start + 16);
        while (i < quick)
        {
            if (IsSpace(text[i]))
                return i;
            i++;
        }

        if (i >= end)
            return end;
        int next = text.AsSpan(i, end - i).IndexOfAny(Spaces);
        return next < 0 ? end : i + next;
    }

    /// <summary>Exactly the characters <see cref="IsSpace"/> accepts (built from it).</summary>
    // Declared before Spaces: static fields are initialised in this order, and Spaces is built with IsSpace.
    private static readonly ulong[] SpaceBits = BuildSpaceBits();

    private static readonly SearchValues<char> Spaces = BuildSpaces();

    private static SearchValues<char> BuildSpaces()
    {
        var spaces = new List<char>();
        for (int c = 0; c <= char.MaxValue; c++)
            if (IsSpace((char)c))
                spaces.Add((char)c);
        return SearchValues.Create(spaces.ToArray());
    }

    // Most characters of a report are ideographs (U+3400 on), above every white space of Unicode (the last is U+3000).
    // Below that a bit table says it: line breaks and tabs are handled before words are split, so they are no space here.
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
