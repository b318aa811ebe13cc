using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace GovInfoReports.Extraction;

/// <summary>
/// The normalisation applied to report text before it is matched against a template: Unicode NFKC
/// (full-width digits, letters and brackets), removal of pinyin inserted after characters (<c>鄉(xiāng)</c>),
/// Traditional → Simplified for the report vocabulary, removal of Word/PDF artefacts
/// (<c>[bookmark: _GoBack]</c>, zero-width characters, soft hyphens) and of <c>&amp;nbsp;</c>.
/// </summary>
public static class ReportText
{
    private static bool? _normalizationWorks;

    /// <summary>
    /// Normalises <paramref name="text"/> while keeping its line structure and its whitespace
    /// (every line of the result corresponds to the same line of the input).
    /// </summary>
    /// <param name="text">Report text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string text)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length);
        Append(text.AsSpan(), builder, key: false);
        return builder.ToString();
    }

    /// <summary>
    /// The key under which a label is matched: the normalised text without any whitespace, quotation marks
    /// (“” and "" are equivalent) or markdown emphasis. Both the template's labels and the report's text are
    /// compared by this key, so <c>三、 本 年 度 办 理 结 果</c> and <c>三、本年度辦理結果</c> have the same key.
    /// </summary>
    /// <param name="label">A label as printed.</param>
    /// <returns>The matching key.</returns>
    public static string LabelKey(string label)
    {
        if (label is null)
            throw new ArgumentNullException(nameof(label));
        return Key(label.AsSpan());
    }

    internal static string Key(ReadOnlySpan<char> text) => KeySpan(text).ToString();

    /// <summary>
    /// The key of one word of report text, as <see cref="Key"/> computes it, built in a per-thread buffer and
    /// shared through a per-thread table of the keys seen: the vocabulary of these reports repeats from file to
    /// file, so a word's key string is allocated once per thread, not once per occurrence.
    /// </summary>
    internal static string WordKey(ReadOnlySpan<char> text) => WordKeyOf(text).Text;

    /// <summary><see cref="WordKey"/> as the thread's interned <see cref="TextKey"/>.</summary>
    internal static TextKey WordKeyOf(ReadOnlySpan<char> text)
    {
        if (text.Length <= WordKeys.MaxWordLength)
            return WordKeys.Get(text);
        return NewWordKey(text);
    }

    private static TextKey NewWordKey(ReadOnlySpan<char> text)
    {
        var buffer = new CharBuffer(Scratch());
        Append(text, ref buffer, key: true);
        return KeyTable.Intern(buffer.Written);
    }

    /// <summary>
    /// A per-thread memo of printed word → key (open addressing), so a word printed as before (the labels, headers
    /// and headings of these reports repeat from file to file) is keyed by one lookup instead of being normalised
    /// again. Bounded like <see cref="KeyTable"/>: it starts over when half full.
    /// </summary>
    private sealed class WordKeys
    {
        public const int MaxWordLength = 48;
        private const int Capacity = 8192;

        [ThreadStatic]
        private static WordKeys? t_memo;

        // One entry per slot (hash, word, key): a probe reads one cache line, and a word of another hash is passed by
        // without reading its text.
        private readonly Entry[] _entries = new Entry[Capacity];
        private int _count;

        private struct Entry
        {
            public string? Word;
            public TextKey? Key;
            public int Hash;
        }

        public static TextKey Get(ReadOnlySpan<char> word)
        {
            var memo = t_memo ??= new WordKeys();
            var entries = memo._entries;
            int mask = Capacity - 1;
            int hash = KeyTable.Hash(word);
            int index = hash & mask;
            while (entries[index].Word is { } existing)
            {
                if (entries[index].Hash == hash && word.SequenceEqual(existing.AsSpan()))
                    return entries[index].Key!;
                index = (index + 1) & mask;
            }

            var key = NewWordKey(word);
            if (memo._count >= Capacity / 2)
            {
                Array.Clear(entries, 0, entries.Length);
                memo._count = 0;
                index = hash & mask;
            }

            entries[index] = new Entry { Word = word.ToString(), Key = key, Hash = hash };
            memo._count++;
            return key;
        }
    }

    /// <summary>The key of <paramref name="text"/> (see <see cref="Key"/>) in a per-thread buffer: valid until the next normalisation on this thread.</summary>
    internal static ReadOnlySpan<char> KeySpan(ReadOnlySpan<char> text)
    {
        var buffer = new CharBuffer(Scratch());
        Append(text, ref buffer, key: true);
        return buffer.Written;
    }

    /// <summary>Normalises one word (see <see cref="Normalize"/>) into a per-thread buffer: the result is valid until the next normalisation on this thread.</summary>
    internal static ReadOnlySpan<char> Word(ReadOnlySpan<char> text)
    {
        if (IsPlainAscii(text))
            return text;
        var buffer = new CharBuffer(Scratch());
        Append(text, ref buffer, key: false);
        return buffer.Written;
    }

    /// <summary>The shared string for a key built elsewhere (see <see cref="WordKey"/>).</summary>
    internal static string Intern(ReadOnlySpan<char> key) => KeyTable.Intern(key).Text;

    /// <summary>The thread's interned <see cref="TextKey"/> of a key built elsewhere.</summary>
    internal static TextKey InternKey(ReadOnlySpan<char> key) => KeyTable.Intern(key);

    [ThreadStatic]
    private static char[]? t_joinBuffer;

    /// <summary>
    /// The interned key of <paramref name="first"/> followed by <paramref name="second"/> (see
    /// <see cref="TextKey.Join"/>, which memoises it on the first key).
    /// </summary>
    internal static TextKey JoinKeys(string first, string second)
    {
        int length = first.Length + second.Length;
        var buffer = t_joinBuffer;
        if (buffer is null || buffer.Length < length)
            t_joinBuffer = buffer = new char[Math.Max(length, 128)];
        first.AsSpan().CopyTo(buffer);
        second.AsSpan().CopyTo(buffer.AsSpan(first.Length));
        return KeyTable.Intern(buffer.AsSpan(0, length));
    }

    [ThreadStatic]
    private static char[]? _scratch;

    private static char[] Scratch() => _scratch ??= new char[512];

    private static bool IsPlainAscii(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (c >= 0x7F || c == '[' || c == '&' || c == '(')
                return false;
        return true;
    }

    private static void Append(ReadOnlySpan<char> text, StringBuilder output, bool key)
    {
        var buffer = new CharBuffer(text.Length <= 512 ? Scratch() : new char[text.Length]);
        Append(text, ref buffer, key);
        output.Append(buffer.Written);
    }

    private static void Append(ReadOnlySpan<char> text, ref CharBuffer output, bool key)
    {
        int mark = output.Length;
        if (AppendNormalized(text, ref output, key, stopAtCompatibility: true))
            return;
        // A character that NFKC changes (beyond the folds below): the text is normalised as a whole, then appended.
        output.Truncate(mark);
        AppendNormalized(Nfkc(text.ToString()).AsSpan(), ref output, key, stopAtCompatibility: false);
    }

    /// <summary>
    /// Appends the normalised <paramref name="text"/>; with <paramref name="stopAtCompatibility"/>, stops and returns
    /// false at the first character that needs Unicode compatibility normalisation (NFKC).
    /// </summary>
    private static bool AppendNormalized(ReadOnlySpan<char> text, ref CharBuffer output, bool key, bool stopAtCompatibility)
    {
        for (int i = 0; i < text.Length; i++)
        {
            // Most characters are ideographs: no folding, artefact, pinyin or key rule applies to one, only the script.
            if (ChineseScript.IsIdeograph(text[i]))
            {
                output.Append(ChineseScript.ToSimplified(text[i]));
                continue;
            }

            if (stopAtCompatibility && NeedsCompatibilityNormalization(text[i]))
                return false;
            char c = Fold(text[i]);
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u2060':
                    continue;
                case '(' when output.Length > 0 && ChineseScript.IsIdeograph(output.Last):
                    int end = PinyinEnd(text, i);
                    if (end > 0)
                    {
                        i = end;
                        continue;
                    }

                    break;
                case '[':
                    int close = ArtefactEnd(text, i);
                    if (close > 0)
                    {
                        i = close;
                        continue;
                    }

                    break;
                case '&' when text.Slice(i).StartsWith("&nbsp;".AsSpan(), StringComparison.OrdinalIgnoreCase):
                    i += 5;
                    if (!key)
                        output.Append(' ');
                    continue;
            }

            if (key && IsIgnoredInKey(c))
                continue;
            output.Append(ChineseScript.ToSimplified(c));
        }

        return true;
    }

    /// <summary>A growable character buffer over a reused array (it grows into a new array for long text).</summary>
    private ref struct CharBuffer
    {
        private char[] _chars;

        public CharBuffer(char[] chars)
        {
            _chars = chars;
            Length = 0;
        }

        public int Length { get; private set; }

        public readonly char Last => _chars[Length - 1];

        public readonly ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

        /// <summary>Drops what was appended after the first <paramref name="length"/> characters.</summary>
        public void Truncate(int length) => Length = length;

        public void Append(char c)
        {
            if (Length == _chars.Length)
                Array.Resize(ref _chars, _chars.Length * 2);
            _chars[Length++] = c;
        }
    }

    /// <summary>
    /// A per-thread set of key strings, looked up by their characters (open addressing). It holds at most
    /// <see cref="Capacity"/>/2 keys and starts over when full, so a thread reading many unusual texts keeps
    /// a bounded table.
    /// </summary>
    private sealed class KeyTable
    {
        private const int Capacity = 8192;

        [ThreadStatic]
        private static KeyTable? t_table;

        private readonly TextKey?[] _slots = new TextKey?[Capacity];
        private readonly TextKey _empty = new("");
        private int _count;

        public static TextKey Intern(ReadOnlySpan<char> key)
        {
            var table = t_table ??= new KeyTable();
            if (key.Length == 0)
                return table._empty;
            if (key.Length > 64)
                return new TextKey(key.ToString());
            var slots = table._slots;
            int mask = Capacity - 1;
            int index = Hash(key) & mask;
            while (slots[index] is { } existing)
            {
                if (key.SequenceEqual(existing.Text.AsSpan()))
                    return existing;
                index = (index + 1) & mask;
            }

            if (table._count >= Capacity / 2)
            {
                Array.Clear(slots, 0, slots.Length);
                table._count = 0;
                index = Hash(key) & mask;
            }

            var text = new TextKey(key.ToString());
            slots[index] = text;
            table._count++;
            return text;
        }

        public static int Hash(ReadOnlySpan<char> key)
        {
            // Four characters per step (keys are short: a few ideographs), then a final mix of the bits.
            const ulong Multiplier = 0x9E3779B97F4A7C15;
            ulong hash = (ulong)key.Length * Multiplier;
            var chunks = MemoryMarshal.Cast<char, ulong>(key);
            foreach (ulong chunk in chunks)
                hash = BitOperations.RotateLeft((hash ^ chunk) * Multiplier, 29);
            for (int i = chunks.Length * 4; i < key.Length; i++)
                hash = BitOperations.RotateLeft((hash ^ key[i]) * Multiplier, 29);
            hash ^= hash >> 31;
            hash *= 0xBF58476D1CE4E5B9;
            hash ^= hash >> 32;
            return (int)hash;
        }
    }

    /// <summary>Full-width ASCII forms and odd spaces/minus signs folded to their plain forms (as NFKC does).</summary>
    internal static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
            return (char)(c - 0xFEE0);
        return c switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' => ' ',
            '\u2212' or '\uFE63' => '-',
            _ => c,
        };
    }

    private static bool IsIgnoredInKey(char c) =>
        !ChineseScript.IsIdeograph(c) && (IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '*' or '#' or '`');

    /// <summary>
    /// <see cref="char.IsWhiteSpace(char)"/> by a bit table: every white space of Unicode is at most U+3000, and most
    /// characters a key is made of (ideographs, CJK punctuation) are above it or are tested without a call.
    /// </summary>
    internal static bool IsWhiteSpace(char c) => c <= '\u3000' && (WhiteSpaceBits[c >> 6] & (1UL << c)) != 0;

    private static readonly ulong[] WhiteSpaceBits = BuildWhiteSpaceBits();

    private static ulong[] BuildWhiteSpaceBits()
    {
        var bits = new ulong[0x3000 / 64 + 1];
        for (int c = 0; c <= 0x3000; c++)
            if (char.IsWhiteSpace((char)c))
                bits[c >> 6] |= 1UL << c;
        return bits;
    }

    private static int PinyinEnd(ReadOnlySpan<char> text, int open)
    {
        int j = open + 1;
        while (j < text.Length && j - open <= 8 && IsPinyinLetter(Fold(text[j])))
            j++;
        int length = j - open - 1;
        return length is > 0 and <= 7 && j < text.Length && Fold(text[j]) == ')' ? j : -1;
    }

    private static bool IsPinyinLetter(char c) =>
        (c >= 'a' && c <= 'z') || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".IndexOf(c) >= 0;

    /// <summary>The index of the <c>]</c> closing a Word/PDF artefact (<c>[bookmark: _GoBack]</c>, <c>[image…]</c>) opened at <paramref name="open"/>, or -1.</summary>
    internal static int ArtefactEnd(ReadOnlySpan<char> text, int open)
    {
        var rest = text.Slice(open + 1);
        if (!(rest.StartsWith("bookmark".AsSpan(), StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("image".AsSpan(), StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("pagebreak".AsSpan(), StringComparison.OrdinalIgnoreCase)))
            return -1;
        // Artefacts are short; never scan far for the closing bracket.
        int close = rest.Slice(0, Math.Min(rest.Length, 200)).IndexOf(']');
        return close < 0 ? -1 : open + 1 + close;
    }

    /// <summary>Whether NFKC may change <paramref name="c"/> in a way the folds of <see cref="AppendNormalized"/> do not cover.</summary>
    private static bool NeedsCompatibilityNormalization(char c)
    {
        if (c < 0x80 || ChineseScript.IsIdeograph(c) || (c >= '\uFF01' && c <= '\uFF5E'))
            return false;
        return !(c is '、' or '。' or '“' or '”' or '‘' or '’' or '—' or '–' or '·' or '\u3000' or '\u00A0' or '\u2212'
            || (c >= '\u3008' && c <= '\u3011') || c is '〔' or '〕'
            || IsPinyinLetter(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD');
    }

    private static string Nfkc(string text)
    {
        if (_normalizationWorks == false)
            return text;
        try
        {
            string result = text.Normalize(NormalizationForm.FormKC);
            _normalizationWorks = true;
            return result;
        }
        catch (PlatformNotSupportedException)
        {
            _normalizationWorks = false;
            return text;
        }
        catch (ArgumentException)
        {
            // A lone surrogate (a broken character from a bad conversion): replace it and go on.
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    builder.Append(c).Append(text[++i]);
                else
                    builder.Append(char.IsSurrogate(c) ? '�' : c);
            }

            return builder.ToString().Normalize(NormalizationForm.FormKC);
        }
    }
}
