using System;
using System.Globalization;
using System.IO;
using System.IO.Packaging;
using System.Linq;
using System.Text;
using System.Xml;

namespace GovInfoReports.Rendering;

/// <summary>
/// Writes a report as a Word document whose tables carry the official merged cells (gridSpan, vMerge): one main part,
/// streamed with an <see cref="XmlWriter"/> into an Open Packaging Conventions package (System.IO.Packaging), with a fixed
/// relationship id, so that the same report always gives the same document.
/// </summary>
internal static class DocxWriter
{
    private const string Font = "SimSun";
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public static byte[] Write(IReport report)
    {
        using var stream = new MemoryStream();
        using (var package = Package.Open(stream, FileMode.Create, FileAccess.ReadWrite))
        {
            var uri = new Uri("/word/document.xml", UriKind.Relative);
            var part = package.CreatePart(uri, MainContentType, CompressionOption.Normal);
            package.CreateRelationship(uri, TargetMode.Internal, OfficeDocument, "rId1");
            using var partStream = part.GetStream(FileMode.Create, FileAccess.Write);
            using var xml = XmlWriter.Create(partStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("w", "document", W);
            xml.WriteStartElement("body", W);
            Paragraph(xml, ReportRenderer.Title(report), bold: true, size: 32, center: true);
            foreach (var (heading, caption, table) in ReportRenderer.Parts(report.Template))
            {
                if (heading is not null)
                    Paragraph(xml, heading, bold: true, size: 28);
                if (caption is not null)
                    Paragraph(xml, caption, bold: false, size: 24);
                if (table is not null)
                {
                    Table(xml, report, table);
                    xml.WriteElementString("p", W, "");
                }
            }

            xml.WriteStartElement("sectPr", W);
            Element(xml, "pgSz", ("w", "16838"), ("h", "11906"), ("orient", "landscape"));
            Element(xml, "pgMar", ("top", "1134"), ("right", "1134"), ("bottom", "1134"), ("left", "1134"));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Table(XmlWriter xml, IReport report, OfficialTable table)
    {
        xml.WriteStartElement("tbl", W);
        // Fixed column widths (label columns share 40 % of the line, value columns 60 %), on the grid and on every cell
        // (a merged cell the sum of its columns): without them Word and LibreOffice lay each row out on its own, and a
        // row whose label spans two grid columns comes out with its values shifted under the wrong headers.
        var widths = ColumnWidths(table);
        xml.WriteStartElement("tblPr", W);
        Element(xml, "tblW", ("w", Number(widths.Sum())), ("type", "dxa"));
        xml.WriteStartElement("tblBorders", W);
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
            Element(xml, side, ("val", "single"), ("sz", "4"));
        xml.WriteEndElement();
        Element(xml, "tblLayout", ("type", "fixed"));
        xml.WriteEndElement();
        xml.WriteStartElement("tblGrid", W);
        for (int c = 0; c < table.ColumnCount; c++)
            Element(xml, "gridCol", ("w", Number(widths[c])));
        xml.WriteEndElement();

        // Per grid position: the cell covering it.
        var covering = new OfficialCell?[table.RowCount, table.ColumnCount];
        foreach (var cell in table.Cells)
            for (int r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (int c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    covering[r, c] = cell;

        for (int r = 0; r < table.RowCount; r++)
        {
            xml.WriteStartElement("tr", W);
            for (int c = 0; c < table.ColumnCount;)
            {
                var cell = covering[r, c];
                if (cell is null)
                {
                    Cell(xml, "", 1, null, widths[c]);
                    c++;
                    continue;
                }

                // A vertically merged cell repeats on every row it covers: the first starts the merge, the others continue it.
                string? merge = cell.RowSpan == 1 ? null : cell.Row == r ? "restart" : "continue";
                string text = cell.Row != r ? ""
                    : cell.Kind == OfficialCellKind.Value ? ReportRenderer.FormatValue(report.GetCell(cell.Cell!.Index), cell.Cell)
                    : cell.Text;
                Cell(xml, text, cell.ColumnSpan, merge, widths.Skip(c).Take(cell.ColumnSpan).Sum());
                c += cell.ColumnSpan;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
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

    private static void Cell(XmlWriter xml, string text, int span, string? merge, int width)
    {
        xml.WriteStartElement("tc", W);
        xml.WriteStartElement("tcPr", W);
        Element(xml, "tcW", ("w", Number(width)), ("type", "dxa"));
        if (span > 1)
            Element(xml, "gridSpan", ("val", Number(span)));
        if (merge is not null)
            Element(xml, "vMerge", ("val", merge));
        Element(xml, "vAlign", ("val", "center"));
        xml.WriteEndElement();
        Paragraph(xml, text, bold: false, size: 21);
        xml.WriteEndElement();
    }

    private static void Paragraph(XmlWriter xml, string text, bool bold, int size, bool center = false)
    {
        xml.WriteStartElement("p", W);
        if (center)
        {
            xml.WriteStartElement("pPr", W);
            Element(xml, "jc", ("val", "center"));
            xml.WriteEndElement();
        }

        if (text.Length > 0)
        {
            xml.WriteStartElement("r", W);
            xml.WriteStartElement("rPr", W);
            Element(xml, "rFonts", ("ascii", Font), ("hAnsi", Font), ("eastAsia", Font));
            if (bold)
                Element(xml, "b");
            Element(xml, "sz", ("val", Number(size)));
            xml.WriteEndElement();
            xml.WriteStartElement("t", W);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>An empty element of the main namespace with its attributes (in the same namespace, as Word writes them).</summary>
    private static void Element(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, W);
        foreach (var (attribute, value) in attributes)
            xml.WriteAttributeString(attribute, W, value);
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
