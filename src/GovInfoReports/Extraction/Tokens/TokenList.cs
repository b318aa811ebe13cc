using System;
using System.Runtime.CompilerServices;

namespace GovInfoReports.Extraction;

/// <summary>
/// The tokens of one read, with the read's text and what only some tokens carry: text keys, and the exact
/// number and note of values that are not plain counts. Per thread and reused (see <see cref="ReportReader"/>).
/// </summary>
internal sealed class TokenList
{
    // Kept up to 262,144 tokens (7 MB, a text of about 1.5 MB): past the old 65,536, every read of a large text
    // allocated its token arrays afresh on the large-object heap, a full collection each, and time grew faster than size.
    private const int MaxKeptCapacity = 1 << 18;

    /// <summary>The thread's token list for a read of <paramref name="text"/> (<see cref="ThreadReuse{T}"/>); give it back with <see cref="Return"/>.</summary>
    /// <remarks>Tokens never leave a read (cells copy what they keep), and a fresh list of a report's ~1,000 tokens was half of what a read allocated.</remarks>
    public static TokenList Rent(string text)
    {
        var tokens = ThreadReuse<TokenList>.Rent();
        tokens.Start(text);
        return tokens;
    }

    /// <summary>Ends a read: the list drops its references to the text and keys, and is kept for the thread's next read unless it grew too large.</summary>
    public static void Return(TokenList tokens)
    {
        tokens.Clear();
        ThreadReuse<TokenList>.Return(tokens, keep: tokens.Capacity <= MaxKeptCapacity);
    }

    /// <summary>A list of no tokens, held by reusable objects between reads.</summary>
    public static readonly TokenList Empty = new();

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
            if (token.KeyIndex >= 0)
            {
                _keyCount = token.KeyIndex;
                _keyTextLength = _keyStarts[token.KeyIndex];
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
    public TextKey? KeyOf(in Token token) => token.KeyIndex >= 0 ? _keys[token.KeyIndex] : null;

    /// <summary>The key of text token <paramref name="index"/>, interned.</summary>
    public TextKey? KeyOf(int index) => KeyOf(in _items[index]);

    /// <summary>The last token of the text cell that token <paramref name="start"/> is in (its joined words).</summary>
    public int CellEnd(int start)
    {
        int end = start;
        while (end + 1 < Count && _items[end + 1].Kind == TokenKind.Text && _items[end + 1].Joined)
            end++;
        return end;
    }

    /// <summary>
    /// The keys of text tokens <paramref name="start"/> to <paramref name="last"/>, joined as label candidates are
    /// (<see cref="TextKey.Join"/>: a cell read before costs a field read per word).
    /// </summary>
    public TextKey JoinedKey(int start, int last)
    {
        var key = KeyOf(start)!;
        // Blanks between a label's two halves (Token.Implied, Token.Gap) were passed over by the label.
        for (int i = start + 1; i <= last; i++)
            if (KeyOf(i) is { } next)
                key = key.Join(next);
        return key;
    }

    /// <summary>For values: the magnitude (sign applied).</summary>
    public decimal Number(in Token token) => token.DetailIndex >= 0 ? _details[token.DetailIndex].Number : token.Int32;

    /// <summary>For values: the note printed with the number, if any.</summary>
    public string? Note(in Token token) => token.DetailIndex >= 0 ? _details[token.DetailIndex].Note : null;

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
        token = token.With(unit, token.DetailIndex, end);
    }

    /// <summary>Token <paramref name="index"/> (a value) with the note printed after it, as a separate word ending at <paramref name="end"/>.</summary>
    public void SetNote(int index, string note, int end)
    {
        ref var token = ref _items[index];
        int detail = token.DetailIndex;
        if (detail >= 0)
            _details[detail].Note = note;
        else
            detail = AddDetail(token.Int32, note);
        token = token.With(token.Unit, detail, end);
    }
}
