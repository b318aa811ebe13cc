using System;

namespace GovInfoReports.Generators.Parsing;

/// <summary>
/// A range of characters in a template file's text. The parser's own type, so that the parser needs no Roslyn
/// and is compiled into the runtime as well (<c>ReportTemplate.Load</c>); the generator turns it into a Roslyn
/// <c>TextSpan</c> where it reports.
/// </summary>
internal readonly struct SourceSpan : IEquatable<SourceSpan>
{
    public SourceSpan(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Equals(SourceSpan other) => Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => (Start * 397) ^ Length;

    public override string ToString() => "[" + Start + ".." + End + ")";
}

/// <summary>
/// Lines of a template file's text, numbered as the compiler numbers them (a line ends at CR LF, CR, LF, NEL,
/// LINE SEPARATOR or PARAGRAPH SEPARATOR; columns count UTF-16 code units), so that a diagnostic reported by
/// the runtime shows the line and column the build shows.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string text)
    {
        var starts = new System.Collections.Generic.List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                starts.Add(i + 1);
            }
            else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                starts.Add(i + 1);
            }
        }

        _starts = starts.ToArray();
    }

    /// <summary>The 1-based line and column of <paramref name="position"/>.</summary>
    public (int Line, int Column) Position(int position)
    {
        int index = Array.BinarySearch(_starts, position);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, position - _starts[index] + 1);
    }
}
