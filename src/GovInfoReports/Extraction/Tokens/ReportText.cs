using System;
using System.Text;

namespace GovInfoReports.Extraction;

/// <summary>
/// The normalisation applied to report text before it is matched against a template: Unicode NFKC
/// (full-width digits, letters and brackets), removal of pinyin inserted after characters (<c>鄉(xiāng)</c>),
/// Traditional → Simplified for the report vocabulary, removal of Word/PDF artefacts
/// (<c>[bookmark: _GoBack]</c>, zero-width characters, soft hyphens) and of <c>&amp;nbsp;</c>.
/// </summary>
public static partial class ReportText
{
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
    /// The key of one word of report text, as <see cref="Key"/> computes it, as the thread's interned
    /// <see cref="TextKey"/>: a per-thread table of the words seen maps a word printed as before to its key with one
    /// lookup (the vocabulary of these reports repeats from file to file), and a key is allocated once per thread.
    /// </summary>
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
    /// The key of <paramref name="text"/> (see <see cref="Key"/>) in the thread's key buffer: valid until the thread next
    /// makes a key (this, <see cref="WordKeyOf"/> of a word not seen before, or <see cref="Normalize"/>).
    /// </summary>
    internal static ReadOnlySpan<char> KeySpan(ReadOnlySpan<char> text)
    {
        var buffer = new CharBuffer(Scratch());
        Append(text, ref buffer, key: true);
        return buffer.Written;
    }

    /// <summary>Normalises one word (see <see cref="Normalize"/>) into the thread's word buffer: valid until the thread's next call of this method.</summary>
    internal static ReadOnlySpan<char> Word(ReadOnlySpan<char> text)
    {
        var buffer = new CharBuffer(t_wordScratch ??= new char[ScratchLength]);
        Append(text, ref buffer, key: false);
        return buffer.Written;
    }

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

    // The scratch buffers of KeySpan and Word, one each, so that a key and a word normalised after it do not overwrite
    // each other: a span one of them returns is valid until the next call of the same method on the thread.
    private const int ScratchLength = 512;

    [ThreadStatic]
    private static char[]? t_keyScratch;

    [ThreadStatic]
    private static char[]? t_wordScratch;

    private static char[] Scratch() => t_keyScratch ??= new char[ScratchLength];

    private static void Append(ReadOnlySpan<char> text, StringBuilder output, bool key)
    {
        var buffer = new CharBuffer(text.Length <= ScratchLength ? Scratch() : new char[text.Length]);
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
        if (!CompatibilityData.FrameworkNormalizes)
            return CompatibilityData.Map(text);
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
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
