using System;
using System.Globalization;

namespace GovInfoReports.Extraction;

/// <summary>
/// A position in the input text: 1-based line and 1-based column (in UTF-16 code units). Lines end at
/// <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>.
/// </summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column number, counted in UTF-16 code units.</param>
public readonly record struct SourcePosition(int Line, int Column) : IComparable<SourcePosition>
{
    /// <inheritdoc/>
    public int CompareTo(SourcePosition other)
    {
        int byLine = Line.CompareTo(other.Line);
        return byLine != 0 ? byLine : Column.CompareTo(other.Column);
    }

    /// <summary>The position as <c>line:column</c>.</summary>
    public override string ToString() =>
        Line.ToString(CultureInfo.InvariantCulture) + ":" + Column.ToString(CultureInfo.InvariantCulture);
}
