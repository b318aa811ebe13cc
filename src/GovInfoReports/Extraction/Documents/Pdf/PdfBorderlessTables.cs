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
    public static List<(PdfTable Table, List<int> Lines)> Find(List<List<PdfGlyph>> lines, int page) =>
        Segment(lines.Select(l => new Line(l)).ToList(), page);

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
