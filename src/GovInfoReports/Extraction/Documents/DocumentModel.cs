using System;
using System.Collections.Generic;

namespace GovInfoReports.Documents;

/// <summary>The kind of file a <see cref="ReportDocument"/> was read from.</summary>
public enum DocumentKind
{
    /// <summary>Plain text (a report's text as extracted from a web page, Word or PDF file).</summary>
    Text,

    /// <summary>A web page (<c>.html</c>, <c>.htm</c>).</summary>
    Html,

    /// <summary>A Word document (<c>.docx</c>).</summary>
    Docx,

    /// <summary>A PDF file: text and tables from the pages' glyphs and ruling lines; every block and cell with its page and box.</summary>
    Pdf,
}

/// <summary>A block of a document's body, in reading order: a <see cref="DocumentParagraph"/> or a <see cref="DocumentTable"/>.</summary>
public abstract class DocumentBlock
{
    private protected DocumentBlock(int line) => Line = line;

    /// <summary>The 1-based line of <see cref="ReportDocument.Text"/> where the block begins.</summary>
    public int Line { get; }

    /// <summary>Where the block is printed on its page, for documents laid out in pages (PDF); <see langword="null"/> for text, web pages and Word files.</summary>
    public PageBox? Box { get; init; }
}

/// <summary>A rectangle on a page of a laid-out document, in points from the page's top left corner.</summary>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge.</param>
/// <param name="Bottom">The bottom edge.</param>
public readonly record struct PageBox(int Page, double Left, double Top, double Right, double Bottom);

/// <summary>A paragraph (a heading, a title, narrative): one line of <see cref="ReportDocument.Text"/>.</summary>
public sealed class DocumentParagraph : DocumentBlock
{
    internal DocumentParagraph(int line, string text)
        : base(line) => Text = text;

    /// <summary>The paragraph's text, whitespace collapsed, without line breaks.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>
/// A table rebuilt as a grid: merged cells (HTML <c>rowspan</c>/<c>colspan</c>, Word <c>gridSpan</c>/<c>vMerge</c>)
/// are one <see cref="DocumentCell"/> covering several grid positions. Each grid row is one line of
/// <see cref="ReportDocument.Text"/>, its grid columns separated by tabs.
/// </summary>
public sealed class DocumentTable : DocumentBlock
{
    private readonly DocumentCell?[] _grid;

    internal DocumentTable(int line, int rowCount, int columnCount, IReadOnlyList<DocumentCell> cells)
        : base(line)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        Cells = cells;
        _grid = new DocumentCell?[rowCount * columnCount];
        foreach (var cell in cells)
            for (int r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (int c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    _grid[r * columnCount + c] = cell;
    }

    /// <summary>The number of grid rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of grid columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The cells, row by row, each once (a merged cell at its top-left position).</summary>
    public IReadOnlyList<DocumentCell> Cells { get; }

    // The same table with its page and box (a PDF table).
    internal DocumentTable WithBox(PageBox? box) => new(Line, RowCount, ColumnCount, Cells) { Box = box };

    /// <summary>The cell covering a grid position, or <see langword="null"/> where the source row was shorter than the grid.</summary>
    /// <param name="row">The 0-based grid row.</param>
    /// <param name="column">The 0-based grid column.</param>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the grid.</exception>

    public DocumentCell? this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)RowCount)
                throw new ArgumentOutOfRangeException(nameof(row));
            if ((uint)column >= (uint)ColumnCount)
                throw new ArgumentOutOfRangeException(nameof(column));
            return _grid[row * ColumnCount + column];
        }
    }
}

/// <summary>A cell of a <see cref="DocumentTable"/>.</summary>
/// <param name="Row">The 0-based grid row of its top-left position.</param>
/// <param name="Column">The 0-based grid column of its top-left position.</param>
/// <param name="RowSpan">The number of grid rows it covers (at least 1).</param>
/// <param name="ColumnSpan">The number of grid columns it covers (at least 1).</param>
/// <param name="Text">Its text, whitespace collapsed; empty for an empty cell (or one holding only <c>&amp;nbsp;</c>).</param>
public sealed record DocumentCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text)
{
    /// <summary>Where the cell is printed on its page, for documents laid out in pages (PDF); <see langword="null"/> for web pages and Word files.</summary>
    public PageBox? Box { get; init; }
}

/// <summary>Why a file could not be read as a document.</summary>
public enum DocumentProblem
{
    /// <summary>The file was read.</summary>
    None,

    /// <summary>The file is empty.</summary>
    Empty,

    /// <summary>The file is not text, a web page or a Word document.</summary>
    Binary,

    /// <summary>The file claims to be a Word document (or is a zip archive) but cannot be opened as one.</summary>
    Corrupt,

    /// <summary>The file, or what it unpacks to, is larger than <see cref="DocumentLimits"/> allow.</summary>
    TooLarge,

    /// <summary>The path names no regular file (a named pipe, a device or a socket), which is not opened.</summary>
    NotAFile,

    /// <summary>A PDF that needs a password to open.</summary>
    Encrypted,

    /// <summary>A PDF whose pages are images only (a scan): it needs OCR before it can be read.</summary>
    NeedsOcr,
}

/// <summary>Limits that keep a hostile file (a zip bomb, a table of a million merged cells) from exhausting memory.</summary>
public sealed class DocumentLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static DocumentLimits Default { get; } = new();

    /// <summary>The largest file read, in bytes (default 64 MiB).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most a Word document may unpack to, all parts together, in bytes (default 256 MiB).</summary>
    public long MaxUnpackedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most grid positions the tables of one document may have together (default 1,000,000).</summary>
    public int MaxTableCells { get; init; } = 1_000_000;

    /// <summary>
    /// The most elements a document may have (default 250,000; a report's page or Word file has a few thousand to a few
    /// tens of thousands): start tags of a web page (counted before it is parsed; its DOM takes about a kilobyte per
    /// element, so a page at the limit peaks near 400 MB), elements of a Word document's main part (counted as it is read).
    /// </summary>
    public int MaxElements { get; init; } = 250_000;

    /// <summary>
    /// The deepest nesting of elements a document may have (default 1,000; browsers build at most 512 levels): for a web
    /// page as estimated from its tags before it is parsed, for a Word document as counted while its main part is read.
    /// </summary>
    public int MaxDepth { get; init; } = 1_000;

    /// <summary>The most pages of a PDF read (an annual report has a few dozen at most).</summary>
    public int MaxPdfPages { get; init; } = 500;

    /// <summary>The most glyphs of a PDF read, all pages together.</summary>
    public int MaxPdfLetters { get; init; } = 2_000_000;

    /// <summary>The most vector paths on one PDF page.</summary>
    public int MaxPdfPaths { get; init; } = 200_000;
}

/// <summary>The outcome of loading a file as a <see cref="ReportDocument"/>: the document, or the problem.</summary>
/// <param name="Document">The document; <see langword="null"/> when <see cref="Problem"/> is not <see cref="DocumentProblem.None"/>.</param>
/// <param name="Problem">Why the file could not be read, or <see cref="DocumentProblem.None"/>.</param>
/// <param name="Encoding">For text and web pages, the character encoding found (e.g. <c>utf-8</c>, <c>gb18030</c>).</param>
public sealed record DocumentLoadResult(ReportDocument? Document, DocumentProblem Problem, string? Encoding)
{
    /// <summary>For text and web pages: how many damaged byte sequences of a UTF-8 file were replaced by U+FFFD (see <see cref="Extraction.DecodedText.InvalidSequences"/>).</summary>
    public int InvalidSequences { get; init; }

    /// <summary>A one-line explanation of the problem in Chinese, or <see langword="null"/> when there is none.</summary>
    public string? MessageZh { get; init; }

    /// <summary>A one-line explanation of the problem in English, or <see langword="null"/> when there is none.</summary>
    public string? MessageEn { get; init; }

    /// <summary>The explanation in <paramref name="language"/>, or <see langword="null"/> when there is no problem.</summary>
    /// <param name="language">The message language.</param>
    public string? Message(Validation.MessageLanguage language) => language == Validation.MessageLanguage.English ? MessageEn : MessageZh;

    internal static DocumentLoadResult Failed(DocumentProblem problem, string chinese, string english) =>
        new(null, problem, null) { MessageZh = chinese, MessageEn = english };
}
