using System;
using System.Text;

namespace GovInfoReports.Rendering;

/// <summary>
/// Writes a report as Markdown pipe tables or as plain text in aligned columns. Neither can merge cells: a merged
/// cell's text stands at its top-left position and the positions it covers are empty; a blank value cell is printed
/// as <see cref="ReportRenderer.BlankMark"/>, since an empty cell in text cannot say which column it is.
/// </summary>
internal static class PlainWriter
{
    private const string ColumnGap = "  ";

    public static string Write(IReport report, bool markdown)
    {
        var text = new StringBuilder();
        string title = ReportRenderer.Title(report);
        text.Append(markdown ? "# " + MarkdownText(title) : title).Append('\n');
        foreach (var (heading, caption, table) in ReportRenderer.Parts(report.Template))
        {
            if (heading is not null)
                text.Append('\n').Append(markdown ? "## " : "").Append(heading).Append('\n');
            if (caption is not null)
                text.Append('\n').Append(caption).Append('\n');
            if (table is null)
                continue;
            var grid = Grid(report, table);
            text.Append('\n');
            if (markdown)
                Markdown(grid, text);
            else
                Aligned(grid, table, text);
        }

        return text.ToString();
    }

    /// <summary>
    /// Text that Markdown shows as written: its punctuation that could open markup (emphasis, links, HTML such as
    /// &lt;script&gt;, table pipes, headings) escaped with a backslash.
    /// </summary>
    private static string MarkdownText(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '!' or '&')
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>The table as rows of cell texts (covered positions empty).</summary>
    private static string[][] Grid(IReport report, OfficialTable table)
    {
        var grid = new string[table.RowCount][];
        for (int r = 0; r < grid.Length; r++)
        {
            grid[r] = new string[table.ColumnCount];
            Array.Fill(grid[r], "");
        }

        foreach (var cell in table.Cells)
        {
            string text = cell.Kind == OfficialCellKind.Value
                ? ReportRenderer.FormatValue(report.GetCell(cell.Cell!.Index), cell.Cell) is { Length: > 0 } value ? value : ReportRenderer.BlankMark
                : cell.Text;
            grid[cell.Row][cell.Column] = text;
        }

        return grid;
    }

    private static void Markdown(string[][] grid, StringBuilder text)
    {
        for (int r = 0; r < grid.Length; r++)
        {
            text.Append('|');
            foreach (string cell in grid[r])
                text.Append(' ').Append(cell.Replace("|", "\\|")).Append(" |");
            text.Append('\n');
            if (r == 0)
            {
                text.Append('|');
                for (int c = 0; c < grid[r].Length; c++)
                    text.Append(" --- |");
                text.Append('\n');
            }
        }
    }

    private static void Aligned(string[][] grid, OfficialTable table, StringBuilder text)
    {
        var widths = new int[table.ColumnCount];
        foreach (var cell in table.Cells)
            if (cell.ColumnSpan == 1)
                widths[cell.Column] = Math.Max(widths[cell.Column], Width(grid[cell.Row][cell.Column]));
        foreach (var cell in table.Cells)
        {
            if (cell.ColumnSpan == 1)
                continue;
            int available = -ColumnGap.Length;
            for (int c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                available += widths[c] + ColumnGap.Length;
            int needed = Width(grid[cell.Row][cell.Column]);
            if (needed > available)
                widths[cell.Column + cell.ColumnSpan - 1] += needed - available;
        }

        // The width of each row's cells: a cell spans its columns' widths and the gaps between them.
        var spans = new int[table.RowCount, table.ColumnCount];
        foreach (var cell in table.Cells)
            spans[cell.Row, cell.Column] = cell.ColumnSpan;
        var line = new StringBuilder();
        for (int r = 0; r < grid.Length; r++)
        {
            line.Clear();
            for (int c = 0; c < grid[r].Length;)
            {
                int span = Math.Max(1, spans[r, c]);
                int width = -ColumnGap.Length;
                for (int k = c; k < c + span; k++)
                    width += widths[k] + ColumnGap.Length;
                if (c > 0)
                    line.Append(ColumnGap);
                line.Append(grid[r][c]).Append(' ', Math.Max(0, width - Width(grid[r][c])));
                c += span;
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    /// <summary>The display width of a text: East Asian wide characters count two columns.</summary>
    internal static int Width(string text)
    {
        int width = 0;
        foreach (char c in text)
            width += IsWide(c) ? 2 : 1;
        return width;
    }

    private static bool IsWide(char c) =>
        (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3') ||
        (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60') || (c >= '\uFFE0' && c <= '\uFFE6');
}
