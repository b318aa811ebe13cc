using System;
using GovInfoReports.Documents;

namespace GovInfoReports.Extraction;

/// <summary>
/// Where a row's empty cells are blank cells, once the row's cells and tokens are known; and the markdown rules that
/// are no row at all. Text and document grids give different evidence, so each has its rule:
/// <list type="bullet">
/// <item>A text line: an empty cell between two numbers, or before the numbers of a line that has no label, is a blank
/// cell. An empty cell between a label and a number may be a column of a merged label or a blank cell; so may one after
/// the last number, or after a label followed by empty cells only: these are <see cref="Token.Gap"/> blanks, and the row's
/// column count decides (the cells before the line's closing separator are the row's last columns).</item>
/// <item>A grid row: a position covered by a merged cell is no cell, and an empty cell is a blank cell exactly when it
/// lies right of the row's label (or the row has no label); those before its first number are gaps (a flattened merged
/// label's columns, or blanks), as in a text line. In a row without any number its blanks are
/// <see cref="Token.Implied"/>.</item>
/// </list>
/// </summary>
internal static class RowLayout
{
    /// <summary>A markdown rule's cell holds at least this many dashes (<c>---</c>, <c>:---:</c>).</summary>

    /// <summary>What an empty cell of a line is: no cell, a blank cell, or a gap (<see cref="Token.Gap"/>).</summary>
    private const byte NoCell = 0, BlankCell = 1, GapCell = 2;
    private const int MinRuleDashes = 3;

    /// <summary>One cell of a line: where it is in the text, and its tokens.</summary>
    internal struct Field
    {
        public int Start;
        public int End;
        public int FirstToken;
        public int TokenCount;

        public readonly bool Empty => TokenCount == 0;
    }

    /// <summary>
    /// The cells of the line being tokenized, and room to lay its tokens out again. Rented for one tokenizing call and
    /// given back (<see cref="ThreadReuse{T}"/>); nothing in it outlives the line it describes.
    /// </summary>
    internal sealed class Fields
    {
        private const int MaxKept = 4096;

        private Field[] _items = new Field[64];
        private Token[] _lineTokens = new Token[64];
        private byte[] _flags = new byte[64];

        public int Count { get; private set; }

        public Span<Field> AsSpan() => _items.AsSpan(0, Count);

        public void Clear() => Count = 0;

        public void Add(int start, int end, int firstToken, int tokenCount)
        {
            if (Count == _items.Length)
                Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = new Field { Start = start, End = end, FirstToken = firstToken, TokenCount = tokenCount };
        }

        /// <summary>A buffer of <paramref name="count"/> marks (<see cref="NoCell"/>, <see cref="BlankCell"/>, <see cref="GapCell"/>), cleared.</summary>
        public Span<byte> Marks(int count)
        {
            if (_flags.Length < count)
                _flags = new byte[Math.Max(count, _flags.Length * 2)];
            var marks = _flags.AsSpan(0, count);
            marks.Clear();
            return marks;
        }

        /// <summary>Moves <c>tokens[start..]</c> aside (to be laid out again with blank cells between them): valid until the next call.</summary>
        public ReadOnlySpan<Token> TakeFrom(TokenList tokens, int start)
        {
            int count = tokens.Count - start;
            if (_lineTokens.Length < count)
                _lineTokens = new Token[Math.Max(count, _lineTokens.Length * 2)];
            tokens.AsSpan().Slice(start).CopyTo(_lineTokens);
            tokens.Truncate(start);
            return _lineTokens.AsSpan(0, count);
        }

        public static Fields Rent() => ThreadReuse<Fields>.Rent();

        public static void Return(Fields fields) =>
            ThreadReuse<Fields>.Return(fields, keep: fields._items.Length <= MaxKept && fields._lineTokens.Length <= MaxKept && fields._flags.Length <= MaxKept);
    }

    /// <summary>
    /// Finishes a text line of several cells, tokenized from <paramref name="lineFirstToken"/> on: a markdown rule is
    /// dropped, and the blank cells of a row line are put between its tokens.
    /// </summary>
    public static void FinishLine(string text, int lineStart, int lineNumber, Fields cells, TokenList output, int lineFirstToken)
    {
        var fields = cells.AsSpan();
        if (IsMarkdownRule(text, fields))
        {
            output.Remove(lineFirstToken);
            return;
        }

        // The border pipe of a markdown or HTML-dump row is not an empty first cell.
        if (text[fields[0].End] is '|' or '｜' && IsBlank(text, fields[0]))
            fields = fields.Slice(1);

        var marks = cells.Marks(fields.Length);
        if (FindBlanks(fields, output.AsSpan(), marks) | FindGaps(fields, output.AsSpan(), marks))
            LayOut(fields, marks, cells.TakeFrom(output, lineFirstToken), lineFirstToken, lineStart, lineNumber, TokenFlags.None, output);
    }

    /// <summary>
    /// Marks the empty cells of <paramref name="fields"/> that are blank cells (see the class summary); returns whether
    /// there is any. A line with fewer than two non-empty cells has none.
    /// </summary>
    private static bool FindBlanks(ReadOnlySpan<Field> fields, ReadOnlySpan<Token> tokens, Span<byte> marks)
    {
        int first = -1, last = -1, nonEmpty = 0;
        for (int f = 0; f < fields.Length; f++)
        {
            if (fields[f].Empty)
                continue;
            nonEmpty++;
            if (first < 0)
                first = f;
            last = f;
        }

        // Blank cells are empty cells between cells with tokens: a row line needs two of those and an empty one.
        if (nonEmpty < 2 || nonEmpty == fields.Length)
            return false;
        bool leadingBlanks = tokens[fields[first].FirstToken].IsSlot;
        // Whether the nearest non-empty cell after each empty cell starts with a number (written right to left).
        bool next = false;
        for (int f = fields.Length - 1; f >= 0; f--)
        {
            marks[f] = next ? BlankCell : NoCell;
            if (!fields[f].Empty)
                next = tokens[fields[f].FirstToken].IsSlot;
        }

        bool any = false, previousIsSlot = false;
        for (int f = 0; f < fields.Length; f++)
        {
            ref readonly var field = ref fields[f];
            if (!field.Empty)
            {
                previousIsSlot = tokens[field.FirstToken + field.TokenCount - 1].IsSlot;
                marks[f] = NoCell;
                continue;
            }

            bool blank = f <= last && (f < first ? leadingBlanks : previousIsSlot && marks[f] == BlankCell);
            marks[f] = blank ? BlankCell : NoCell;
            any |= blank;
        }

        return any;
    }

    /// <summary>
    /// Marks the gaps of a row line (<see cref="Token.Gap"/>): the empty cells between its label and its first number,
    /// those after its last number, and those after a label that only empty cells follow. The text after the line's
    /// last separator is its border, no cell. Returns whether there is any.
    /// </summary>
    private static bool FindGaps(ReadOnlySpan<Field> fields, ReadOnlySpan<Token> tokens, Span<byte> marks)
    {
        int end = fields[^1].Empty ? fields.Length - 1 : fields.Length;
        int lastText = -1, firstNumber = -1, last = -1;
        bool textAfterEmpty = false;
        for (int f = 0; f < end; f++)
        {
            ref readonly var field = ref fields[f];
            if (field.Empty)
                continue;
            bool number = tokens[field.FirstToken].IsSlot;
            if (number && firstNumber < 0)
                firstNumber = f;
            if (!number && firstNumber < 0)
            {
                textAfterEmpty |= lastText >= 0 && lastText < f - 1;
                lastText = f;
            }

            last = f;
        }

        bool any = false;
        if (firstNumber < 0)
        {
            // A label with empty cells only after it: one run of text cells, then the empty ones.
            if (lastText < 0 || textAfterEmpty)
                return false;
            for (int f = lastText + 1; f < end; f++)
                any |= Mark(marks, f);
            return any;
        }

        if (lastText >= 0)
            for (int f = lastText + 1; f < firstNumber; f++)
                any |= Mark(marks, f);
        if (tokens[fields[last].FirstToken + fields[last].TokenCount - 1].IsSlot)
            for (int f = last + 1; f < end; f++)
                any |= Mark(marks, f);
        return any;

        static bool Mark(Span<byte> marks, int f)
        {
            marks[f] = GapCell;
            return true;
        }
    }

    /// <summary>Adds the line's tokens (<paramref name="lineTokens"/>, set aside) again, with a blank token in each blank cell.</summary>
    private static void LayOut(ReadOnlySpan<Field> fields, ReadOnlySpan<byte> marks, ReadOnlySpan<Token> lineTokens, int lineFirstToken, int lineStart, int lineNumber, TokenFlags blankFlags, TokenList output)
    {
        for (int f = 0; f < fields.Length; f++)
        {
            ref readonly var field = ref fields[f];
            for (int t = 0; t < field.TokenCount; t++)
                output.Add(lineTokens[field.FirstToken - lineFirstToken + t]);
            if (marks[f] != NoCell)
                output.Add(new Token(TokenKind.Blank, lineNumber, field.Start - lineStart + 1, field.Start, 0, -1, marks[f] == GapCell ? blankFlags | TokenFlags.Gap : blankFlags));
        }
    }

    private static bool IsBlank(string text, Field field)
    {
        for (int i = field.Start; i < field.End; i++)
            if (!WordBreaks.IsSpace(text[i]))
                return false;
        return true;
    }

    /// <summary>Whether every non-empty cell is a markdown rule's (<c>---</c>, <c>:---:</c>), and there is one.</summary>
    private static bool IsMarkdownRule(string text, ReadOnlySpan<Field> fields)
    {
        int rules = 0;
        foreach (var field in fields)
        {
            // Most lines are no rule: the first visible character of a cell tells at once.
            int first = field.Start, last = field.End;
            while (first < last && WordBreaks.IsSpace(text[first]))
                first++;
            if (first == last)
                continue;
            if (text[first] is not ('-' or ':'))
                return false;
            while (WordBreaks.IsSpace(text[last - 1]))
                last--;
            int dashes = 0;
            for (int i = first; i < last; i++)
            {
                if (text[i] == '-')
                    dashes++;
                else if (text[i] != ':')
                    return false;
            }

            if (dashes < MinRuleDashes)
                return false;
            rules++;
        }

        return rules > 0;
    }

    /// <summary>
    /// Tokenizes one grid row of a document table, whose line in the text view (<c>text[start..end]</c>) holds one
    /// tab-separated field per grid column, with the grid's blank cells (see the class summary).
    /// </summary>
    public static void TokenizeGridRow(string text, int start, int end, int lineNumber, DocumentTable table, int row, ValueWords words, TokenList output)
    {
        var cells = Fields.Rent();
        try
        {
            cells.Clear();
            int rowStart = output.Count;
            int position = start;
            for (int c = 0; c < table.ColumnCount; c++)
            {
                int fieldEnd = text.AsSpan(position, end - position).IndexOf('\t') is var tab && tab >= 0 ? position + tab : end;
                int first = output.Count;
                if (IsOwnCell(table, row, c) && fieldEnd > position)
                    Tokenizer.TokenizeCell(text, position, fieldEnd, lineNumber, start, words, output);
                cells.Add(position, fieldEnd, first, output.Count - first);
                position = fieldEnd + 1;
            }

            var fields = cells.AsSpan();
            int labelEnd = LabelEnd(fields, output.AsSpan());
            var marks = cells.Marks(fields.Length);
            // A labelled row's empty cells before its first number may be columns of a label whose merged cell was
            // flattened into empty ones: gaps, which the row's column count decides (as in a text line).
            int firstNumber = labelEnd >= 0 ? FirstNumber(fields, output.AsSpan(), labelEnd + 1) : -1;
            bool any = false;
            for (int c = 0; c < fields.Length; c++)
            {
                bool blank = c > labelEnd && fields[c].Empty && IsOwnCell(table, row, c);
                marks[c] = !blank ? NoCell : c < firstNumber ? GapCell : BlankCell;
                any |= blank;
            }

            if (!any)
                return;
            var flags = AnySlot(output.AsSpan().Slice(rowStart)) ? TokenFlags.None : TokenFlags.Implied;
            LayOut(fields, marks, cells.TakeFrom(output, rowStart), rowStart, start, lineNumber, flags, output);
        }
        finally
        {
            Fields.Return(cells);
        }
    }

    /// <summary>The last column of the row's label: the last cell starting with text before any cell starting with a number (-1: none).</summary>
    private static int LabelEnd(ReadOnlySpan<Field> fields, ReadOnlySpan<Token> tokens)
    {
        int labelEnd = -1;
        for (int c = 0; c < fields.Length; c++)
        {
            if (fields[c].Empty)
                continue;
            if (tokens[fields[c].FirstToken].IsSlot)
                return labelEnd;
            labelEnd = c;
        }

        return labelEnd;
    }

    /// <summary>The first column from <paramref name="from"/> on whose cell starts with a number (-1: none).</summary>
    private static int FirstNumber(ReadOnlySpan<Field> fields, ReadOnlySpan<Token> tokens, int from)
    {
        for (int c = from; c < fields.Length; c++)
            if (!fields[c].Empty && tokens[fields[c].FirstToken].IsSlot)
                return c;
        return -1;
    }

    private static bool AnySlot(ReadOnlySpan<Token> tokens)
    {
        foreach (var token in tokens)
            if (token.IsSlot)
                return true;
        return false;
    }

    private static bool IsOwnCell(DocumentTable table, int row, int column) =>
        table[row, column] is { } cell && cell.Row == row && cell.Column == column;
}
