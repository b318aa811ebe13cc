using System.IO;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovInfoReports.Tests.Documents;

/// <summary>A few lines to write a Word document by hand, as Word itself stores it: gridSpan, vMerge, gridBefore, page breaks.</summary>
internal static class DocxFixture
{
    public enum Merge
    {
        None,
        Restart,
        Continue,
    }

    public static byte[] Build(params OpenXmlElement[] blocks)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(blocks));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph; '\n' in the text is a manual line break (w:br).</summary>
    public static W.Paragraph P(string text)
    {
        var run = new W.Run();
        var parts = text.Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                run.Append(new W.Break());
            run.Append(new W.Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new W.Paragraph(run);
    }

    public static W.Paragraph PageBreak() => new(new W.Run(new W.Break { Type = W.BreakValues.Page }));

    public static W.Table Table(params W.TableRow[] rows)
    {
        var table = new W.Table(new W.TableProperties(new W.TableStyle { Val = "TableGrid" }));
        table.Append(rows);
        return table;
    }

    public static W.TableRow Row(params W.TableCell[] cells) => new(cells);

    /// <summary>A row whose first <paramref name="before"/> grid columns hold no cell (w:gridBefore).</summary>
    public static W.TableRow RowAfter(int before, params W.TableCell[] cells)
    {
        var row = new W.TableRow(new W.TableRowProperties(new W.GridBefore { Val = before }));
        row.Append(cells);
        return row;
    }

    /// <summary>A cell; '\n' in the text separates paragraphs of the cell.</summary>
    public static W.TableCell C(string text, int span = 1, Merge merge = Merge.None)
    {
        var properties = new W.TableCellProperties();
        if (span > 1)
            properties.Append(new W.GridSpan { Val = span });
        if (merge == Merge.Restart)
            properties.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
        else if (merge == Merge.Continue)
            properties.Append(new W.VerticalMerge());
        var cell = new W.TableCell(properties);
        foreach (var paragraph in text.Split('\n'))
            cell.Append(P(paragraph));
        return cell;
    }

    /// <summary>Wraps blocks in a content control (w:sdt), as templates with form fields do.</summary>
    public static W.SdtBlock ContentControl(params OpenXmlElement[] blocks) =>
        new(new W.SdtProperties(new W.Tag { Val = "report-table" }), new W.SdtContentBlock(blocks));
}
