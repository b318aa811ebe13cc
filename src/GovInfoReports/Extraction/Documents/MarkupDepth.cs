using System;

namespace GovInfoReports.Documents;

/// <summary>
/// Estimates how deeply a page's elements nest, in one pass over its markup, before it is parsed: start tags open
/// a level and their end tags close one. Void elements, elements whose end tag is optional (p, li, td, …: the parser
/// closes them itself, so they do not pile up) and self-closed tags inside svg/math open none; comments and the
/// text of script, style and similar elements are skipped. An estimate for a limit, not a parser: sloppy real pages
/// come out near their true depth, and a page built to nest deep cannot hide its levels from it.
/// </summary>
internal static class MarkupDepth
{
    public static int Estimate(string html)
    {
        int depth = 0, deepest = 0, foreign = 0;
        int i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            char next = html[i + 1];
            if (next == '!')
            {
                i = SkipDeclaration(html, i);
            }
            else if (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
            {
                var name = Name(html, i + 2);
                if (IsForeignRoot(name))
                    foreign = Math.Max(0, foreign - 1);
                if (Opens(name) && depth > 0)
                    depth--;
                i = html.IndexOf('>', i + 2 + name.Length);
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = Name(html, i + 1);
                int end = html.IndexOf('>', i + 1 + name.Length);
                bool selfClosed = end > 0 && html[end - 1] == '/';
                if (IsForeignRoot(name) && !selfClosed)
                    foreign++;
                if (Opens(name) && !(selfClosed && foreign > 0))
                    deepest = Math.Max(deepest, ++depth);
                i = IsRawText(name) && end >= 0 ? SkipRawText(html, end + 1, name) : end;
            }
            else
            {
                i++;
            }

            i = i < 0 ? -1 : html.IndexOf('<', i);
        }

        return deepest;
    }

    private static ReadOnlySpan<char> Name(string html, int start)
    {
        int end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
            end++;
        return html.AsSpan(start, end - start);
    }

    /// <summary>Whether a start tag of this element opens a level that only its end tag closes.</summary>
    private static bool Opens(ReadOnlySpan<char> name)
    {
        // Every void or optional name has at most 8 letters: longer ones open a level.
        if (name.Length > 8)
            return true;
        Span<char> lower = stackalloc char[8];
        int length = name.ToLowerInvariant(lower);
        return !IsVoidOrOptional(lower.Slice(0, length));
    }

    private static bool IsVoidOrOptional(ReadOnlySpan<char> name) => name is
        "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "param" or
        "source" or "track" or "wbr" or "basefont" or "bgsound" or "frame" or "keygen" or
        "p" or "li" or "dt" or "dd" or "tr" or "td" or "th" or "tbody" or "thead" or "tfoot" or "colgroup" or
        "caption" or "option" or "optgroup" or "rb" or "rt" or "rtc" or "rp" or "html" or "head" or "body";

    private static bool IsForeignRoot(ReadOnlySpan<char> name) =>
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("xmp", StringComparison.OrdinalIgnoreCase) || name.Equals("iframe", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("noembed", StringComparison.OrdinalIgnoreCase) || name.Equals("noframes", StringComparison.OrdinalIgnoreCase);

    /// <summary>The '&gt;' that ends a comment or declaration starting at <paramref name="at"/>.</summary>
    private static int SkipDeclaration(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            int close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return close < 0 ? -1 : close + 2;
        }

        return html.IndexOf('>', at + 2);
    }

    /// <summary>Where the end tag of a raw-text element begins (the text between is not markup).</summary>
    private static int SkipRawText(string html, int from, ReadOnlySpan<char> name)
    {
        string close = "</" + name.ToString();
        int at = html.IndexOf(close, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? -1 : at;
    }
}
