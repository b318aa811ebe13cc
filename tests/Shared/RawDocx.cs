using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace GovInfoReports.Tests.Shared;

/// <summary>
/// Writes a minimal Word document whose body is raw XML, streamed into the zip: hostile shapes (deep nesting, millions
/// of elements, attributes that are not numbers) that no DOM would let a test build first.
/// </summary>
internal static class RawDocx
{
    /// <summary>Writes the document to <paramref name="output"/>; <paramref name="body"/> writes the inside of w:body (prefix w).</summary>
    public static void Write(Stream output, Action<TextWriter> body)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
        Entry(zip, "_rels/.rels", w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
        Entry(zip, "word/document.xml", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            body(w);
            w.Write("</w:body></w:document>");
        });
    }

    /// <summary>The document as bytes.</summary>
    public static byte[] Bytes(Action<TextWriter> body)
    {
        using var stream = new MemoryStream();
        Write(stream, body);
        return stream.ToArray();
    }

    /// <summary>A paragraph of <paramref name="text"/>.</summary>
    public static string P(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A table cell of <paramref name="text"/>, with optional cell properties XML (inside w:tcPr).</summary>
    public static string Tc(string text, string properties = "") =>
        "<w:tc>" + (properties.Length > 0 ? "<w:tcPr>" + properties + "</w:tcPr>" : "") + P(text) + "</w:tc>";

    /// <summary>A table row of plain cells.</summary>
    public static string Tr(params string[] cells)
    {
        var row = new StringBuilder("<w:tr>");
        foreach (var cell in cells)
            row.Append(Tc(cell));
        return row.Append("</w:tr>").ToString();
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
