using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using UglyToad.PdfPig.Content;

namespace GovInfoReports.Documents;

/// <summary>One glyph of a page, in points from the page's top left (y grows downwards).</summary>
internal readonly record struct PdfGlyph(string Text, double Left, double Top, double Right, double Bottom, double Baseline, double Size)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>A block of a page in reading order: a table, or a line of text.</summary>
internal sealed class PdfBlock
{
    public PdfBlock(int page, double top, PdfTable? table, string? text, PageBox box)
    {
        Page = page;
        Top = top;
        Table = table;
        Text = text;
        Box = box;
    }

    public int Page { get; }

    public double Top { get; }

    public PdfTable? Table { get; }

    public string? Text { get; }

    public PageBox Box { get; }
}

/// <summary>
/// A page as blocks: its ruled tables (<see cref="PdfTableFinder"/>) with the glyphs inside them, and the other glyphs
/// as lines of text, top to bottom.
/// </summary>
internal sealed class PdfPageLayout
{
    private PdfPageLayout(int page, double height, List<PdfBlock> blocks)
    {
        Number = page;
        Height = height;
        Blocks = blocks;
    }

    public double Height { get; }

    public int Number { get; }

    public List<PdfBlock> Blocks { get; }

    public static PdfPageLayout Of(Page page, int number)
    {
        double height = page.Height;
        var glyphs = Glyphs(page.Letters, height);
        var tables = PdfTableFinder.Find(page, height, number);
        var blocks = new List<PdfBlock>();
        var free = new List<PdfGlyph>();
        // Glyphs go to cells a word at a time: a number too wide for its cell runs over the rule into the next one,
        // and its digits belong together where the word stands (its centre, or else where it starts).
        foreach (var word in Words(glyphs))
        {
            var (x, y) = (word.Average(g => g.CenterX), word.Average(g => g.CenterY));
            var owner = tables.FirstOrDefault(t => t.Contains(x, y))
                ?? tables.FirstOrDefault(t => t.Contains(word[0].CenterX, word[0].CenterY))
                ?? tables.FirstOrDefault(t => t.Overflows(word[0], height));
            if (owner is null)
                free.AddRange(word);
            else
                owner.Add(word);
        }

        foreach (var table in tables)
        {
            table.Finish();
            blocks.Add(new PdfBlock(number, table.Top, table, null, table.Box));
        }

        var lines = Lines(free);
        var taken = new HashSet<int>();
        foreach (var (table, members) in PdfBorderlessTables.Find(lines, number))
        {
            blocks.Add(new PdfBlock(number, table.Top, table, null, table.Box));
            taken.UnionWith(members);
        }

        for (int i = 0; i < lines.Count; i++)
        {
            if (taken.Contains(i))
                continue;
            var line = lines[i];
            var text = Join(line, cell: false);
            if (text.Length == 0)
                continue;
            var box = new PageBox(number, line.Min(g => g.Left), line.Min(g => g.Top), line.Max(g => g.Right), line.Max(g => g.Bottom));
            blocks.Add(new PdfBlock(number, box.Top, null, text, box));
        }

        blocks.Sort((a, b) => a.Top.CompareTo(b.Top));
        return new PdfPageLayout(number, height, blocks);
    }

    /// <summary>
    /// The blocks of all pages in order, page furniture (a short line in the top or bottom margin: page numbers, running
    /// headers) left out, and a table that goes on on the next page joined with its continuation (the continuation's
    /// repeated header rows dropped).
    /// </summary>
    public static IEnumerable<PdfBlock> Join(IReadOnlyList<PdfPageLayout> pages)
    {
        var result = new List<PdfBlock>();
        foreach (var page in pages)
        {
            var blocks = page.Blocks.Where(b => b.Table is not null || !page.IsFurniture(b)).ToList();
            for (int i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (i == 0 && block.Table is { } next && result.Count > 0 && result[^1].Table is { } previous && previous.Page < block.Page && previous.Continues(next))
                {
                    previous.Append(next);
                    continue;
                }

                result.Add(block);
            }
        }

        return result;
    }

    // A short line with a number and hardly any words, in the page's top or bottom 8 %: a page number ("- 3 -", "3/10",
    // a few characters around a number). A title or a running header with words is text.
    private bool IsFurniture(PdfBlock block) =>
        block.Text is { Length: <= 16 } text && text.Any(char.IsDigit) && text.Count(IsCjk) <= 4
        && (block.Box.Top > Height * 0.92 || block.Box.Bottom < Height * 0.08);

    /// <summary>The page's glyphs in top-left coordinates: whitespace dropped, a glyph drawn twice (fake bold) once, compatibility forms mapped.</summary>
    private static List<PdfGlyph> Glyphs(IReadOnlyList<Letter> letters, double height)
    {
        var glyphs = new List<PdfGlyph>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
                continue;
            var r = letter.BoundingBox;
            double size = Math.Max(1, Math.Max(letter.PointSize, r.Height));
            var glyph = new PdfGlyph(PdfCharacters.Normalize(letter.Value), r.Left, height - r.Top, r.Right, height - r.Bottom, height - letter.StartBaseLine.Y, size);
            glyphs.Add(glyph);
        }

        // Bold drawn as the same glyph twice at a small offset: keep the first.
        glyphs.Sort((a, b) => a.Baseline != b.Baseline ? a.Baseline.CompareTo(b.Baseline) : a.Left.CompareTo(b.Left));
        var kept = new List<PdfGlyph>(glyphs.Count);
        foreach (var glyph in glyphs)
        {
            bool duplicate = false;
            for (int k = kept.Count - 1; k >= 0 && k >= kept.Count - 4; k--)
            {
                var other = kept[k];
                if (other.Text == glyph.Text && Math.Abs(other.Left - glyph.Left) < glyph.Size * 0.2 && Math.Abs(other.Baseline - glyph.Baseline) < glyph.Size * 0.2)
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
                kept.Add(glyph);
        }

        return kept;
    }

    /// <summary>Runs of glyphs on one line with no gap between them (a number, a word, a run of Chinese set solid).</summary>
    private static IEnumerable<List<PdfGlyph>> Words(List<PdfGlyph> glyphs)
    {
        foreach (var line in Lines(glyphs))
        {
            var word = new List<PdfGlyph> { line[0] };
            for (int i = 1; i < line.Count; i++)
            {
                if (line[i].Left - line[i - 1].Right > Math.Min(line[i].Size, line[i - 1].Size) * 0.15)
                {
                    yield return word;
                    word = new List<PdfGlyph>();
                }

                word.Add(line[i]);
            }

            yield return word;
        }
    }

    /// <summary>Glyphs grouped into lines by baseline, each line left to right, lines top to bottom.</summary>
    internal static List<List<PdfGlyph>> Lines(IEnumerable<PdfGlyph> glyphs)
    {
        var lines = new List<List<PdfGlyph>>();
        foreach (var glyph in glyphs.OrderBy(g => g.Baseline).ThenBy(g => g.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[^1].Baseline - glyph.Baseline) <= Math.Min(line[^1].Size, glyph.Size) * 0.4)
                line.Add(glyph);
            else
                lines.Add(new List<PdfGlyph> { glyph });
        }

        foreach (var line in lines)
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
        return lines;
    }

    /// <summary>
    /// A line's text: glyphs in order, a space where the gap is wide (a word or column gap), none between Chinese
    /// characters set close. In a cell a wide gap is one space; in free text a very wide gap (a column of a table
    /// drawn without rules) is two, so that the text reader sees the columns.
    /// </summary>
    internal static string Join(List<PdfGlyph> line, bool cell)
    {
        var text = new StringBuilder();
        for (int i = 0; i < line.Count; i++)
        {
            var glyph = line[i];
            if (i > 0)
            {
                var previous = line[i - 1];
                double gap = glyph.Left - previous.Right;
                double size = Math.Min(previous.Size, glyph.Size);
                if (!cell && gap > size * 1.5)
                    text.Append("  ");
                else if (gap > size * 0.3 && (gap > size * 0.9 || IsAsciiWord(previous.Text) || IsAsciiWord(glyph.Text)))
                    text.Append(' ');
            }

            text.Append(glyph.Text);
        }

        return text.ToString().Trim();
    }

    private static bool IsAsciiWord(string text) => text.Length > 0 && text[^1] < 128 && char.IsLetterOrDigit(text[^1]);

    /// <summary>Whether a character is a CJK ideograph or punctuation (lines of Chinese join without a space).</summary>
    internal static bool IsCjk(char c) => (c >= '\u3000' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFFEF');
}
