using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovInfoReports.Documents;

/// <summary>
/// Reads a Word document (DocumentFormat.OpenXml) into paragraphs and tables: the body in order, content controls
/// and custom XML unwrapped, tables rebuilt into grids honouring <c>gridSpan</c>, <c>vMerge</c> and <c>gridBefore</c>.
/// The archive is checked before it is opened (file size, unpacked size, entry count), and parts are read with a
/// character limit, so a zip bomb is refused instead of unpacked.
/// </summary>
internal static class DocxDocumentReader
{
    private const int MaxEntries = 10_000;

    public static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>An OLE compound file: a Word 97–2003 <c>.doc</c>.</summary>
    public static bool IsLegacyWord(byte[] bytes) =>
        bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0 && bytes[4] == 0xA1 && bytes[5] == 0xB1 && bytes[6] == 0x1A && bytes[7] == 0xE1;

    public static DocumentLoadResult Read(byte[] bytes, DocumentLimits limits)
    {
        if (bytes.Length == 0)
            return DocumentLoadResult.Failed(DocumentProblem.Empty, "文件为空。", "The file is empty.");
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"文件过大（{bytes.LongLength} 字节，上限 {limits.MaxFileBytes} 字节）。",
                $"The file is too large ({bytes.LongLength} bytes; the limit is {limits.MaxFileBytes} bytes).");
        }

        if (IsLegacyWord(bytes))
        {
            return DocumentLoadResult.Failed(DocumentProblem.Corrupt,
                "这是旧版 Word 文件（.doc），无法读取：请另存为 .docx。",
                "This is a legacy Word file (.doc), which cannot be read: save it as .docx.");
        }

        if (!IsZip(bytes))
            return Corrupt("不是 zip 压缩包", "it is not a zip archive");

        try
        {
            if (CheckArchive(bytes, limits) is { } refused)
                return refused;
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes / sizeof(char) };
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, settings);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null)
                return Corrupt("缺少正文（word/document.xml）", "it has no main document part (word/document.xml)");
            var builder = new ReportDocument.Builder(DocumentKind.Docx, limits);
            bool overflow = false;
            Blocks(body, builder, limits, ref overflow);
            if (overflow || builder.TooLarge)
            {
                return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                    $"文档的表格过大（超过 {limits.MaxTableCells} 个单元格位置）。",
                    $"The document's tables are too large (more than {limits.MaxTableCells} grid positions).");
            }

            return new DocumentLoadResult(builder.Build(), DocumentProblem.None, null);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return Unpacked(limits);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException or NotSupportedException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            return Corrupt("无法打开（" + e.GetType().Name + "）", "it cannot be opened (" + e.GetType().Name + ": " + FirstLine(e.Message) + ")");
        }
    }

    private static DocumentLoadResult? CheckArchive(byte[] bytes, DocumentLimits limits)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
            return Unpacked(limits);
        long total = 0;
        bool hasDocument = false;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUnpackedBytes)
                return Unpacked(limits);
            hasDocument |= entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
        }

        return hasDocument ? null : Corrupt("压缩包中没有 Word 文档（word/*.xml）", "the archive holds no Word document (word/*.xml)");
    }

    private static void Blocks(OpenXmlElement container, ReportDocument.Builder builder, DocumentLimits limits, ref bool overflow)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph paragraph:
                    Paragraph(paragraph, builder);
                    break;
                case W.Table table:
                    Table(table, builder, limits, ref overflow);
                    break;
                case W.SectionProperties:
                    break;
                default:
                    // Content controls (w:sdt/w:sdtContent), custom XML, and similar wrappers.
                    Blocks(element, builder, limits, ref overflow);
                    break;
            }
        }
    }

    /// <summary>A paragraph; its manual line breaks start new lines (a title often breaks before the year).</summary>
    private static void Paragraph(W.Paragraph paragraph, ReportDocument.Builder builder)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case W.Text t:
                    text.Append(t.Text);
                    break;
                case W.TabChar:
                    text.Append(' ');
                    break;
                case W.Break or W.CarriageReturn:
                    builder.AddParagraph(text.ToString());
                    text.Clear();
                    break;
            }
        }

        builder.AddParagraph(text.ToString());
    }

    private static void Table(W.Table table, ReportDocument.Builder builder, DocumentLimits limits, ref bool overflow)
    {
        var grid = new TableBuilder(Math.Max(0, limits.MaxTableCells - builder.TableCells));
        foreach (var row in Rows(table))
        {
            grid.StartRow();
            var properties = row.TableRowProperties;
            if (properties?.GetFirstChild<W.GridBefore>()?.Val?.Value is int before && before > 0)
                grid.Skip(Math.Min(before, TableBuilder.MaxColumnSpan));
            foreach (var cell in Cells(row))
            {
                var cellProperties = cell.TableCellProperties;
                int span = cellProperties?.GridSpan?.Val?.Value ?? 1;
                string text = CellText(cell);
                var merge = cellProperties?.VerticalMerge;
                if (merge is not null && (merge.Val is null || merge.Val.Value == W.MergedCellValues.Continue))
                    grid.Continue(text, span);
                else
                    grid.Add(text, span, 1);
            }
        }

        overflow |= grid.Overflow;
        if (!grid.Overflow)
            builder.AddTable(grid);
    }

    private static System.Collections.Generic.IEnumerable<W.TableRow> Rows(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            if (element is W.TableRow row)
                yield return row;
            else if (element is not (W.Table or W.TableProperties or W.TableGrid))
                foreach (var nested in Rows(element))
                    yield return nested;
        }
    }

    private static System.Collections.Generic.IEnumerable<W.TableCell> Cells(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            if (element is W.TableCell cell)
                yield return cell;
            else if (element is not (W.Table or W.TableRowProperties or W.TablePropertyExceptions))
                foreach (var nested in Cells(element))
                    yield return nested;
        }
    }

    /// <summary>A cell's text: its paragraphs (and any nested table's text) separated by spaces.</summary>
    private static string CellText(W.TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var element in cell.Descendants())
        {
            switch (element)
            {
                case W.Text t:
                    text.Append(t.Text);
                    break;
                case W.TabChar or W.Break or W.CarriageReturn:
                    text.Append(' ');
                    break;
                case W.Paragraph when text.Length > 0:
                    text.Append(' ');
                    break;
            }
        }

        return ReportDocument.Collapse(text.ToString());
    }

    private static DocumentLoadResult Unpacked(DocumentLimits limits) =>
        DocumentLoadResult.Failed(DocumentProblem.TooLarge,
            $"Word 文档解压后过大（上限 {limits.MaxUnpackedBytes} 字节），可能是压缩炸弹。",
            $"The Word document unpacks to more than {limits.MaxUnpackedBytes} bytes (a possible zip bomb).");

    private static DocumentLoadResult Corrupt(string chinese, string english) =>
        DocumentLoadResult.Failed(DocumentProblem.Corrupt, "Word 文档已损坏：" + chinese + "。", "The Word document is corrupt: " + english + ".");

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
