using System;
using System.IO;
using System.IO.Compression;
using System.IO.Packaging;
using System.Linq;
using System.Xml;

namespace GovInfoReports.Documents;

/// <summary>
/// Reads a Word document into paragraphs and tables: the package is opened by the Open Packaging Conventions
/// (System.IO.Packaging, which says when the package is damaged), the main part found by its relationship, and that part
/// streamed by <see cref="DocxBodyReader"/>.
/// The archive is checked before it is opened (file size, unpacked size, entry count), and the part is read with a
/// character, depth and element limit, so a zip bomb or a file nested to break readers is refused instead of unpacked.
/// </summary>
internal static class DocxDocumentReader
{
    private const int MaxEntries = 10_000;

    /// <summary>The relationship naming the main part: transitional (what Word and WPS write) and strict OOXML.</summary>
    private static readonly string[] OfficeDocument =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ];

    public static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>An OLE compound file: a Word 97–2003 <c>.doc</c>.</summary>
    public static bool IsLegacyWord(byte[] bytes) =>
        bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0 && bytes[4] == 0xA1 && bytes[5] == 0xB1 && bytes[6] == 0x1A && bytes[7] == 0xE1;

    public static DocumentLoadResult Read(byte[] bytes, DocumentLimits limits)
    {
        if (Refused(bytes, limits) is { } refused)
            return refused;
        try
        {
            if (CheckArchive(bytes, limits) is { } unsafeArchive)
                return unsafeArchive;
            return ReadPackage(bytes, limits);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return Unpacked(limits);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // A span or merge attribute Word would not write: the file is damaged (or made to break readers).
            return Corrupt("属性值无效（" + e.Message + "）", "an attribute value is invalid (" + e.Message + ")");
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or XmlException or IOException or NotSupportedException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            return Corrupt("无法打开（" + e.GetType().Name + "）", "it cannot be opened (" + e.GetType().Name + ": " + FirstLine(e.Message) + ")");
        }
    }

    /// <summary>What is refused before the file is opened: an empty or too large file, a legacy .doc, no zip archive.</summary>
    private static DocumentLoadResult? Refused(byte[] bytes, DocumentLimits limits)
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

        return IsZip(bytes) ? null : Corrupt("不是 zip 压缩包", "it is not a zip archive");
    }

    /// <summary>Opens the package and streams its main part into a document.</summary>
    private static DocumentLoadResult ReadPackage(byte[] bytes, DocumentLimits limits)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var package = Package.Open(stream, FileMode.Open, FileAccess.Read);
        var relationship = OfficeDocument.SelectMany(package.GetRelationshipsByType).FirstOrDefault(r => r.TargetMode == TargetMode.Internal);
        if (relationship is null)
            return NoBody();
        var uri = PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), relationship.TargetUri);
        if (!package.PartExists(uri))
            return NoBody();
        // The main part is streamed, never loaded as a DOM: its size in memory, its depth and its element count
        // are the file's to choose (a 178 KB file unpacked to 120 MB of empty paragraphs took 2 GB as a DOM, and
        // 20,000 nested elements overflowed the stack inside the DOM's loader).
        using var part = package.GetPart(uri).GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(part, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxUnpackedBytes / sizeof(char),
            CloseInput = false,
        });
        var builder = new ReportDocument.Builder(DocumentKind.Docx, limits);
        return DocxBodyReader.Read(xml, builder, limits) switch
        {
            DocxBodyReader.Outcome.NoBody => NoBody(),
            DocxBodyReader.Outcome.TooDeep => DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"Word 文档的元素嵌套过深（超过 {limits.MaxDepth} 层）。",
                $"The Word document's elements are nested too deeply (more than {limits.MaxDepth} levels)."),
            DocxBodyReader.Outcome.TooManyElements => DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"Word 文档的元素过多（超过 {limits.MaxElements} 个）。",
                $"The Word document has too many elements (more than {limits.MaxElements})."),
            DocxBodyReader.Outcome.TablesTooLarge => DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"文档的表格过大（超过 {limits.MaxTableCells} 个单元格位置）。",
                $"The document's tables are too large (more than {limits.MaxTableCells} grid positions)."),
            _ => new DocumentLoadResult(builder.Build(), DocumentProblem.None, null),
        };
    }

    private static DocumentLoadResult NoBody() => Corrupt("缺少正文（word/document.xml）", "it has no main document part (word/document.xml)");

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
