using System;
using System.Collections.Generic;
using System.Linq;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace GovInfoReports.Documents;

/// <summary>A horizontal or vertical rule of a page: at <see cref="At"/> (y or x), from <see cref="From"/> to <see cref="To"/>.</summary>
internal readonly record struct PdfRule(double At, double From, double To);

/// <summary>
/// Tables from ruling lines, as tabula and pdfplumber find them: the page's stroked lines and thin filled rectangles,
/// horizontal and vertical, snapped and joined with a tolerance; rules that cross form a table; its grid is the rules'
/// distinct positions; a cell of the grid whose right (or lower) border is missing is merged with its neighbour.
/// </summary>
internal static class PdfTableFinder
{
    private const double Thin = 3.0;        // a filled rectangle at most this thick is a rule
    private const double Snap = 2.0;        // positions closer than this are one

    public static List<PdfTable> Find(Page page, double height, int number)
    {
        var horizontal = new List<PdfRule>();
        var vertical = new List<PdfRule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
                continue;
            foreach (var subpath in path)
            {
                var bounds = subpath.GetBoundingRectangle();
                if (bounds is not { } r)
                    continue;
                double left = r.Left, right = r.Right, top = height - r.Top, bottom = height - r.Bottom;
                if (path.IsFilled && !path.IsStroked)
                {
                    // A filled shape is a rule only when thin; a cell's background is not.
                    if (bottom - top <= Thin && right - left > Thin)
                        horizontal.Add(new PdfRule((top + bottom) / 2, left, right));
                    else if (right - left <= Thin && bottom - top > Thin)
                        vertical.Add(new PdfRule((left + right) / 2, top, bottom));
                    continue;
                }

                AddSegments(subpath, height, horizontal, vertical);
            }
        }

        var h = Merge(horizontal);
        var v = Merge(vertical);
        return Tables(h, v, number);
    }

    // Each straight segment of a stroked subpath (a closing segment included) that is horizontal or vertical.
    private static void AddSegments(PdfSubpath subpath, double height, List<PdfRule> horizontal, List<PdfRule> vertical)
    {
        PdfPoint? start = null, current = null;
        void Segment(PdfPoint a, PdfPoint b)
        {
            double ax = a.X, ay = height - a.Y, bx = b.X, by = height - b.Y;
            if (Math.Abs(ay - by) <= 0.5 && Math.Abs(ax - bx) > Snap)
                horizontal.Add(new PdfRule((ay + by) / 2, Math.Min(ax, bx), Math.Max(ax, bx)));
            else if (Math.Abs(ax - bx) <= 0.5 && Math.Abs(ay - by) > Snap)
                vertical.Add(new PdfRule((ax + bx) / 2, Math.Min(ay, by), Math.Max(ay, by)));
        }

        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Segment(line.From, line.To);
                    current = line.To;
                    start ??= line.From;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
                case PdfSubpath.Close:
                    if (start is { } s && current is { } c)
                        Segment(c, s);
                    current = start;
                    break;
            }
        }
    }

    /// <summary>Rules at (nearly) one position that overlap or touch, as one.</summary>
    private static List<PdfRule> Merge(List<PdfRule> rules)
    {
        rules.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.From.CompareTo(b.From));
        var groups = new List<List<PdfRule>>();
        foreach (var rule in rules)
        {
            if (groups.Count > 0 && Math.Abs(groups[^1][0].At - rule.At) <= Snap)
                groups[^1].Add(rule);
            else
                groups.Add(new List<PdfRule> { rule });
        }

        var merged = new List<PdfRule>();
        foreach (var group in groups)
        {
            double at = group.Average(r => r.At);
            foreach (var rule in group.OrderBy(r => r.From))
            {
                if (merged.Count > 0 && Math.Abs(merged[^1].At - at) < 1e-9 && rule.From <= merged[^1].To + Snap)
                    merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, rule.To) };
                else
                    merged.Add(new PdfRule(at, rule.From, rule.To));
            }
        }

        return merged;
    }

    private static List<PdfTable> Tables(List<PdfRule> horizontal, List<PdfRule> vertical, int page)
    {
        // Rules that cross (or meet) are one table: union-find over horizontal (0..h-1) and vertical (h..) rules.
        int count = horizontal.Count + vertical.Count;
        var parent = Enumerable.Range(0, count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int i = 0; i < horizontal.Count; i++)
        {
            var hr = horizontal[i];
            for (int j = 0; j < vertical.Count; j++)
            {
                var vr = vertical[j];
                if (vr.At >= hr.From - Snap && vr.At <= hr.To + Snap && hr.At >= vr.From - Snap && hr.At <= vr.To + Snap)
                    parent[Find(i)] = Find(horizontal.Count + j);
            }
        }

        var tables = new List<PdfTable>();
        foreach (var component in Enumerable.Range(0, count).GroupBy(Find))
        {
            var hs = component.Where(i => i < horizontal.Count).Select(i => horizontal[i]).ToList();
            var vs = component.Where(i => i >= horizontal.Count).Select(i => vertical[i - horizontal.Count]).ToList();
            if (hs.Count < 2 || vs.Count < 2)
                continue;
            var ys = Distinct(hs.Select(r => r.At));
            var xs = Distinct(vs.Select(r => r.At));
            if (ys.Count < 2 || xs.Count < 2)
                continue;

            // A table cut by the page: its vertical rules run on past the last horizontal one (to the page's foot) or
            // start before the first (at the head of the next page). That open edge closes the row cut in two.
            double top = vs.Min(r => r.From), bottom = vs.Max(r => r.To);
            bool openTop = top < ys[0] - 3 * Snap, openBottom = bottom > ys[^1] + 3 * Snap;
            if (openTop)
            {
                ys.Insert(0, top);
                hs.Add(new PdfRule(top, xs[0], xs[^1]));
            }

            if (openBottom)
            {
                ys.Add(bottom);
                hs.Add(new PdfRule(bottom, xs[0], xs[^1]));
            }

            var table = Grid(xs, ys, hs, vs, page);
            table.OpenTop = openTop;
            table.OpenBottom = openBottom;
            tables.Add(table);
        }

        return tables;
    }

    private static List<double> Distinct(IEnumerable<double> positions)
    {
        var result = new List<double>();
        foreach (var p in positions.OrderBy(p => p))
        {
            if (result.Count > 0 && p - result[^1] <= Snap)
                continue;
            result.Add(p);
        }

        return result;
    }

    // Whether some rule at `at` covers most of [from, to].
    private static bool Covered(List<PdfRule> rules, double at, double from, double to)
    {
        double need = (to - from) * 0.5;
        foreach (var rule in rules)
        {
            if (Math.Abs(rule.At - at) > Snap)
                continue;
            double overlap = Math.Min(rule.To, to) - Math.Max(rule.From, from);
            if (overlap >= need)
                return true;
        }

        return false;
    }

    private static PdfTable Grid(List<double> xs, List<double> ys, List<PdfRule> hs, List<PdfRule> vs, int page)
    {
        int rows = ys.Count - 1, columns = xs.Count - 1;
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (c + 1 < columns && !Covered(vs, xs[c + 1], ys[r], ys[r + 1]))
                    parent[Find(r * columns + c)] = Find(r * columns + c + 1);
                if (r + 1 < rows && !Covered(hs, ys[r + 1], xs[c], xs[c + 1]))
                    parent[Find(r * columns + c)] = Find((r + 1) * columns + c);
            }
        }

        var owner = new int[rows * columns];
        Array.Fill(owner, -1);
        var cells = new List<PdfTableCell>();
        foreach (var group in Enumerable.Range(0, rows * columns).GroupBy(Find).OrderBy(g => g.Min()))
        {
            int r0 = group.Min(i => i / columns), r1 = group.Max(i => i / columns);
            int c0 = group.Min(i => i % columns), c1 = group.Max(i => i % columns);
            bool free = true;
            for (int r = r0; r <= r1 && free; r++)
                for (int c = c0; c <= c1 && free; c++)
                    free = owner[r * columns + c] < 0;
            if (!free)
                continue; // not a rectangle: the part already taken keeps it
            for (int r = r0; r <= r1; r++)
                for (int c = c0; c <= c1; c++)
                    owner[r * columns + c] = cells.Count;
            cells.Add(new PdfTableCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, new PageBox(page, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])));
        }

        return new PdfTable(page, xs, rows, columns, cells);
    }
}

/// <summary>A cell of a ruled table: its place in the grid, its box and the glyphs inside it.</summary>
internal sealed class PdfTableCell
{
    public PdfTableCell(int row, int column, int rowSpan, int columnSpan, PageBox box)
    {
        Row = row;
        Column = column;
        RowSpan = rowSpan;
        ColumnSpan = columnSpan;
        Box = box;
    }

    public int Row { get; set; }

    public int Column { get; set; }

    public int RowSpan { get; set; }

    public int ColumnSpan { get; set; }

    public PageBox Box { get; }

    public List<PdfGlyph> Glyphs { get; } = new();

    public string Text { get; set; } = "";
}

/// <summary>A table found from ruling lines; joined with its continuation on the next page when there is one.</summary>
internal sealed class PdfTable
{
    private readonly List<double> _xs;

    public PdfTable(int page, List<double> xs, int rows, int columns, List<PdfTableCell> cells)
    {
        Page = page;
        _xs = xs;
        RowCount = rows;
        ColumnCount = columns;
        Cells = cells;
        Box = new PageBox(page, cells.Min(c => c.Box.Left), cells.Min(c => c.Box.Top), cells.Max(c => c.Box.Right), cells.Max(c => c.Box.Bottom));
    }

    public int Page { get; }

    /// <summary>Whether the table was found from ruling lines (otherwise from the alignment of its numbers).</summary>
    public bool IsRuled { get; init; } = true;

    /// <summary>The table's first row was cut by the page's head (its top has no rule).</summary>
    public bool OpenTop { get; set; }

    /// <summary>The table's last row was cut by the page's foot (its bottom has no rule).</summary>
    public bool OpenBottom { get; set; }

    public int RowCount { get; private set; }

    public int ColumnCount { get; }

    public List<PdfTableCell> Cells { get; }

    public PageBox Box { get; }

    public double Top => Box.Top;

    public bool Contains(double x, double y) =>
        Page == Box.Page && x >= Box.Left && x <= Box.Right && y >= Box.Top && y <= Box.Bottom;

    /// <summary>
    /// Whether <paramref name="glyph"/> is text of this table's last row drawn past its bottom rule at a page break (a
    /// browser centres a merged cell's text over the whole cell, and the page cuts the cell): just below a table that
    /// ends in the page's lower quarter, within its width.
    /// </summary>
    public bool Overflows(PdfGlyph glyph, double pageHeight) =>
        Box.Bottom > pageHeight * 0.75 && glyph.Top >= Box.Bottom - 1 && glyph.Top - Box.Bottom < glyph.Size * 2
        && glyph.CenterX >= Box.Left && glyph.CenterX <= Box.Right
        && Lowest(glyph.CenterX, glyph.CenterY) is { RowSpan: > 1 }; // only a merged cell's text runs past the page's cut

    /// <summary>Puts a word in the cell that holds its centre, or else its first glyph, or else (past the bottom rule) the lowest cell of its column.</summary>
    public void Add(List<PdfGlyph> word)
    {
        double x = word.Average(g => g.CenterX), y = word.Average(g => g.CenterY);
        var cell = CellAt(x, y) ?? CellAt(word[0].CenterX, word[0].CenterY) ?? Lowest(word[0].CenterX, y);
        cell?.Glyphs.AddRange(word);
    }

    private PdfTableCell? CellAt(double x, double y) =>
        Cells.FirstOrDefault(c => c.Box.Page == Page && x >= c.Box.Left && x <= c.Box.Right && y >= c.Box.Top && y <= c.Box.Bottom);

    private PdfTableCell? Lowest(double x, double y) =>
        Cells.Where(c => c.Box.Page == Page && x >= c.Box.Left && x <= c.Box.Right && y > c.Box.Bottom).OrderByDescending(c => c.Box.Bottom).FirstOrDefault();

    /// <summary>Each cell's text: its lines top to bottom, joined without a space where Chinese runs on.</summary>
    public void Finish()
    {
        foreach (var cell in Cells)
        {
            if (cell.Glyphs.Count == 0)
                continue; // an empty ruled cell, or a cell whose text was set from the line it came from
            string text = "";
            foreach (var line in PdfPageLayout.Lines(cell.Glyphs))
                text = JoinLines(text, PdfPageLayout.Join(line, cell: true));
            cell.Text = text;
            cell.Glyphs.Clear();
        }
    }

    /// <summary>
    /// Whether <paramref name="next"/> (first on the next page) goes on with this table: the same outer edges, and each
    /// of its column rules one of this table's (a part of a table may lack some inner rules where its cells span them).
    /// </summary>
    public bool Continues(PdfTable next) => next.IsRuled == IsRuled && ColumnMap(next) is not null;

    // For each of next's column positions, the index of the same position here; null when one has none.
    private int[]? ColumnMap(PdfTable next)
    {
        if (Math.Abs(next._xs[0] - _xs[0]) > 3 || Math.Abs(next._xs[^1] - _xs[^1]) > 3)
            return null;
        var map = new int[next._xs.Count];
        for (int i = 0; i < map.Length; i++)
        {
            map[i] = _xs.FindIndex(x => Math.Abs(x - next._xs[i]) <= 3);
            if (map[i] < 0)
                return null;
        }

        return map;
    }

    /// <summary>Appends <paramref name="next"/>'s rows, leaving out its first rows where they repeat this table's header.</summary>
    public void Append(PdfTable next)
    {
        // Columns in this table's grid.
        var map = ColumnMap(next)!;
        foreach (var cell in next.Cells)
        {
            int end = map[cell.Column + cell.ColumnSpan];
            cell.Column = map[cell.Column];
            cell.ColumnSpan = end - cell.Column;
        }

        int repeated = 0;
        while (repeated < next.RowCount && repeated < RowCount && RowText(next, repeated) == RowText(this, repeated) && RowText(next, repeated).Length > 0)
            repeated++;
        // A row broken by the page (Word and LibreOffice let a row break): the continuation's first row then holds only
        // the rest of some texts, and nothing in the columns where the row above has its numbers. It is joined to that row.
        int first = repeated;
        int last = RowCount - 1;
        bool tail = first < next.RowCount && ((OpenBottom && next.OpenTop && repeated == 0) || IsRowTail(next, first, last));
        if (tail)
        {
            foreach (var cell in next.Cells.Where(c => c.Row == first && c.Text.Length > 0))
            {
                var above = Cells.FirstOrDefault(c => c.Row <= last && c.Row + c.RowSpan > last && c.Column <= cell.Column && cell.Column < c.Column + c.ColumnSpan);
                if (above is not null)
                    above.Text = JoinLines(above.Text, cell.Text);
            }
        }

        int dropped = repeated + (tail ? 1 : 0);
        foreach (var cell in next.Cells)
        {
            if (cell.Row < repeated || (tail && cell.Row == first && cell.RowSpan == 1))
                continue;
            if (tail && cell.Row == first)
            {
                // A merged cell that starts on the broken row starts on the next one.
                cell.Row++;
                cell.RowSpan--;
            }

            cell.Row = cell.Row - dropped + RowCount;
            Cells.Add(cell);
        }

        RowCount += next.RowCount - dropped;
        OpenBottom = next.OpenBottom;
    }

    private bool IsRowTail(PdfTable next, int first, int last)
    {
        var numbers = Cells.Where(c => c.Row <= last && c.Row + c.RowSpan > last && IsNumber(c.Text)).ToList();
        if (numbers.Count == 0)
            return false;
        var row = next.Cells.Where(c => c.Row == first).ToList();
        if (!row.Any(c => c.Text.Length > 0))
            return false;
        foreach (var number in numbers)
            if (row.Any(c => c.Column < number.Column + number.ColumnSpan && number.Column < c.Column + c.ColumnSpan && c.Text.Length > 0))
                return false;
        return true;
    }

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.Any(char.IsAsciiDigit) && !text.Any(PdfPageLayout.IsCjk);

    internal static string JoinLines(string first, string second) =>
        first.Length == 0 ? second
        : second.Length == 0 ? first
        : PdfPageLayout.IsCjk(first[^1]) && PdfPageLayout.IsCjk(second[0]) ? first + second : first + " " + second;

    private static string RowText(PdfTable table, int row) =>
        string.Join("\t", table.Cells.Where(c => c.Row == row).OrderBy(c => c.Column).Select(c => c.Column + ":" + c.Text));

    public TableBuilder ToBuilder(DocumentLimits limits)
    {
        var builder = new TableBuilder(limits.MaxTableCells);
        foreach (var row in Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            while (builder.RowCount <= row.Key)
                builder.StartRow();
            foreach (var cell in row.OrderBy(c => c.Column))
                builder.AddAt(cell.Column, cell.Text, cell.ColumnSpan, cell.RowSpan, cell.Box);
        }

        return builder;
    }
}
