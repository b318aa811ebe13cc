using System.Collections.Generic;
using System.Linq;
using GovInfoReports.Documents;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>
/// A row of numbers under a header of its own, drawn without rules (the review and litigation table of a borderless
/// export): the columns are where the bottom-level headings stand, group headings span the columns they are centred
/// over, a caption above is not the table's, and a number that stands under no heading leaves the row unread.
/// </summary>
public sealed class PdfBorderlessTableTests
{
    private const double Size = 10;

    // A word set on a baseline from x, one glyph of the font size per character.
    private static List<PdfGlyph> Word(string text, double x, double baseline) =>
        text.Select((c, i) => new PdfGlyph(c.ToString(), x + i * Size, baseline - 8.8, x + (i + 1) * Size, baseline + 1.2, baseline, Size)).ToList();

    private static List<PdfGlyph> Line(params List<PdfGlyph>[] words) => words.SelectMany(w => w).OrderBy(g => g.Left).ToList();

    // Four columns of two-line headings (结果/维持 …) at x = 50, 100, 150, 200, each 20 wide; 甲组 centred over the first
    // two, 乙组 over the last two; a caption left-aligned above.
    private static List<List<PdfGlyph>> Header() => new()
    {
        Line(Word("四、情况说明", 20, 100)),
        Line(Word("甲组", 75, 130), Word("乙组", 175, 130)),
        Line(Word("结果", 50, 160), Word("结果", 100, 160), Word("其他", 150, 160), Word("总计", 200, 166)),
        Line(Word("维持", 50, 174), Word("纠正", 100, 174), Word("结果", 150, 174)),
    };

    [Fact]
    public void Numbers_under_headings_are_a_grid_with_blanks_where_no_number_stands()
    {
        var lines = Header();
        // Right-aligned numbers, each overlapping its heading; the second column prints nothing.
        lines.Add(Line(Word("3", 62, 200), Word("12", 160, 200), Word("7", 205, 200)));

        var (table, members) = Assert.Single(PdfBorderlessTables.Find(lines, page: 2));
        Assert.Equal(new[] { 1, 2, 3, 4 }, members.Order());  // not the caption
        Assert.False(table.IsRuled);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(4, table.ColumnCount);
        string Text(int row, int column) => table.Cells.Single(c => c.Row == row && c.Column <= column && column < c.Column + c.ColumnSpan).Text;

        var groups = table.Cells.Where(c => c.Row == 0).OrderBy(c => c.Column).Select(c => (c.Text, c.Column, c.ColumnSpan)).ToList();
        Assert.Equal(new[] { ("甲组", 0, 2), ("乙组", 2, 2) }, groups);
        Assert.Equal(new[] { "结果维持", "结果纠正", "其他结果", "总计" }, Enumerable.Range(0, 4).Select(c => Text(1, c)));
        Assert.Equal(new[] { "3", "", "12", "7" }, Enumerable.Range(0, 4).Select(c => Text(2, c)));
        Assert.All(table.Cells, c => Assert.Equal(2, c.Box.Page));
        var twelve = table.Cells.Single(c => c.Text == "12").Box;
        Assert.Equal((160.0, 180.0), (twelve.Left, twelve.Right));
    }

    [Theory]
    [InlineData("3", 80)]       // between the first two headings, under neither
    [InlineData("12345", 62)]   // 62..112: over the first heading and the second
    public void A_number_under_no_heading_or_under_two_leaves_the_row_unread(string number, double x)
    {
        var lines = Header();
        lines.Add(Line(Word(number, x, 200), Word("12", 160, 200), Word("7", 205, 200)));

        Assert.Empty(PdfBorderlessTables.Find(lines, page: 1));
    }

    [Fact]
    public void A_group_heading_centred_over_no_run_of_columns_ends_the_header()
    {
        var lines = Header();
        lines[1] = Line(Word("甲组", 60, 130), Word("乙组", 175, 130)); // 甲组 off-centre: neither a heading nor a group's
        lines.Add(Line(Word("3", 62, 200), Word("5", 112, 200), Word("12", 160, 200), Word("7", 205, 200)));

        var (table, members) = Assert.Single(PdfBorderlessTables.Find(lines, page: 1));
        Assert.Equal(new[] { 2, 3, 4 }, members.Order());
        Assert.Equal(2, table.RowCount); // the headings and the numbers, no group row
        Assert.Equal("5", table.Cells.Single(c => c.Row == 1 && c.Column == 1).Text);
    }
}
