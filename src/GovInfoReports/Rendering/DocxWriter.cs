using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovInfoReports.Rendering;

/// <summary>Writes a report as a Word document whose tables carry the official merged cells (gridSpan, vMerge).</summary>
internal static class DocxWriter
{
    private const string Font = "SimSun";

    public static byte[] Write(IReport report)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            // A fixed relationship id (AddMainDocumentPart draws a random one): the same report gives the same document.
            word.ChangeIdOfPart(main, "rId1");
            var body = new W.Body();
            body.Append(Paragraph(ReportRenderer.Title(report), bold: true, size: 32, center: true));
            foreach (var (heading, caption, table) in ReportRenderer.Parts(report.Template))
            {
                if (heading is not null)
                    body.Append(Paragraph(heading, bold: true, size: 28));
                if (caption is not null)
                    body.Append(Paragraph(caption, bold: false, size: 24));
                if (table is not null)
                {
                    body.Append(Table(report, table));
                    body.Append(new W.Paragraph());
                }
            }

            body.Append(new W.SectionProperties(
                new W.PageSize { Width = 16838U, Height = 11906U, Orient = W.PageOrientationValues.Landscape },
                new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static W.Table Table(IReport report, OfficialTable table)
    {
        var result = new W.Table();
        var border = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4U },
            new W.BottomBorder { Val = W.BorderValues.Single, Size = 4U },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4U },
            new W.RightBorder { Val = W.BorderValues.Single, Size = 4U },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4U },
            new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4U });
        // Fixed column widths (label columns share 40 % of the line, value columns 60 %), on the grid and on every cell
        // (a merged cell the sum of its columns): without them Word and LibreOffice lay each row out on its own, and a
        // row whose label spans two grid columns comes out with its values shifted under the wrong headers.
        var widths = ColumnWidths(table);
        result.Append(new W.TableProperties(border,
            new W.TableWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new W.TableLayout { Type = W.TableLayoutValues.Fixed }));
        var grid = new W.TableGrid();
        for (int c = 0; c < table.ColumnCount; c++)
            grid.Append(new W.GridColumn { Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        result.Append(grid);

        // Per grid position: the cell covering it.
        var covering = new OfficialCell?[table.RowCount, table.ColumnCount];
        foreach (var cell in table.Cells)
            for (int r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (int c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    covering[r, c] = cell;

        for (int r = 0; r < table.RowCount; r++)
        {
            var row = new W.TableRow();
            for (int c = 0; c < table.ColumnCount;)
            {
                var cell = covering[r, c];
                if (cell is null)
                {
                    row.Append(Cell("", 1, null, widths[c]));
                    c++;
                    continue;
                }

                // A vertically merged cell repeats on every row it covers: the first starts the merge, the others continue it.
                W.VerticalMerge? merge = cell.RowSpan == 1 ? null
                    : new W.VerticalMerge { Val = cell.Row == r ? W.MergedCellValues.Restart : W.MergedCellValues.Continue };
                string text = cell.Row != r ? ""
                    : cell.Kind == OfficialCellKind.Value ? ReportRenderer.FormatValue(report.GetCell(cell.Cell!.Index), cell.Cell)
                    : cell.Text;
                row.Append(Cell(text, cell.ColumnSpan, merge, widths.Skip(c).Take(cell.ColumnSpan).Sum()));
                c += cell.ColumnSpan;
            }

            result.Append(row);
        }

        return result;
    }

    // Twips: the landscape A4 line (16838 less two 1134 margins), 40 % to the label columns, 60 % to the value columns.
    private static int[] ColumnWidths(OfficialTable table)
    {
        const int line = 16838 - 2 * 1134;
        var isValue = new bool[table.ColumnCount];
        foreach (var cell in table.Cells)
            if (cell.Kind == OfficialCellKind.Value)
                isValue[cell.Column] = true;
        int values = isValue.Count(v => v), labels = table.ColumnCount - values;
        var widths = new int[table.ColumnCount];
        for (int c = 0; c < widths.Length; c++)
            widths[c] = values == 0 || labels == 0 ? line / table.ColumnCount : isValue[c] ? line * 6 / 10 / values : line * 4 / 10 / labels;
        return widths;
    }

    private static W.TableCell Cell(string text, int span, W.VerticalMerge? merge, int width)
    {
        var properties = new W.TableCellProperties(new W.TableCellWidth { Type = W.TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (span > 1)
            properties.Append(new W.GridSpan { Val = span });
        if (merge is not null)
            properties.Append(merge);
        properties.Append(new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Center });
        return new W.TableCell(properties, Paragraph(text, bold: false, size: 21));
    }

    private static W.Paragraph Paragraph(string text, bool bold, int size, bool center = false)
    {
        var runProperties = new W.RunProperties(new W.RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font }, new W.FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
            runProperties.Append(new W.Bold());
        var paragraph = new W.Paragraph();
        if (center)
            paragraph.Append(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }));
        if (text.Length > 0)
            paragraph.Append(new W.Run(runProperties, new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
