using System;
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

    internal static string Key(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        Append(text, builder, key: true);
        return builder.ToString();
    }

    internal static string Word(ReadOnlySpan<char> text)
    {
        if (IsPlainAscii(text))
            return text.ToString();
        var builder = new StringBuilder(text.Length);
        Append(text, builder, key: false);
        return builder.ToString();
    }

    private static bool IsPlainAscii(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (c >= 0x7F || c == '[' || c == '&' || c == '(')
                return false;
        return true;
    }

    private static void Append(ReadOnlySpan<char> text, StringBuilder output, bool key)
    {
        if (NeedsCompatibilityNormalization(text))
            text = Nfkc(text.ToString()).AsSpan();

        for (int i = 0; i < text.Length; i++)
        {
            char c = Fold(text[i]);
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u2060':
                    continue;
                case '(' when output.Length > 0 && ChineseScript.IsIdeograph(output[output.Length - 1]):
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
        char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '*' or '#' or '`';

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

    private static bool NeedsCompatibilityNormalization(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c < 0x80 || ChineseScript.IsIdeograph(c) || (c >= '\uFF01' && c <= '\uFF5E'))
                continue;
            if (c is '、' or '。' or '“' or '”' or '‘' or '’' or '—' or '–' or '·' or '\u3000' or '\u00A0' or '\u2212'
                || (c >= '\u3008' && c <= '\u3011') || c is '〔' or '〕'
                || IsPinyinLetter(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
                continue;
            return true;
        }

        return false;
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
