using System;
using System.Collections.Generic;
using System.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace GovInfoReports.Documents;

/// <summary>
/// PDF files into the document model: per page, the text (PdfPig decodes it through the fonts' ToUnicode maps) and
/// the vector paths; tables from their ruling lines (<see cref="PdfTableFinder"/>), the rest as paragraphs, in reading
/// order (top to bottom); a table continued on the next page, with or without its header repeated, joined into one.
/// Every paragraph and cell keeps its page and box (<see cref="PageBox"/>, in points from the page's top left). What
/// cannot be read — an image-only (scanned) file, a file that needs a password, a damaged one, one over the limits —
/// is one clear problem, never a guess.
/// </summary>
internal static class PdfDocumentReader
{
    /// <summary>
    /// Whether the bytes start as a PDF file does (<c>%PDF-</c>). A file named .pdf is read as one whatever its first
    /// bytes; this test decides only for other names, so that a text report that quotes "%PDF-" stays text.
    /// </summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static DocumentLoadResult Read(byte[] bytes, DocumentLimits limits)
    {
        // A PDF ends with %%EOF (after its last update): a file cut short is not read, even where the parser could
        // recover its first pages, so that no report is read from part of its tables.
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            return DocumentLoadResult.Failed(DocumentProblem.Corrupt,
                "PDF 文件不完整（末尾缺少 %%EOF，可能被截断），无法读取。",
                "The PDF is incomplete (it does not end with %%EOF: it may have been cut short); it cannot be read.");
        }

        // Compressed streams are checked before the parser inflates them: a small file must not unpack to gigabytes.
        if (UnpackedTooLarge(bytes, limits.MaxUnpackedBytes) is { } unpacked)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"PDF 解压后过大（超过 {unpacked / (1024 * 1024)} MB）。",
                $"The PDF unpacks to too much data (over {unpacked / (1024 * 1024)} MB).");
        }

        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        }
        catch (PdfDocumentEncryptedException)
        {
            return Encrypted();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                ? Encrypted()
                : Corrupt(ex);
        }

        using (pdf)
        {
            try
            {
                return Read(pdf, limits);
            }
            catch (PdfDocumentEncryptedException)
            {
                return Encrypted();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Corrupt(ex);
            }
        }
    }

    private static DocumentLoadResult Read(PdfDocument pdf, DocumentLimits limits)
    {
        int pages = pdf.NumberOfPages;
        if (pages > limits.MaxPdfPages)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"PDF 页数过多（{pages} 页，上限 {limits.MaxPdfPages} 页）。",
                $"The PDF has too many pages ({pages}; the limit is {limits.MaxPdfPages}).");
        }

        var layouts = new List<PdfPageLayout>(pages);
        int letters = 0, imagePages = 0, textPages = 0;
        for (int number = 1; number <= pages; number++)
        {
            var page = pdf.GetPage(number);
            letters += page.Letters.Count;
            if (letters > limits.MaxPdfLetters || page.Paths.Count > limits.MaxPdfPaths)
            {
                return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                    $"PDF 内容过多（第 {number} 页：文字或图形超过上限）。",
                    $"The PDF has too much content (page {number}: text or graphics over the limits).");
            }

            if (page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
                textPages++;
            else if (page.GetImages().Any())
                imagePages++;
            layouts.Add(PdfPageLayout.Of(page, number));
        }

        if (textPages == 0)
        {
            return imagePages > 0
                ? DocumentLoadResult.Failed(DocumentProblem.NeedsOcr,
                    $"PDF 只有图像（扫描件，{imagePages} 页），没有文字层：需要先做文字识别（OCR）。",
                    $"The PDF holds only images (a scan, {imagePages} page(s)) and no text layer: it needs OCR first.")
                : DocumentLoadResult.Failed(DocumentProblem.Empty, "PDF 没有文字。", "The PDF holds no text.");
        }

        var builder = new ReportDocument.Builder(DocumentKind.Pdf, limits);
        foreach (var block in PdfPageLayout.Join(layouts))
        {
            if (block.Table is { } table)
                builder.AddTable(table.ToBuilder(limits), table.Box);
            else
                builder.AddParagraph(block.Text!, block.Box);
            if (builder.TooLarge)
                return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                    $"PDF 表格过大（超过 {builder.MaxTableCells} 个单元格）。",
                    $"The PDF's tables are too large (over {builder.MaxTableCells} cells).");
        }

        var result = new DocumentLoadResult(builder.Build(), DocumentProblem.None, null);
        return imagePages > 0
            ? result with
            {
                MessageZh = $"PDF 有 {imagePages} 页只有图像（扫描页），未读取其内容。",
                MessageEn = $"{imagePages} page(s) of the PDF hold only images (scanned pages); their content was not read.",
            }
            : result;
    }

    /// <summary>
    /// Inflates every zlib stream of the file (what the parser would unpack: content streams, object streams, fonts)
    /// into a counter, stopping at <paramref name="limit"/> bytes in all; the limit when it is reached, else null.
    /// </summary>
    private static long? UnpackedTooLarge(byte[] bytes, long limit)
    {
        long total = 0;
        var buffer = new byte[81920];
        int at = 0;
        var span = bytes.AsSpan();
        while (true)
        {
            int found = span[at..].IndexOf("stream"u8);
            if (found < 0)
                return null;
            int start = at + found + 6;
            at = start;
            if (start >= bytes.Length || (at >= 9 && span.Slice(at - 9, 3).SequenceEqual("end"u8)))
                continue; // "endstream"
            if (bytes[start] == '\r')
                start++;
            if (start < bytes.Length && bytes[start] == '\n')
                start++;
            if (start + 2 > bytes.Length || (bytes[start] & 0x0F) != 8 || ((bytes[start] << 8) | bytes[start + 1]) % 31 != 0)
                continue; // not a zlib stream
            try
            {
                using var inflater = new System.IO.Compression.ZLibStream(new System.IO.MemoryStream(bytes, start, bytes.Length - start, writable: false), System.IO.Compression.CompressionMode.Decompress);
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limit)
                        return limit;
                }
            }
            catch (Exception ex) when (ex is System.IO.IOException or System.IO.InvalidDataException)
            {
                // Damaged or encrypted data: the parser will say so, or skip it.
            }
        }
    }

    private static DocumentLoadResult Encrypted() =>
        DocumentLoadResult.Failed(DocumentProblem.Encrypted,
            "PDF 文件有打开密码（已加密），无法读取。",
            "The PDF needs a password to open (it is encrypted); it cannot be read.");

    private static DocumentLoadResult Corrupt(Exception ex) =>
        DocumentLoadResult.Failed(DocumentProblem.Corrupt,
            "PDF 文件已损坏或不完整，无法读取（" + ex.GetType().Name + "）。",
            "The PDF is damaged or incomplete and cannot be read (" + ex.GetType().Name + ": " + ex.Message + ").");
}
