using System;

namespace GovInfoReports.Extraction;

internal enum TokenKind : byte
{
    /// <summary>Words that are not a number: a label, a header, a heading, narrative.</summary>
    Text,

    /// <summary>A number, possibly signed, with a unit or a note.</summary>
    Value,

    /// <summary>A cell printed empty (a dash, <c>/</c>, <c>&amp;nbsp;</c>, or an empty cell between cells).</summary>
    Blank,

    /// <summary>A cell that looks like a number but cannot be read as one.</summary>
    Unparseable,
}

internal enum ValueUnit : byte
{
    None,
    Yuan,
    TenThousandYuan,
    Count,
}

/// <summary>One cell-sized piece of the input, with its position.</summary>
internal readonly struct Token
{
    /// <summary>A token printed at <c>source[start..start+length]</c>.</summary>
    public Token(TokenKind kind, int line, int column, string source, int start, int length, string? key = null, bool narrative = false, bool joined = false, bool implied = false)
    {
        Joined = joined;
        Implied = implied;
        Kind = kind;
        Line = line;
        Column = column;
        _source = source;
        _start = start;
        _length = length;
        Key = key;
        Narrative = narrative;
        Number = 0;
        Negative = false;
        Signed = false;
        IsInteger = false;
        Unit = ValueUnit.None;
        Note = null;
        FitsInt32 = false;
        Int32 = 0;
    }

    /// <summary>A count printed as plain digits.</summary>
    public Token(int line, int column, string source, int start, int length, int count)
        : this(TokenKind.Value, line, column, source, start, length)
    {
        Number = count;
        IsInteger = true;
        FitsInt32 = true;
        Int32 = count;
    }

    public Token(int line, int column, string source, int start, int length, in ParsedNumber number)
        : this(TokenKind.Value, line, column, source, start, length)
    {
        Number = number.Value;
        Negative = number.Negative;
        Signed = number.Signed;
        IsInteger = number.IsInteger;
        Unit = number.Unit;
        Note = number.Note;
        if (number.FitsInt32)
        {
            FitsInt32 = true;
            Int32 = number.Int32;
        }
        else if (number.IsInteger && number.Value >= int.MinValue && number.Value <= int.MaxValue)
        {
            FitsInt32 = true;
            Int32 = (int)number.Value;
        }
    }

    private readonly string _source;
    private readonly int _start;
    private readonly int _length;

    public TokenKind Kind { get; }

    /// <summary>
    /// For blanks: an empty table cell in a grid row that holds no number at all. Such a row may be a data row
    /// left blank, a group row, a header or the first half of a label broken over two rows: the matcher takes
    /// these blanks only where they fill exactly the cells of the row it expects, and ignores them otherwise.
    /// </summary>
    public bool Implied { get; }

    /// <summary>For text: the word continues the text of the previous token's cell (separated by spaces only).</summary>
    public bool Joined { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The text as printed (trimmed), made on demand: most tokens never need it as a string.</summary>
    public string Raw => _length == 0 ? "" : _source.Substring(_start, _length);

    /// <summary>The text as printed, as a slice of the source (no string made).</summary>
    public ReadOnlyMemory<char> RawMemory => _source.AsMemory(_start, _length);

    /// <summary>Where the printed text starts in the read's text.</summary>
    public int Start => _start;

    /// <summary>The length of the printed text.</summary>
    public int Length => _length;

    /// <summary>For text: the matching key (<see cref="ReportText.LabelKey"/>); null for narrative.</summary>
    public string? Key { get; }

    /// <summary>For text: a sentence or paragraph, never a label.</summary>
    public bool Narrative { get; }

    /// <summary>For values: the magnitude (sign applied).</summary>
    public decimal Number { get; }

    public bool Negative { get; }

    /// <summary>The value was written with an explicit sign (<c>+98</c>, <c>-8</c>, <c>减4</c>).</summary>
    public bool Signed { get; }

    public bool IsInteger { get; }

    /// <summary>For values: a whole number within the range of <see cref="int"/> (sign applied), read as <see cref="Int32"/>.</summary>
    public bool FitsInt32 { get; }

    /// <summary>For values with <see cref="FitsInt32"/>: the number.</summary>
    public int Int32 { get; }

    public ValueUnit Unit { get; }

    public string? Note { get; }

    public bool IsSlot => Kind != TokenKind.Text;

    public SourcePosition Position => new(Line, Column);

    /// <summary>This value with the unit printed after it, as a separate word ending at <paramref name="end"/> of the source.</summary>
    public Token WithUnit(ValueUnit unit, int end) => new(this, unit, Note, end);

    /// <summary>This value with the note printed after it, as a separate word ending at <paramref name="end"/> of the source.</summary>
    public Token WithNote(string note, int end) => new(this, Unit, note, end);

    private Token(in Token value, ValueUnit unit, string? note, int end)
        : this(TokenKind.Value, value.Line, value.Column, value._source, value._start, end - value._start)
    {
        Number = value.Number;
        Negative = value.Negative;
        Signed = value.Signed;
        IsInteger = value.IsInteger;
        FitsInt32 = value.FitsInt32;
        Int32 = value.Int32;
        Unit = unit;
        Note = note;
    }

    public override string ToString() => Kind + "@" + Line + ":" + Column + " " + (Key ?? Raw);
}
