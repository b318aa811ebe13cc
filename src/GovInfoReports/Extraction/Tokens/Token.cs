using System;
using System.Runtime.CompilerServices;

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

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Implied = 1,
    Joined = 2,
    Narrative = 4,
    Negative = 8,
    Signed = 16,
    IsInteger = 32,
    FitsInt32 = 64,
    Gap = 128,
}

/// <summary>
/// One cell-sized piece of the input, with its position: 28 bytes and no object reference, so a read's tokens are
/// written, copied and dropped as plain memory. What only some tokens have lives in their <see cref="TokenList"/>:
/// the key of a text token, the exact number and the note of a value that is not a plain count.
/// </summary>
internal readonly struct Token
{
    // Declared widest first: a struct's fields are laid out in this order (4-byte ints, then the three bytes).
    private readonly int _line;
    private readonly int _column;
    private readonly int _start;
    private readonly int _length;
    private readonly int _int32;

    // The index of the token's entry in its list's side table for its kind (see KeyIndex, DetailIndex), or -1.
    private readonly int _entry;

    private readonly TokenKind _kind;
    private readonly TokenFlags _flags;
    private readonly ValueUnit _unit;

    /// <summary>A token printed at <c>text[start..start+length]</c>.</summary>
    public Token(TokenKind kind, int line, int column, int start, int length, int entry = -1, TokenFlags flags = TokenFlags.None, ValueUnit unit = ValueUnit.None, int int32 = 0)
    {
        _kind = kind;
        _flags = flags;
        _unit = unit;
        _line = line;
        _column = column;
        _start = start;
        _length = length;
        _int32 = int32;
        _entry = entry;
    }

    /// <summary>A count printed as plain digits.</summary>
    public static Token Count(int line, int column, int start, int length, int count) =>
        new(TokenKind.Value, line, column, start, length, -1, TokenFlags.IsInteger | TokenFlags.FitsInt32, ValueUnit.None, count);

    public TokenKind Kind => _kind;

    /// <summary>For text: the index of its key in the list (<see cref="TokenList.KeyOf(in Token)"/>); -1 for narrative, which has none, and for other kinds.</summary>
    public int KeyIndex => _kind == TokenKind.Text ? _entry : -1;

    /// <summary>For values: the index of the exact number and note kept in the list; -1 for a plain count (its number is <see cref="Int32"/>) and for other kinds.</summary>
    public int DetailIndex => _kind == TokenKind.Value ? _entry : -1;

    /// <summary>A value printed as plain digits that fits <see cref="int"/>: no sign, unit, note or fraction (the commonest cell).</summary>
    public bool IsPlainCount => _kind == TokenKind.Value && _entry < 0 && FitsInt32 && _unit == ValueUnit.None && !Negative;

    /// <summary>
    /// For blanks: an empty table cell in a grid row that holds no number at all. Such a row may be a data row
    /// left blank, a group row, a header or the first half of a label broken over two rows: the matcher takes
    /// these blanks only where they fill exactly the cells of the row it expects, and ignores them otherwise.
    /// </summary>
    public bool Implied => (_flags & TokenFlags.Implied) != 0;

    /// <summary>
    /// For blanks: an empty cell of a text line that is a cell of the row or a column of its merged label, as the row's
    /// column count decides: between a row's label and its first number, after its last number, or after a label that
    /// is followed by empty cells only (<c>结转下年度继续办理 | | | | | | | 2 |</c>). The placer reads these cells only
    /// where they and the row's numbers fill its columns (see <c>CellPlacer.ResolveGaps</c>).
    /// </summary>
    public bool Gap => (_flags & TokenFlags.Gap) != 0;

    /// <summary>For text: the word continues the text of the previous token's cell (separated by spaces only).</summary>
    public bool Joined => (_flags & TokenFlags.Joined) != 0;

    /// <summary>For text: a sentence or paragraph, never a label.</summary>
    public bool Narrative => (_flags & TokenFlags.Narrative) != 0;

    public int Line => _line;

    public int Column => _column;

    /// <summary>Where the printed text starts in the read's text.</summary>
    public int Start => _start;

    /// <summary>The length of the printed text (trimmed).</summary>
    public int Length => _length;

    public bool Negative => (_flags & TokenFlags.Negative) != 0;

    /// <summary>The value was written with an explicit sign (<c>+98</c>, <c>-8</c>, <c>减4</c>).</summary>
    public bool Signed => (_flags & TokenFlags.Signed) != 0;

    public bool IsInteger => (_flags & TokenFlags.IsInteger) != 0;

    /// <summary>For values: a whole number within the range of <see cref="int"/> (sign applied), read as <see cref="Int32"/>.</summary>
    public bool FitsInt32 => (_flags & TokenFlags.FitsInt32) != 0;

    /// <summary>For values with <see cref="FitsInt32"/>: the number.</summary>
    public int Int32 => _int32;

    public ValueUnit Unit => _unit;

    public bool IsSlot => Kind != TokenKind.Text;

    public SourcePosition Position => new(Line, Column);

    /// <summary>This token with another unit, its text ending at <paramref name="end"/> of the source.</summary>
    internal Token With(ValueUnit unit, int detail, int end) => new(Kind, Line, Column, Start, end - Start, detail, _flags, unit, Int32);

    public override string ToString() => Kind + "@" + Line + ":" + Column;
}
