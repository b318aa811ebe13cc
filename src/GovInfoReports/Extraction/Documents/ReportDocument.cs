using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using GovInfoReports.Extraction;

namespace GovInfoReports.Documents;

/// <summary>
/// A report as a document: its paragraphs and tables in reading order, read from a web page, a Word document or
/// plain text. Tables keep their structure — merged cells say exactly which number belongs to which row and column —
/// and <see cref="ReportReader.Read(ReportDocument, ReadOptions?)"/> reads them with the same template matcher as text.
/// </summary>
/// <remarks>
/// <see cref="Text"/> is the document's text view: one line per paragraph and per table grid row (grid columns
/// separated by tabs, a merged cell's text at its top-left position). The source positions of extracted cells and
/// findings are lines and columns of this text.
/// </remarks>
public sealed class ReportDocument
{
    private readonly int[] _lineStarts;

    private ReportDocument(DocumentKind kind, string text, IReadOnlyList<DocumentBlock> blocks, int[] lineStarts)
    {
        Kind = kind;
        Text = text;
        Blocks = blocks;
        _lineStarts = lineStarts;
    }

    /// <summary>The kind of file the document was read from.</summary>
    public DocumentKind Kind { get; }

    /// <summary>The paragraphs and tables, in reading order. For plain text: one paragraph per line.</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; }

    /// <summary>The document's text view (for plain text, the text itself); source positions refer to its lines.</summary>
    public string Text { get; }

    /// <summary>The tables of the document, in reading order.</summary>
    public IEnumerable<DocumentTable> Tables
    {
        get
        {
            foreach (var block in Blocks)
                if (block is DocumentTable table)
                    yield return table;
        }
    }

    /// <summary>A document of plain text (no table structure: the text matcher finds cells by tabs, pipes and lines).</summary>
    /// <param name="text">The report's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ReportDocument FromText(string text)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        var blocks = new List<DocumentBlock>();
        var starts = new List<int> { 0 };
        int line = 1, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r')
                continue;
            blocks.Add(new DocumentParagraph(line, text.Substring(start, i - start)));
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
            line++;
            starts.Add(start);
        }

        return new ReportDocument(DocumentKind.Text, text, blocks, starts.ToArray());
    }

    /// <summary>Reads a web page: its body's paragraphs and tables (also tables written inside a script's string literals).</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="limits">Size limits; <see langword="null"/> for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The document, or <see cref="DocumentProblem.TooLarge"/> when its tables exceed <see cref="DocumentLimits.MaxTableCells"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    public static DocumentLoadResult FromHtml(string html, DocumentLimits? limits = null)
    {
        if (html is null)
            throw new ArgumentNullException(nameof(html));
        return HtmlDocumentReader.Read(html, limits ?? DocumentLimits.Default);
    }

    /// <summary>Reads a Word document (<c>.docx</c>): its body's paragraphs and tables.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="limits">Size limits; <see langword="null"/> for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The document, or the problem: <see cref="DocumentProblem.Corrupt"/>, <see cref="DocumentProblem.TooLarge"/>, <see cref="DocumentProblem.Empty"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static DocumentLoadResult FromDocx(byte[] bytes, DocumentLimits? limits = null)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        return DocxDocumentReader.Read(bytes, limits ?? DocumentLimits.Default);
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/>: <c>.docx</c> (or any zip archive) as a Word document, <c>.html</c>/<c>.htm</c>
    /// (or text that begins as HTML) as a web page, anything else as text in UTF-8, UTF-16, UTF-32 or GB18030.
    /// A file that cannot be read as any of these gives a <see cref="DocumentProblem"/>, never an exception.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Size limits; <see langword="null"/> for <see cref="DocumentLimits.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <remarks>A named pipe, device or socket is not opened (<see cref="DocumentProblem.NotAFile"/>); a file is read up to one byte past <see cref="DocumentLimits.MaxFileBytes"/>, whatever length it claims.</remarks>
    public static DocumentLoadResult Load(string path, DocumentLimits? limits = null)
    {
        if (path is null)
            throw new ArgumentNullException(nameof(path));
        limits ??= DocumentLimits.Default;
        if (FileKinds.Of(path) == FileKind.Special)
        {
            return DocumentLoadResult.Failed(DocumentProblem.NotAFile,
                "不是普通文件（管道、设备或套接字），未读取。",
                "This is not a regular file (a named pipe, a device or a socket); it was not read.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = stream.Length;
        if (length > limits.MaxFileBytes)
            return TooLargeFile(length, limits.MaxFileBytes);
        var bytes = ReadBounded(stream, (int)length, limits.MaxFileBytes);
        return bytes is null ? TooLargeFile(Math.Max(length, limits.MaxFileBytes + 1), limits.MaxFileBytes) : Load(bytes, KindOf(path), limits);
    }

    /// <summary>
    /// The stream's bytes, read to at most one byte past <paramref name="limit"/> whatever length it claimed (a file of
    /// a claimed length 0 may be a device that never ends, a file may grow while it is read); null past the limit.
    /// </summary>
    private static byte[]? ReadBounded(Stream stream, int claimed, long limit)
    {
        // The claimed length is nearly always the length: one buffer of it, then one byte more to be sure.
        var buffer = new byte[claimed > 0 ? claimed : 4096];
        int filled = Fill(stream, buffer, 0);
        if (filled == buffer.Length)
        {
            Span<byte> probe = stackalloc byte[1];
            while (stream.Read(probe) == 1)
            {
                if (filled >= limit)
                    return null;
                if (filled == buffer.Length)
                    Array.Resize(ref buffer, (int)Math.Min(limit, Math.Max(4096L, buffer.Length * 2L)));
                buffer[filled++] = probe[0];
                filled = Fill(stream, buffer, filled);
            }
        }

        if (filled != buffer.Length)
            Array.Resize(ref buffer, filled);
        return buffer;
    }

    private static int Fill(Stream stream, byte[] buffer, int filled)
    {
        int read;
        while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            filled += read;
        return filled;
    }

    /// <summary>Reads a file's bytes as <paramref name="kind"/> (a zip archive is always read as a Word document).</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="kind">What the file's name says it is.</param>
    /// <param name="limits">Size limits; <see langword="null"/> for <see cref="DocumentLimits.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static DocumentLoadResult Load(byte[] bytes, DocumentKind kind, DocumentLimits? limits = null)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        limits ??= DocumentLimits.Default;
        if (bytes.LongLength > limits.MaxFileBytes)
            return TooLargeFile(bytes.LongLength, limits.MaxFileBytes);
        if (bytes.Length == 0)
            return DocumentLoadResult.Failed(DocumentProblem.Empty, "文件为空。", "The file is empty.");
        if (kind == DocumentKind.Docx || DocxDocumentReader.IsZip(bytes))
            return DocxDocumentReader.Read(bytes, limits);
        if (kind == DocumentKind.Pdf || PdfDocumentReader.IsPdf(bytes))
            return PdfDocumentReader.Read(bytes, limits);
        if (DocxDocumentReader.IsLegacyWord(bytes))
            return DocumentLoadResult.Failed(DocumentProblem.Corrupt,
                "这是旧版 Word 文件（.doc），无法读取：请另存为 .docx。",
                "This is a legacy Word file (.doc), which cannot be read: save it as .docx.");

        var decoded = ReportTextFile.Decode(bytes);
        switch (decoded.Problem)
        {
            case TextFileProblem.Empty:
                return DocumentLoadResult.Failed(DocumentProblem.Empty, "文件为空。", "The file is empty.");
            case TextFileProblem.Binary:
                return DocumentLoadResult.Failed(DocumentProblem.Binary, "文件不是文本、网页或 Word 文档（二进制内容）。", "The file is not text, a web page or a Word document (binary content).");
        }

        // A page's <meta charset> is not consulted: the bytes decide. Bytes with Chinese text that decode as UTF-8 are
        // UTF-8 whatever the page says (a GBK page is valid UTF-8 only where it is plain ASCII, and then both agree).
        string text = decoded.Text;
        if (kind == DocumentKind.Html || LooksLikeHtml(text))
            return HtmlDocumentReader.Read(text, limits) with { Encoding = decoded.Encoding, InvalidSequences = decoded.InvalidSequences };

        return new DocumentLoadResult(FromText(text), DocumentProblem.None, decoded.Encoding) { InvalidSequences = decoded.InvalidSequences };
    }

    /// <summary>The kind a file's extension names: <c>.docx</c>, <c>.html</c>/<c>.htm</c>/<c>.xhtml</c>, anything else text.</summary>
    /// <param name="path">A file name or path.</param>
    public static DocumentKind KindOf(string path)
    {
        string extension = Path.GetExtension(path ?? throw new ArgumentNullException(nameof(path)));
        if (extension.Equals(".docx", StringComparison.OrdinalIgnoreCase))
            return DocumentKind.Docx;
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
            return DocumentKind.Pdf;
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase))
            return DocumentKind.Html;
        return DocumentKind.Text;
    }

    /// <summary>The 0-based offset in <see cref="Text"/> where 1-based <paramref name="line"/> begins.</summary>
    internal int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>
    /// The page and box of what stands at <paramref name="position"/> of <see cref="Text"/> (a position of a cell or a
    /// finding): the table cell (a row's cells are separated by tabs) or the paragraph; <see langword="null"/> where the
    /// document has no boxes (it is not a PDF).
    /// </summary>
    /// <param name="position">A line and column of <see cref="Text"/>.</param>
    public PageBox? BoxAt(Extraction.SourcePosition position)
    {
        int low = 0, high = Blocks.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (Blocks[middle].Line <= position.Line)
                low = middle;
            else
                high = middle - 1;
        }

        if (Blocks.Count == 0 || Blocks[low].Line > position.Line)
            return null;
        var block = Blocks[low];
        if (block is not DocumentTable table)
            return block.Box;
        int row = position.Line - table.Line;
        if (row >= table.RowCount)
            return null;
        int start = LineStart(position.Line), end = Math.Min(Text.Length, start + Math.Max(0, position.Column - 1));
        int column = 0;
        for (int i = start; i < end; i++)
            if (Text[i] == '\t')
                column++;
        return column < table.ColumnCount && table[row, column] is { } cell ? cell.Box ?? table.Box : table.Box;
    }

    internal int LineEnd(int line) => line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;

    /// <summary>
    /// Whether a text file is a web page by its content, whatever its name: a page (<c>&lt;!doctype html</c>,
    /// <c>&lt;html</c>), or a fragment of one holding a table (a report's page saved as .txt, or its body alone:
    /// <c>&lt;p&gt;…&lt;/p&gt;&lt;table…&gt;</c>, its quotes sometimes escaped as <c>\"</c>): a <c>&lt;table</c> tag with
    /// at least <see cref="MinFragmentRows"/> rows and <see cref="MinFragmentCells"/> cells. Plain text naming a tag now
    /// and then is no page.
    /// </summary>
    internal static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!doctype html".AsSpan(), StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html".AsSpan(), StringComparison.OrdinalIgnoreCase))
            return true;
        int table = start.IndexOf("<table".AsSpan(), StringComparison.OrdinalIgnoreCase);
        if (table < 0)
            return false;
        var rest = start.Slice(table);
        return CountTags(rest, "<tr") >= MinFragmentRows && CountTags(rest, "<td") + CountTags(rest, "<th") >= MinFragmentCells;
    }

    /// <summary>The rows a table of a page fragment has at least (two: a header and a row of values).</summary>
    private const int MinFragmentRows = 2;

    /// <summary>The cells a table of a page fragment has at least (a label and a value in each of two rows).</summary>
    private const int MinFragmentCells = 4;

    /// <summary>How many tags <paramref name="tag"/> (<c>&lt;td</c>) open in <paramref name="text"/>, counted up to 16.</summary>
    private static int CountTags(ReadOnlySpan<char> text, string tag)
    {
        int count = 0;
        while (count < 16 && text.IndexOf(tag.AsSpan(), StringComparison.OrdinalIgnoreCase) is var at && at >= 0)
        {
            text = text.Slice(at + tag.Length);
            // <td>, <td class=…>; not <tdx> or <thead>.
            if (text.Length > 0 && (text[0] == '>' || char.IsWhiteSpace(text[0]) || text[0] == '/'))
                count++;
        }

        return count;
    }

    private static DocumentLoadResult TooLargeFile(long length, long limit) =>
        DocumentLoadResult.Failed(DocumentProblem.TooLarge,
            $"文件过大（{length} 字节，上限 {limit} 字节）。",
            $"The file is too large ({length} bytes; the limit is {limit} bytes).");

    /// <summary>Collects blocks and builds the text view.</summary>
    internal sealed class Builder
    {
        private readonly DocumentKind _kind;
        private readonly DocumentLimits _limits;
        private readonly List<DocumentBlock> _blocks = new();
        private readonly StringBuilder _text = new();
        private readonly List<int> _lineStarts = new();
        private long _tableCells;

        public Builder(DocumentKind kind, DocumentLimits limits)
        {
            _kind = kind;
            _limits = limits;
        }

        /// <summary>Whether the tables so far exceed <see cref="DocumentLimits.MaxTableCells"/>.</summary>
        public bool TooLarge => _tableCells > _limits.MaxTableCells;

        public int MaxTableCells => _limits.MaxTableCells;

        public long TableCells => _tableCells;

        public void AddParagraph(string text, PageBox? box = null)
        {
            text = Collapse(text);
            if (text.Length == 0)
                return;
            _blocks.Add(new DocumentParagraph(NewLine(), text) { Box = box });
            _text.Append(text);
        }

        public void AddTable(TableBuilder table, PageBox? box = null)
        {
            if (table.RowCount == 0 || table.ColumnCount == 0)
                return;
            _tableCells += (long)table.RowCount * table.ColumnCount;
            if (TooLarge)
                return;
            var built = table.Build(_lineStarts.Count + 1);
            if (box is not null)
                built = built.WithBox(box);
            _blocks.Add(built);
            for (int r = 0; r < built.RowCount; r++)
            {
                NewLine();
                for (int c = 0; c < built.ColumnCount; c++)
                {
                    if (c > 0)
                        _text.Append('\t');
                    if (built[r, c] is { } cell && cell.Row == r && cell.Column == c)
                        _text.Append(cell.Text);
                }
            }
        }

        public ReportDocument Build() => new(_kind, _text.ToString(), _blocks, _lineStarts.ToArray());

        private int NewLine()
        {
            if (_lineStarts.Count > 0)
                _text.Append('\n');
            _lineStarts.Add(_text.Length);
            return _lineStarts.Count;
        }
    }

    /// <summary>Collapses whitespace (line breaks, tabs, no-break and ideographic spaces) to single spaces and trims.</summary>
    internal static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
