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

    /// <summary>For text: the index of its key in the list (-1 for narrative); for values: the index of its detail, or -1 for a plain count.</summary>
    internal readonly int Extra;

    private readonly TokenKind _kind;
    private readonly TokenFlags _flags;
    private readonly ValueUnit _unit;

    /// <summary>A token printed at <c>text[start..start+length]</c>.</summary>
    public Token(TokenKind kind, int line, int column, int start, int length, int extra = -1, TokenFlags flags = TokenFlags.None, ValueUnit unit = ValueUnit.None, int int32 = 0)
    {
        _kind = kind;
        _flags = flags;
        _unit = unit;
        _line = line;
        _column = column;
        _start = start;
        _length = length;
        _int32 = int32;
        Extra = extra;
    }

    /// <summary>A count printed as plain digits.</summary>
    public static Token Count(int line, int column, int start, int length, int count) =>
        new(TokenKind.Value, line, column, start, length, -1, TokenFlags.IsInteger | TokenFlags.FitsInt32, ValueUnit.None, count);

    public TokenKind Kind => _kind;

    /// <summary>
    /// For blanks: an empty table cell in a grid row that holds no number at all. Such a row may be a data row
    /// left blank, a group row, a header or the first half of a label broken over two rows: the matcher takes
    /// these blanks only where they fill exactly the cells of the row it expects, and ignores them otherwise.
    /// </summary>
    public bool Implied => (_flags & TokenFlags.Implied) != 0;

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
    internal Token With(ValueUnit unit, int extra, int end) => new(Kind, Line, Column, Start, end - Start, extra, _flags, unit, Int32);

    public override string ToString() => Kind + "@" + Line + ":" + Column;
}

/// <summary>
/// The tokens of one read, with the read's text and what only some tokens carry: text keys, and the exact
/// number and note of values that are not plain counts. Per thread and reused (see <see cref="ReportReader"/>).
/// </summary>
internal sealed class TokenList
{
    private Token[] _items = new Token[1024];
    private TextKey?[] _keys = new TextKey?[512];
    private int _keyCount;
    // The keys one after another (for marker search across broken labels), and where each starts in it.
    private char[] _keyText = new char[4096];
    private int _keyTextLength;
    private int[] _keyStarts = new int[512];
    private Detail[] _details = new Detail[64];
    private int _detailCount;

    private struct Detail
    {
        public decimal Number;
        public string? Note;
    }

    /// <summary>The text the tokens' positions refer to.</summary>
    public string Text { get; private set; } = "";

    public int Count { get; private set; }

    /// <summary>The slots in use (tokens, keys, details), to decide whether the list is worth keeping.</summary>
    public int Capacity => Math.Max(Math.Max(_items.Length, _keyText.Length / 4), Math.Max(_keys.Length, _details.Length));

    /// <summary>Token <paramref name="index"/>, by reference (no bounds check beyond the array's).</summary>
    public ref Token this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _items[index];
    }

    public ReadOnlySpan<Token> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Empties the list for a read of <paramref name="text"/>.</summary>
    public void Start(string text)
    {
        Clear();
        Text = text;
    }

    /// <summary>Empties the list and drops its references to the text and the keys.</summary>
    public void Clear()
    {
        Array.Clear(_keys, 0, _keyCount);
        for (int i = 0; i < _detailCount; i++)
            _details[i].Note = null;
        Count = 0;
        _keyCount = 0;
        _keyTextLength = 0;
        _detailCount = 0;
        Text = "";
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in Token token)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }

    /// <summary>
    /// Drops the tokens from <paramref name="start"/> on, to be added again (their keys and details stay: a re-laid
    /// line adds the same tokens, in the same order).
    /// </summary>
    public void Truncate(int start) => Count = start;

    /// <summary>Drops the tokens from <paramref name="start"/> on for good, with their keys (the last ones added).</summary>
    public void Remove(int start)
    {
        for (int i = start; i < Count; i++)
        {
            ref readonly var token = ref _items[i];
            if (token.Kind == TokenKind.Text && token.Extra >= 0)
            {
                _keyCount = token.Extra;
                _keyTextLength = _keyStarts[token.Extra];
                break;
            }
        }

        Count = start;
    }

    /// <summary>Keeps <paramref name="key"/> for a text token; returns its index.</summary>
    public int AddKey(TextKey key)
    {
        if (_keyCount == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _keyStarts, _keys.Length);
        }

        if (_keyText.Length - _keyTextLength < key.Length)
            Array.Resize(ref _keyText, Math.Max(_keyText.Length * 2, _keyTextLength + key.Length));
        key.Text.AsSpan().CopyTo(_keyText.AsSpan(_keyTextLength));
        _keyStarts[_keyCount] = _keyTextLength;
        _keyTextLength += key.Length;
        _keys[_keyCount] = key;
        return _keyCount++;
    }

    /// <summary>The keys of the text tokens, in order, without separation (<c>本年新</c> + <c>制作数量</c>): valid until the list changes.</summary>
    public ReadOnlySpan<char> KeyText => _keyText.AsSpan(0, _keyTextLength);

    /// <summary>Keeps the exact number and note of a value; returns the detail's index.</summary>
    public int AddDetail(decimal number, string? note)
    {
        if (_detailCount == _details.Length)
            Array.Resize(ref _details, _details.Length * 2);
        _details[_detailCount] = new Detail { Number = number, Note = note };
        return _detailCount++;
    }

    /// <summary>For text: the matching key (<see cref="ReportText.LabelKey"/>); null for narrative and for values.</summary>
    public string? Key(in Token token) => KeyOf(in token)?.Text;

    /// <summary>The key of text token <paramref name="index"/>.</summary>
    public string? Key(int index) => Key(in _items[index]);

    /// <summary>For text: the matching key as the thread's interned <see cref="TextKey"/>; null for narrative and for values.</summary>
    public TextKey? KeyOf(in Token token) => token.Kind == TokenKind.Text && token.Extra >= 0 ? _keys[token.Extra] : null;

    /// <summary>The key of text token <paramref name="index"/>, interned.</summary>
    public TextKey? KeyOf(int index) => KeyOf(in _items[index]);

    /// <summary>For values: the magnitude (sign applied).</summary>
    public decimal Number(in Token token) => token.Kind == TokenKind.Value && token.Extra >= 0 ? _details[token.Extra].Number : token.Int32;

    /// <summary>For values: the note printed with the number, if any.</summary>
    public string? Note(in Token token) => token.Kind == TokenKind.Value && token.Extra >= 0 ? _details[token.Extra].Note : null;

    /// <summary>The text as printed (trimmed).</summary>
    public string Raw(in Token token) => token.Length == 0 ? "" : Text.Substring(token.Start, token.Length);

    /// <summary>The text of token <paramref name="index"/> as printed.</summary>
    public string Raw(int index) => Raw(in _items[index]);

    /// <summary>Whether tokens <paramref name="a"/> and <paramref name="b"/> are printed alike (as a line printed twice is).</summary>
    public bool PrintedAlike(int a, int b)
    {
        ref readonly var x = ref _items[a];
        ref readonly var y = ref _items[b];
        return x.Kind == y.Kind && Text.AsSpan(x.Start, x.Length).SequenceEqual(Text.AsSpan(y.Start, y.Length));
    }

    /// <summary>Token <paramref name="index"/> (a value) with the unit printed after it, as a separate word ending at <paramref name="end"/>.</summary>
    public void SetUnit(int index, ValueUnit unit, int end)
    {
        ref var token = ref _items[index];
        token = token.With(unit, token.Extra, end);
    }

    /// <summary>Token <paramref name="index"/> (a value) with the note printed after it, as a separate word ending at <paramref name="end"/>.</summary>
    public void SetNote(int index, string note, int end)
    {
        ref var token = ref _items[index];
        int extra = token.Extra;
        if (extra >= 0)
            _details[extra].Note = note;
        else
            extra = AddDetail(token.Int32, note);
        token = token.With(token.Unit, extra, end);
    }
}
