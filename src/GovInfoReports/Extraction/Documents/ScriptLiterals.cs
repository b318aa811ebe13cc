using System;
using System.Globalization;
using System.Text;

namespace GovInfoReports.Documents;

/// <summary>The text of a page that writes its report with a script (<c>document.write("…")</c>): its string literals.</summary>
internal static class ScriptLiterals
{
    /// <summary>The contents of a script's string literals (single, double or backtick quoted), unescaped and joined.</summary>
    public static string Of(string script)
    {
        var result = new StringBuilder();
        int i = 0;
        while (i < script.Length)
        {
            char c = script[i];
            if (c == '/' && i + 1 < script.Length && script[i + 1] is '/' or '*')
                i = CommentEnd(script, i);
            else if (c is '"' or '\'' or '`')
                i = ReadLiteral(script, i, result);
            else
                i++;
        }

        return result.ToString();
    }

    /// <summary>The end of the comment starting at <paramref name="start"/> (<c>//</c> to the line's end, or <c>/* … */</c>).</summary>
    private static int CommentEnd(string script, int start)
    {
        if (script[start + 1] == '/')
        {
            int end = script.IndexOf('\n', start);
            return end < 0 ? script.Length : end;
        }

        int close = script.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return close < 0 ? script.Length : close + 2;
    }

    /// <summary>Appends the literal opened by the quote at <paramref name="open"/>; returns where reading goes on.</summary>
    private static int ReadLiteral(string script, int open, StringBuilder result)
    {
        char quote = script[open];
        int i = open + 1;
        while (i < script.Length && script[i] != quote)
        {
            char d = script[i];
            if (d == '\\' && i + 1 < script.Length)
            {
                i = ReadEscape(script, i + 1, result);
                continue;
            }

            // Only template literals span lines; an unclosed quote ends at the line's end.
            if (d == '\n' && quote != '`')
                break;
            result.Append(d);
            i++;
        }

        return i + 1;
    }

    /// <summary>Appends the escape whose letter is at <paramref name="at"/>; returns where the literal goes on.</summary>
    private static int ReadEscape(string script, int at, StringBuilder result)
    {
        char e = script[at];
        int i = at + 1;
        switch (e)
        {
            case 'n':
            case 'r':
            case 't':
                result.Append(' ');
                return i;
            case 'u' when i + 4 <= script.Length && int.TryParse(script.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                result.Append((char)code);
                return i + 4;
            case 'x' when i + 2 <= script.Length && int.TryParse(script.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int hex):
                result.Append((char)hex);
                return i + 2;
            case '\n':
                return i;
            default:
                result.Append(e);
                return i;
        }
    }
}
