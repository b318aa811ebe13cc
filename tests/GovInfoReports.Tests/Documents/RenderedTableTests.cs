using System;
using System.Globalization;
using System.Linq;
using GovInfoReports.Documents;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using GovInfoReports.Testing;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>The rendered official tables: a snapshot of the HTML per template, and its merged cells checked against the descriptor.</summary>
public class RenderedTableTests
{
    /// <summary>A report whose every cell shows its index, so each value says where it belongs.</summary>
    internal static IReport Indexed(ReportTemplate template) =>
        template.CreateReport(
            template.Cells.Select(c => c.Kind == ValueKind.Amount
                ? (c.Column.HasReportedUnit ? CellValue.FromAmount(c.Index + 0.5m, AmountUnit.TenThousandYuan) : CellValue.FromDecimal(c.Index + 0.5m, c.Column.AmountUnit))
                : CellValue.FromInt32(c.Index)).ToArray(),
            template.FromYear,
            "某县人民政府");

    public static TheoryData<string> Templates() => new("2019", "2021");

    [Theory]
    [MemberData(nameof(Templates))]
    public void Rendered_html_matches_its_snapshot(string id) =>
        Snapshot.Match(ReportRenderer.RenderHtml(Indexed(TemplateRegistry.Find(id)!)), "Rendered" + id, "html");

    [Theory]
    [MemberData(nameof(Templates))]
    public void Rendered_html_has_the_row_and_column_spans_the_descriptor_implies(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var report = Indexed(template);
        var document = ReportDocument.FromHtml(ReportRenderer.RenderHtml(report)).Document!;
        var tables = document.Tables.ToList();
        Assert.Equal(template.Tables.Count, tables.Count);
        for (int t = 0; t < tables.Count; t++)
        {
            if (template.Tables[t].Layout == TableLayout.SingleRow)
                CheckSingleRow(template.Tables[t], tables[t], report);
            else
                CheckGrid(template.Tables[t], tables[t], report);
        }
    }

    private static string Value(IReport report, CellDescriptor cell)
    {
        var value = report.GetCell(cell.Index);
        string number = value.Number!.Value.ToString(CultureInfo.InvariantCulture);
        return cell.Column.HasReportedUnit ? number + "万元" : number;
    }

    private static void CheckGrid(TableDescriptor descriptor, DocumentTable table, IReport report)
    {
        int labelColumns = descriptor.DataRows.Max(r => r.Depth) + 1;
        bool grouped = descriptor.Columns.Any(c => c.Group is not null);
        int headerRows = (descriptor.ColumnsCaption is null ? 0 : 1) + (grouped ? 2 : 1);
        Assert.Equal(labelColumns + descriptor.Columns.Count, table.ColumnCount);
        Assert.Equal(headerRows + descriptor.DataRows.Count, table.RowCount);

        // The top-left cell spans the header rows and the label columns.
        var corner = table[0, 0]!;
        Assert.Equal((0, 0, headerRows, labelColumns), (corner.Row, corner.Column, corner.RowSpan, corner.ColumnSpan));
        if (descriptor.ColumnsCaption is { } caption)
        {
            var spanning = table[0, labelColumns]!;
            Assert.Equal((caption, descriptor.Columns.Count, 1), (spanning.Text, spanning.ColumnSpan, spanning.RowSpan));
        }

        for (int j = 0; j < descriptor.Columns.Count; j++)
        {
            var column = descriptor.Columns[j];
            var header = table[headerRows - 1, labelColumns + j]!;
            Assert.Equal(column.Label, header.Text);
            Assert.Equal(1, header.ColumnSpan);
            if (column.Group is { } group)
            {
                var groupCell = table[headerRows - 2, labelColumns + j]!;
                Assert.Equal(group, groupCell.Text);
                Assert.Equal(descriptor.Columns.Count(c => c.Group == group), groupCell.ColumnSpan);
            }
            else if (grouped)
            {
                Assert.Equal(2, header.RowSpan); // an ungrouped column's header spans both header rows
            }
        }

        for (int k = 0; k < descriptor.DataRows.Count; k++)
        {
            var row = descriptor.DataRows[k];
            int gridRow = headerRows + k;
            var label = table[gridRow, row.Depth]!;
            Assert.Equal(row.FullLabel, label.Text);
            Assert.Equal((gridRow, row.Depth, 1, labelColumns - row.Depth), (label.Row, label.Column, label.RowSpan, label.ColumnSpan));

            // Each group above the row: one cell at its depth spanning all its data rows, from its first.
            for (var parent = row.Parent; parent is not null; parent = parent.Parent)
            {
                var leaves = descriptor.DataRows.Where(r => IsUnder(r, parent)).ToList();
                var groupCell = table[gridRow, parent.Depth]!;
                Assert.Equal(parent.FullLabel, groupCell.Text);
                Assert.Equal(leaves.Count, groupCell.RowSpan);
                Assert.Equal(headerRows + descriptor.DataRows.ToList().IndexOf(leaves[0]), groupCell.Row);
            }

            var cells = descriptor.Cells.Where(c => c.Row == row).ToList();
            for (int j = 0; j < cells.Count; j++)
            {
                var value = table[gridRow, labelColumns + j]!;
                Assert.Equal((1, 1), (value.RowSpan, value.ColumnSpan));
                Assert.Equal(Value(report, cells[j]), value.Text);
            }
        }
    }

    private static bool IsUnder(RowDescriptor row, RowDescriptor group)
    {
        for (var parent = row.Parent; parent is not null; parent = parent.Parent)
            if (parent == group)
                return true;
        return false;
    }

    private static void CheckSingleRow(TableDescriptor descriptor, DocumentTable table, IReport report)
    {
        int width = descriptor.Columns.Count;
        bool grouped = descriptor.Rows.Any(r => r.IsGroup);
        int headerRows = grouped ? 3 : 2;
        Assert.Equal(descriptor.Cells.Count, table.ColumnCount);
        Assert.Equal(headerRows + 1, table.RowCount);
        int column = 0;
        foreach (var row in descriptor.Rows)
        {
            var top = table[0, column]!;
            Assert.Equal(row.FullLabel, top.Text);
            Assert.Equal(width * (row.IsGroup ? row.Children.Count : 1), top.ColumnSpan);
            foreach (var leaf in row.IsGroup ? row.Children : new[] { row })
            {
                if (row.IsGroup)
                {
                    var child = table[1, column]!;
                    Assert.Equal((leaf.FullLabel, width), (child.Text, child.ColumnSpan));
                }

                for (int j = 0; j < width; j++)
                {
                    var header = table[headerRows - 1, column + j]!;
                    Assert.Equal(descriptor.Columns[j].Label, header.Text);
                    Assert.Equal(row.IsGroup ? 1 : headerRows - 1, header.RowSpan);
                }

                column += width;
            }
        }

        for (int c = 0; c < descriptor.Cells.Count; c++)
            Assert.Equal(Value(report, descriptor.Cells[c]), table[headerRows, c]!.Text);
    }
}

/// <summary>The README's picture of the rendered 2021 table is there, a real PNG, and the README shows it.</summary>
public class RenderedPictureTests
{
    [Fact]
    public void The_readme_shows_a_png_of_the_rendered_2021_table()
    {
        string root = GovInfoReports.Tests.Shared.RepositoryRoot.Path;
        const string picture = "tests/Screenshots/official-table-2021.png";
        Assert.Contains("](" + picture + ")", System.IO.File.ReadAllText(System.IO.Path.Combine(root, "README.md")));
        byte[] png = System.IO.File.ReadAllBytes(System.IO.Path.Combine(root, picture));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8));
        int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.True(width >= 800 && height >= 800, $"{width}×{height}");
        Assert.Contains("render tests/samples/2021-wuyuan-hesheng-township.txt", System.IO.File.ReadAllText(System.IO.Path.Combine(root, "tests/Screenshots/take.sh")));
    }
}
