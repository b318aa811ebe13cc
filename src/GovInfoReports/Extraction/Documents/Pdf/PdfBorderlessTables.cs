using System;
using System.Collections.Generic;
using System.Linq;

namespace GovInfoReports.Documents;

/// <summary>
/// Tables drawn without rules, from the geometry of their text: rows are lines, and the columns are where the numbers
/// stand. Consecutive lines that end in numbers form a block; each number belongs to the column whose position it
/// shares with the numbers above and below it, so a blank cell is an empty column at its place, not a shift. A line
/// whose numbers do not each fall in one column of the block, or a heading over the value columns, starts a new block;
/// a block of fewer than two numeric lines stays text. When the geometry cannot decide, the text reader gets the lines
/// and reports what it cannot place (never shifted).
/// </summary>
internal static class PdfBorderlessTables
{
    private sealed class Word
    {
        public Word(List<PdfGlyph> glyphs)
        {
            Glyphs = glyphs;
            Text = PdfPageLayout.Join(glyphs, cell: true);
            Left = glyphs.Min(g => g.Left);
            Right = glyphs.Max(g => g.Right);
            Size = glyphs.Max(g => g.Size);
            IsNumber = Text.Length > 0 && Text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+' or '%') && Text.Any(char.IsAsciiDigit);
        }

        public List<PdfGlyph> Glyphs { get; }

        public string Text { get; }

        public double Left { get; }

        public double Right { get; }

        public double Center => (Left + Right) / 2;

        public double Size { get; }

        public bool IsNumber { get; }
    }

    private sealed class Line
    {
        public Line(List<PdfGlyph> glyphs)
        {
            Glyphs = glyphs;
            Words = Split(glyphs, 0.5).Select(w => new Word(w)).ToList();
            int firstNumber = Words.FindIndex(w => w.IsNumber);
            // Numbers at the end of the line, after its text: a row of a table. A number inside prose is not.
            Numbers = firstNumber >= 0 && Words.Skip(firstNumber).All(w => w.IsNumber) ? Words.Skip(firstNumber).ToList() : new List<Word>();
            // The label as segments apart by a column's gap (a group label and a row label side by side), not by the
            // small gaps inside Chinese text with punctuation.
            var labelGlyphs = Words.Take(Numbers.Count > 0 ? firstNumber : Words.Count).SelectMany(w => w.Glyphs).ToList();
            Label = labelGlyphs.Count == 0 ? new List<Word>() : Split(labelGlyphs, 0.8).Select(g => new Word(g)).ToList();
        }

        public List<PdfGlyph> Glyphs { get; }

        public List<Word> Words { get; }

        public List<Word> Numbers { get; }

        public List<Word> Label { get; }
    }

    private sealed class Block
    {
        public List<Line> Lines { get; } = new();

        /// <summary>Each column as the horizontal extent of the numbers placed in it.</summary>
        public List<(double Left, double Right)> Columns { get; } = new();

        public int NumericLines => Lines.Count(l => l.Numbers.Count > 0);

        public double ValuesLeft => Columns.Min(c => c.Left);

        /// <summary>
        /// The column of each number of <paramref name="line"/>: the one column its extent overlaps (numbers of one
        /// column overlap however the column aligns them: left, centred or right); a number that overlaps none opens a
        /// column when <paramref name="extend"/>; null when a number overlaps two, or two numbers fall in one.
        /// </summary>
        public int[]? Place(Line line, bool extend)
        {
            var columns = new List<(double Left, double Right)>(Columns);
            var result = new int[line.Numbers.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var number = line.Numbers[i];
                var overlapping = Enumerable.Range(0, columns.Count).Where(c => number.Left <= columns[c].Right + 1 && number.Right >= columns[c].Left - 1).ToList();
                if (overlapping.Count > 1)
                    return null;
                if (overlapping.Count == 0)
                {
                    if (!extend)
                        return null;
                    columns.Add((number.Left, number.Right));
                    result[i] = columns.Count - 1;
                }
                else
                {
                    result[i] = overlapping[0];
                }
            }

            if (result.Distinct().Count() != result.Length)
                return null;
            for (int i = 1; i < result.Length; i++)
                if (columns[result[i]].Left <= columns[result[i - 1]].Left)
                    return null;
            for (int i = 0; i < result.Length; i++)
            {
                var (left, right) = columns[result[i]];
                columns[result[i]] = (Math.Min(left, line.Numbers[i].Left), Math.Max(right, line.Numbers[i].Right));
            }

            // Columns that now overlap one another were one column seen twice: not a table this reader can place.
            var ordered = columns.OrderBy(c => c.Left).ToList();
            for (int c = 1; c < ordered.Count; c++)
                if (ordered[c].Left <= ordered[c - 1].Right)
                    return null;
            Columns.Clear();
            Columns.AddRange(columns);
            return result;
        }
    }

    /// <summary>The tables among <paramref name="lines"/> (as blocks), and the lines they took.</summary>
    public static List<(PdfTable Table, List<int> Lines)> Find(List<List<PdfGlyph>> lines, int page)
    {
        var parsed = lines.Select(l => new Line(l)).ToList();
        var result = Segment(parsed, page);
        var taken = new HashSet<int>(result.SelectMany(r => r.Lines));
        for (int i = 0; i < parsed.Count; i++)
        {
            if (!taken.Contains(i) && UnderHeader(parsed, i, taken, page) is { } table)
            {
                result.Add(table);
                taken.UnionWith(table.Lines);
            }
        }

        return result;
    }

    /// <summary>A column of a header: the extent of its bottom-level heading's lines, stacked as a cell stacks them.</summary>
    private sealed class HeaderColumn
    {
        public HeaderColumn(Word word, double baseline)
        {
            Words.Add((word, baseline));
            Left = word.Left;
            Right = word.Right;
        }

        public List<(Word Word, double Baseline)> Words { get; } = new();

        public double Left { get; set; }

        public double Right { get; set; }

        public double Top => Words.Min(w => w.Baseline);

        public double Bottom => Words.Max(w => w.Baseline);
    }

    /// <summary>
    /// A single row of numbers without a label under a header of its own (the review and litigation table: fifteen
    /// numbers under two levels of headings), as a grid: the columns are the header's bottom-level headings, each a
    /// stack of lines; a heading set apart above them, centred over a run of columns, is a group heading spanning those
    /// columns. Each number belongs to the one heading its extent overlaps; a column without a number is a blank cell.
    /// The header goes up line by line while every word of a line is a heading or a centred group heading (a caption
    /// above is neither). Null when any number overlaps no heading or two, or a group heading is centred over no run
    /// of the columns below it: the line then stays text, and its cells are missing with a finding.
    /// </summary>
    private static (PdfTable Table, List<int> Lines)? UnderHeader(List<Line> parsed, int row, HashSet<int> taken, int page)
    {
        var line = parsed[row];
        if (line.Numbers.Count < 2 || line.Label.Count > 0)
            return null;
        double size = line.Numbers.Max(n => n.Size);
        var columns = new List<HeaderColumn>();
        var groups = new List<(Word Word, double Baseline)>();
        var members = new List<int>();
        double top = line.Glyphs.Min(g => g.Top);
        for (int i = row - 1; i >= 0 && members.Count < 12; i--)
        {
            var above = parsed[i];
            if (taken.Contains(i) || above.Numbers.Count > 0 || top - above.Glyphs.Max(g => g.Bottom) > size * 2.5)
                break;
            if (!AddHeaderLine(above, columns, groups))
                break;
            members.Add(i);
            top = above.Glyphs.Min(g => g.Top);
        }

        if (columns.Count < line.Numbers.Count || groups.Any(g => columns.Any(c => c.Bottom <= g.Baseline)))
            return null;
        columns.Sort((a, b) => a.Left.CompareTo(b.Left));

        // Each number in the one column whose heading it overlaps.
        var place = new int[line.Numbers.Count];
        for (int n = 0; n < place.Length; n++)
        {
            var number = line.Numbers[n];
            var overlapping = Enumerable.Range(0, columns.Count).Where(c => number.Left < columns[c].Right && number.Right > columns[c].Left).ToList();
            if (overlapping.Count != 1 || (n > 0 && overlapping[0] <= place[n - 1]))
                return null;
            place[n] = overlapping[0];
        }

        // Group headings top-down, each over the widest run of columns it is centred on inside its parent's run.
        var spans = new List<(Word Word, double Baseline, int First, int Last)>();
        foreach (var (word, baseline) in groups.OrderBy(g => g.Baseline))
        {
            var parent = spans.Where(s => s.Baseline < baseline - word.Size * 0.5 && columns[s.First].Left <= word.Center && word.Center <= columns[s.Last].Right)
                .OrderByDescending(s => s.Baseline).Select(s => ((int First, int Last)?)(s.First, s.Last)).FirstOrDefault();
            if (CentredRun(word, columns, parent ?? (0, columns.Count - 1)) is not { } run)
                return null;
            if (spans.Any(s => Math.Abs(s.Baseline - baseline) < word.Size * 0.5 && s.First <= run.Last && run.First <= s.Last))
                return null; // two headings of one row over the same column
            spans.Add((word, baseline, run.First, run.Last));
        }

        // The grid: a row per line of group headings, the bottom-level headings, the numbers.
        var headingRows = new List<List<(Word Word, double Baseline, int First, int Last)>>();
        foreach (var span in spans.OrderBy(s => s.Baseline))
        {
            if (headingRows.Count > 0 && span.Baseline - headingRows[^1][0].Baseline < span.Word.Size * 0.5)
                headingRows[^1].Add(span);
            else
                headingRows.Add(new() { span });
        }

        var xs = columns.Select(c => c.Left).Append(columns[^1].Right).ToList();
        var cells = new List<PdfTableCell>();
        for (int r = 0; r < headingRows.Count; r++)
        {
            double rowTop = headingRows[r].Min(s => s.Word.Glyphs.Min(g => g.Top)), rowBottom = headingRows[r].Max(s => s.Word.Glyphs.Max(g => g.Bottom));
            for (int c = 0; c < columns.Count;)
            {
                var span = headingRows[r].FirstOrDefault(s => s.First == c);
                int width = span.Word is null ? 1 : span.Last - span.First + 1;
                cells.Add(new PdfTableCell(r, c, 1, width, new PageBox(page, columns[c].Left, rowTop, columns[c + width - 1].Right, rowBottom)) { Text = span.Word?.Text ?? "" });
                c += width;
            }
        }

        int leafRow = headingRows.Count;
        for (int c = 0; c < columns.Count; c++)
        {
            string text = "";
            foreach (var (word, _) in columns[c].Words.OrderBy(w => w.Baseline))
                text = PdfTable.JoinLines(text, word.Text);
            var glyphs = columns[c].Words.SelectMany(w => w.Word.Glyphs).ToList();
            cells.Add(new PdfTableCell(leafRow, c, 1, 1, new PageBox(page, columns[c].Left, glyphs.Min(g => g.Top), columns[c].Right, glyphs.Max(g => g.Bottom))) { Text = text });
        }

        double valueTop = line.Glyphs.Min(g => g.Top), valueBottom = line.Glyphs.Max(g => g.Bottom);
        for (int c = 0; c < columns.Count; c++)
        {
            int n = Array.IndexOf(place, c);
            var box = n >= 0 ? new PageBox(page, line.Numbers[n].Left, valueTop, line.Numbers[n].Right, valueBottom) : new PageBox(page, columns[c].Left, valueTop, columns[c].Right, valueBottom);
            cells.Add(new PdfTableCell(leafRow + 1, c, 1, 1, box) { Text = n >= 0 ? line.Numbers[n].Text : "" });
        }

        members.Add(row);
        return (new PdfTable(page, xs, leafRow + 2, columns.Count, cells) { IsRuled = false }, members);
    }

    /// <summary>
    /// Takes the words of a header line, bottom-up: a word over exactly one column and just above its top line is
    /// another line of that heading; a word over no column, level with the headings' top lines and below every group
    /// heading, starts a column; any other word (one set apart above) is a group heading if it is centred over a run of
    /// columns. False (nothing taken) when a word is none of these.
    /// </summary>
    private static bool AddHeaderLine(Line line, List<HeaderColumn> columns, List<(Word Word, double Baseline)> groups)
    {
        var stacked = new List<(HeaderColumn Column, Word Word, double Baseline)>();
        var started = new List<HeaderColumn>();
        var grouped = new List<(Word Word, double Baseline)>();
        foreach (var word in Split(line.Glyphs, 0.5).Select(g => new Word(g)).OrderByDescending(w => w.Glyphs.Average(g => g.Baseline)))
        {
            double baseline = word.Glyphs.Average(g => g.Baseline);
            var all = columns.Concat(started).ToList();
            var over = all.Where(c => word.Left < c.Right && word.Right > c.Left).ToList();
            if (over.Count == 1 && groups.Count == 0 && grouped.Count == 0 && over[0].Top - baseline <= word.Size * 1.8 && !stacked.Any(s => s.Column == over[0]))
                stacked.Add((over[0], word, baseline));
            else if (over.Count == 0 && groups.Count == 0 && grouped.Count == 0 && (all.Count == 0 || all.Min(c => c.Top) - baseline <= word.Size * 1.8))
                started.Add(new HeaderColumn(word, baseline));
            else if (all.Count >= 2 && CentredRun(word, all.OrderBy(c => c.Left).ToList(), (0, all.Count - 1)) is not null)
                grouped.Add((word, baseline));
            else
                return false;
        }

        foreach (var (column, word, baseline) in stacked)
        {
            column.Words.Add((word, baseline));
            column.Left = Math.Min(column.Left, word.Left);
            column.Right = Math.Max(column.Right, word.Right);
        }

        columns.AddRange(started);
        groups.AddRange(grouped);
        return true;
    }

    /// <summary>
    /// The widest run of <paramref name="columns"/> (ordered) inside <paramref name="within"/> whose middle is the
    /// word's centre and which holds the word; null when there is none.
    /// </summary>
    private static (int First, int Last)? CentredRun(Word word, List<HeaderColumn> columns, (int First, int Last) within)
    {
        double tolerance = Math.Max(1.5, word.Size * 0.15);
        (int First, int Last)? best = null;
        for (int first = within.First; first <= within.Last; first++)
        {
            for (int last = within.Last; last >= first && (best is null || last - first > best.Value.Last - best.Value.First); last--)
            {
                double left = first > 0 ? (columns[first - 1].Right + columns[first].Left) / 2 : double.NegativeInfinity;
                double right = last < columns.Count - 1 ? (columns[last].Right + columns[last + 1].Left) / 2 : double.PositiveInfinity;
                if (Math.Abs((columns[first].Left + columns[last].Right) / 2 - word.Center) <= tolerance && word.Left >= left && word.Right <= right)
                {
                    best = (first, last);
                    break;
                }
            }
        }

        return best;
    }

    private static List<(PdfTable Table, List<int> Lines)> Segment(List<Line> parsed, int page)
    {
        var result = new List<(PdfTable, List<int>)>();
        Block? block = null;
        var members = new List<int>();
        void Close()
        {
            // Lines after the last row (a heading that follows the table) are not the table's.
            while (block is not null && block.Lines.Count > 0 && block.Lines[^1].Numbers.Count == 0)
            {
                block.Lines.RemoveAt(block.Lines.Count - 1);
                members.RemoveAt(members.Count - 1);
            }

            if (block is not null && block.NumericLines >= 2 && block.Columns.Count >= 1)
                result.Add((Build(block, page), new List<int>(members)));
            block = null;
            members.Clear();
        }

        for (int i = 0; i < parsed.Count; i++)
        {
            var line = parsed[i];
            if (line.Numbers.Count == 0)
            {
                // Text that reaches over the value columns (a column heading, a caption) ends the block. Text left of
                // them is a label broken over lines, and stays with the rows.
                if (block is not null && line.Words.All(w => w.Right < block.ValuesLeft))
                {
                    block.Lines.Add(line);
                    members.Add(i);
                }
                else
                {
                    Close();
                }

                continue;
            }

            // A row may open a column no row before it used (a blank above) only right after another row: after
            // label lines or headings it is more likely the start of another table.
            bool afterRow = block is not null && block.Lines[^1].Numbers.Count > 0;
            if (block is not null && block.Place(line, extend: afterRow) is null)
                Close();
            if (block is null)
            {
                block = new Block();
                if (block.Place(line, extend: true) is null)
                {
                    // Its own numbers crowd one column: not a row this reader can place; it stays text.
                    block = null;
                    continue;
                }
            }

            block.Lines.Add(line);
            members.Add(i);
        }

        Close();
        return result;
    }

    /// <summary>
    /// The block as a grid. Its rows are the lines with numbers; a label broken over lines (set above and below the
    /// numbers, as a cell centres its text) is put together again: the label words are in columns by their left edges;
    /// in the last label column (the rows' own labels) each line goes to the nearest row; in the others (group labels
    /// over several rows) a run of lines goes whole to the row nearest its middle.
    /// </summary>
    private static PdfTable Build(Block block, int page)
    {
        var rows = block.Lines.Where(l => l.Numbers.Count > 0).ToList();
        double Baseline(Line line) => line.Glyphs.Average(g => g.Baseline);
        int Nearest(double y) => Enumerable.Range(0, rows.Count).OrderBy(r => Math.Abs(Baseline(rows[r]) - y)).First();

        // Label columns from the words' left edges.
        var words = block.Lines.SelectMany(l => l.Label.Select(w => (Word: w, Y: Baseline(l)))).ToList();
        var starts = new List<double>();
        foreach (var left in words.Select(w => w.Word.Left).OrderBy(x => x))
            if (starts.Count == 0 || left - starts[^1] > words[0].Word.Size * 1.5)
                starts.Add(left);
        int LabelColumn(Word w) => starts.FindLastIndex(x => x <= w.Left + w.Size * 0.75) is var i && i >= 0 ? i : 0;

        var labels = new string[rows.Count, Math.Max(1, starts.Count)];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < labels.GetLength(1); c++)
                labels[r, c] = "";
        for (int c = 0; c < starts.Count; c++)
        {
            var column = words.Where(w => LabelColumn(w.Word) == c).OrderBy(w => w.Y).ThenBy(w => w.Word.Left).ToList();
            if (c == starts.Count - 1)
            {
                foreach (var (word, y) in column)
                {
                    int r = Nearest(y);
                    labels[r, c] = PdfTable.JoinLines(labels[r, c], word.Text);
                }

                continue;
            }

            // Runs of lines close together: one group label each.
            int i = 0;
            while (i < column.Count)
            {
                int j = i + 1;
                while (j < column.Count && column[j].Y - column[j - 1].Y <= column[j].Word.Size * 1.6)
                    j++;
                string text = "";
                foreach (var (word, _) in column.Skip(i).Take(j - i))
                    text = PdfTable.JoinLines(text, word.Text);
                int r = Nearest((column[i].Y + column[j - 1].Y) / 2);
                labels[r, c] = PdfTable.JoinLines(labels[r, c], text);
                i = j;
            }
        }

        int labelColumns = labels.GetLength(1);
        var order = block.Columns.Select((x, i) => (x.Left, i)).OrderBy(t => t.Left).Select(t => t.i).ToList();
        var xs = new List<double>();
        xs.AddRange(starts.Count > 0 ? starts : new List<double> { block.Lines.Min(l => l.Glyphs.Min(g => g.Left)) });
        xs.AddRange(order.Select(i => block.Columns[i].Left));
        xs.Add(xs[^1] + 1); // one position per column and one past the last, as a ruled table's boundaries
        var cells = new List<PdfTableCell>();
        for (int r = 0; r < rows.Count; r++)
        {
            var line = rows[r];
            double top = line.Glyphs.Min(g => g.Top), bottom = line.Glyphs.Max(g => g.Bottom);
            // A label spans the empty label columns after it (as its merged cell does in the table as drawn).
            for (int c = 0; c < labelColumns;)
            {
                int span = 1;
                if (labels[r, c].Length > 0)
                    while (c + span < labelColumns && labels[r, c + span].Length == 0)
                        span++;
                cells.Add(new PdfTableCell(r, c, 1, span, new PageBox(page, xs[c], top, xs[c + span], bottom)) { Text = labels[r, c] });
                c += span;
            }
            var placed = block.Place(line, extend: false) ?? Array.Empty<int>();
            for (int c = 0; c < order.Count; c++)
            {
                int k = Array.IndexOf(placed, order[c]);
                var number = k >= 0 ? line.Numbers[k] : null;
                var box = number is null ? new PageBox(page, block.Columns[order[c]].Left, top, block.Columns[order[c]].Right, bottom) : new PageBox(page, number.Left, top, number.Right, bottom);
                cells.Add(new PdfTableCell(r, labelColumns + c, 1, 1, box) { Text = number?.Text ?? "" });
            }
        }

        return new PdfTable(page, xs, rows.Count, labelColumns + order.Count, cells) { IsRuled = false };
    }

    private static IEnumerable<List<PdfGlyph>> Split(List<PdfGlyph> line, double gap)
    {
        var word = new List<PdfGlyph> { line[0] };
        for (int i = 1; i < line.Count; i++)
        {
            if (line[i].Left - line[i - 1].Right > Math.Min(line[i].Size, line[i - 1].Size) * gap)
            {
                yield return word;
                word = new List<PdfGlyph>();
            }

            word.Add(line[i]);
        }

        yield return word;
    }
}
