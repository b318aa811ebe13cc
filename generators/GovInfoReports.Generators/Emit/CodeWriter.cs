using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GovInfoReports.Generators.Emit;

/// <summary>Writes indented C# with '\n' line ends, whatever the machine, so output is byte-for-byte reproducible.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
            _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> (unless it is just a brace), then an opening brace, and indents.</summary>
    public void Open(string header = "{")
    {
        if (header != "{")
            Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string text = "}")
    {
        _indent--;
        Line(text);
    }

    public void Doc(string summary, string? remarks = null)
    {
        Line("/// <summary>" + Xml(summary) + "</summary>");
        if (remarks is not null)
            Line("/// <remarks>" + remarks + "</remarks>");
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A C# string literal (culture-invariant; non-ASCII text kept readable).</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text escaped for an XML doc comment, on one line.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r':
                case '\n': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
