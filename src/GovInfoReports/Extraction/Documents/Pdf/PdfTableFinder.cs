using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
            tables.Add(Grid(xs, ys, hs, vs, page));
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

    public int Column { get; }

    public int RowSpan { get; }

    public int ColumnSpan { get; }

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

    public int RowCount { get; private set; }

    public int ColumnCount { get; }

    public List<PdfTableCell> Cells { get; }

    public PageBox Box { get; }

    public double Top => Box.Top;

    public bool Contains(double x, double y) =>
        Page == Box.Page && x >= Box.Left && x <= Box.Right && y >= Box.Top && y <= Box.Bottom;

    public void Add(PdfGlyph glyph)
    {
        foreach (var cell in Cells)
        {
            if (cell.Box.Page == Page && glyph.CenterX >= cell.Box.Left && glyph.CenterX <= cell.Box.Right && glyph.CenterY >= cell.Box.Top && glyph.CenterY <= cell.Box.Bottom)
            {
                cell.Glyphs.Add(glyph);
                return;
            }
        }
    }

    /// <summary>Each cell's text: its lines top to bottom, joined without a space where Chinese runs on.</summary>
    public void Finish()
    {
        foreach (var cell in Cells)
        {
            var text = new StringBuilder();
            foreach (var line in PdfPageLayout.Lines(cell.Glyphs))
            {
                var part = PdfPageLayout.Join(line, cell: true);
                if (part.Length == 0)
                    continue;
                if (text.Length > 0 && !(PdfPageLayout.IsCjk(text[^1]) && PdfPageLayout.IsCjk(part[0])))
                    text.Append(' ');
                text.Append(part);
            }

            cell.Text = text.ToString();
            cell.Glyphs.Clear();
        }
    }

    /// <summary>Whether <paramref name="next"/> (first on the next page) goes on with this table: the same columns.</summary>
    public bool Continues(PdfTable next)
    {
        if (next._xs.Count != _xs.Count)
            return false;
        for (int i = 0; i < _xs.Count; i++)
            if (Math.Abs(next._xs[i] - _xs[i]) > 3)
                return false;
        return true;
    }

    /// <summary>Appends <paramref name="next"/>'s rows, leaving out its first rows where they repeat this table's header.</summary>
    public void Append(PdfTable next)
    {
        int repeated = 0;
        while (repeated < next.RowCount && repeated < RowCount && RowText(next, repeated) == RowText(this, repeated) && RowText(next, repeated).Length > 0)
            repeated++;
        foreach (var cell in next.Cells)
        {
            if (cell.Row < repeated)
                continue;
            cell.Row = cell.Row - repeated + RowCount;
            Cells.Add(cell);
        }

        RowCount += next.RowCount - repeated;
    }

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
