using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// An .xlsx workbook (SpreadsheetML, ECMA-376) written as a stream: each worksheet part goes into the zip as its rows
/// are written, so a sheet of a million rows takes no more memory than a row; strings are shared (labels and paths
/// repeat on every row); a header row is bold, frozen and filtered.
/// </summary>
/// <remarks>
/// Written by hand rather than through the Open XML SDK's package layer, which keeps every part of a package opened
/// for writing in memory until it is saved. The SDK reads the workbooks back in the tests and validates them.
/// Only one sheet can be open at a time (the zip is written front to back); a sheet that must be written alongside
/// another goes to a <see cref="XlsxSheet"/> on a temporary stream and is copied in with <see cref="AddSheet(string, Stream)"/>.
/// </remarks>
internal sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Rows a worksheet holds (Excel's limit).</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Characters a cell holds (Excel's limit).</summary>
    public const int MaxCellText = 32_767;

    private readonly ZipArchive _zip;
    private readonly List<string> _sheetNames = new();
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _stringList = new();

    public XlsxWorkbook(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    /// <summary>The index of a string in the shared string table (added the first time).</summary>
    public int StringIndex(string text)
    {
        if (!_strings.TryGetValue(text, out int index))
        {
            index = _stringList.Count;
            _strings.Add(text, index);
            _stringList.Add(text);
        }

        return index;
    }

    /// <summary>Starts the next worksheet, written straight into the workbook; dispose it (or start the next) to end it.</summary>
    public XlsxSheet BeginSheet(string name)
    {
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{AddName(name)}.xml", CompressionLevel.Fastest);
        return new XlsxSheet(this, entry.Open(), ownsStream: true);
    }

    /// <summary>A sheet written to <paramref name="stream"/> (a temporary file) to be added later with <see cref="AddSheet(string, Stream)"/>.</summary>
    public XlsxSheet SheetOn(Stream stream) => new(this, stream, ownsStream: false);

    /// <summary>Adds a sheet written by <see cref="SheetOn"/>, from the start of <paramref name="content"/>.</summary>
    public void AddSheet(string name, Stream content)
    {
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{AddName(name)}.xml", CompressionLevel.Fastest);
        using var target = entry.Open();
        content.Position = 0;
        content.CopyTo(target);
    }

    private int AddName(string name)
    {
        string sheetName = SheetName(name);
        for (int n = 2; _sheetNames.Exists(n => string.Equals(n, sheetName, StringComparison.OrdinalIgnoreCase)); n++)
            sheetName = SheetName(name, " (" + n.ToString(CultureInfo.InvariantCulture) + ")");
        _sheetNames.Add(sheetName);
        return _sheetNames.Count;
    }

    /// <summary>A name Excel accepts: at most 31 characters, none of <c>: \ / ? * [ ]</c>, not starting or ending with an apostrophe.</summary>
    internal static string SheetName(string name, string suffix = "")
    {
        var clean = new StringBuilder(name.Length);
        foreach (char c in name)
            clean.Append(c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? '_' : c);
        string text = clean.ToString().Trim('\'');
        if (text.Length == 0)
            text = "sheet";
        int room = 31 - suffix.Length;
        if (text.Length > room)
            text = text[..(char.IsHighSurrogate(text[room - 1]) ? room - 1 : room)];
        return text + suffix;
    }

    /// <summary>Writes the workbook, styles, shared strings, relationships and content types, and closes the zip.</summary>
    public void Dispose()
    {
        Part("[Content_Types].xml", xml =>
        {
            xml.Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
                .Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
                .Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            for (int i = 1; i <= _sheetNames.Count; i++)
                xml.Append("<Override PartName=\"/xl/worksheets/sheet").Append(i).Append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            xml.Append("</Types>");
        });
        Part("_rels/.rels", xml => xml
            .Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
            .Append("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>")
            .Append("</Relationships>"));
        Part("xl/workbook.xml", xml =>
        {
            xml.Append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            for (int i = 1; i <= _sheetNames.Count; i++)
            {
                xml.Append("<sheet name=\"");
                Markup.Escape(xml, _sheetNames[i - 1]);
                xml.Append("\" sheetId=\"").Append(i).Append("\" r:id=\"rId").Append(i).Append("\"/>");
            }

            xml.Append("</sheets></workbook>");
        });
        Part("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= _sheetNames.Count; i++)
                xml.Append("<Relationship Id=\"rId").Append(i).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").Append(i).Append(".xml\"/>");
            int next = _sheetNames.Count + 1;
            xml.Append("<Relationship Id=\"rId").Append(next).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            xml.Append("<Relationship Id=\"rId").Append(next + 1).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            xml.Append("</Relationships>");
        });
        // Style 0: plain; 1: bold (headers, titles); 2: bold, centred and wrapped (an official table's headers and labels).
        Part("xl/styles.xml", xml => xml
            .Append("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
            .Append("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>")
            .Append("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
            .Append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
            .Append("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>")
            .Append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
            .Append("<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
            .Append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>")
            .Append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>")
            .Append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf></cellXfs>")
            .Append("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
            .Append("</styleSheet>"));
        var entry = _zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest);
        using (var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16))
        {
            var xml = new StringBuilder(1 << 12);
            xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
                .Append(_stringList.Count).Append("\" uniqueCount=\"").Append(_stringList.Count).Append("\">");
            foreach (var text in _stringList)
            {
                xml.Append("<si><t xml:space=\"preserve\">");
                Markup.Escape(xml, text);
                xml.Append("</t></si>");
                if (xml.Length > 1 << 15)
                {
                    writer.Write(xml);
                    xml.Clear();
                }
            }

            writer.Write(xml.Append("</sst>"));
        }

        _zip.Dispose();
    }

    private void Part(string name, Action<StringBuilder> write)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        write(xml);
        var entry = _zip.CreateEntry(name, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}

/// <summary>One worksheet's rows, written in order: cells left to right, typed (numbers as numbers, text as shared strings), merges and a header row.</summary>
internal sealed class XlsxSheet : IDisposable
{
    /// <summary>Cell styles of the workbook.</summary>
    public const int Plain = 0, Bold = 1, TableHeader = 2, TableValue = 3;

    private static readonly string[] ColumnNames = new string[16_384];
    private readonly XlsxWorkbook _workbook;
    private readonly StreamWriter _writer;
    private readonly bool _ownsStream;
    private readonly StringBuilder _row = new(1024);
    private readonly List<string> _merges = new();
    private int _column;
    private int _maxColumn;
    private bool _started;
    private bool _rowOpen;
    private int _headerRows;
    private bool _filter;
    private double[]? _widths;

    internal XlsxSheet(XlsxWorkbook workbook, Stream stream, bool ownsStream)
    {
        _workbook = workbook;
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: !ownsStream);
        _ownsStream = ownsStream;
    }

    /// <summary>The rows written so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Freezes the first <paramref name="rows"/> rows and, when <paramref name="filter"/>, puts an AutoFilter on the last of them. Before the first row.</summary>
    public XlsxSheet Header(int rows, bool filter)
    {
        _headerRows = rows;
        _filter = filter;
        return this;
    }

    /// <summary>Column widths in characters, from column A. Before the first row.</summary>
    public XlsxSheet Widths(params double[] widths)
    {
        _widths = widths;
        return this;
    }

    /// <summary>Starts the next row.</summary>
    public void NewRow()
    {
        if (!_started)
            Start();
        EndRow();
        if (Rows == XlsxWorkbook.MaxRows)
            throw new InvalidOperationException("A worksheet holds at most 1,048,576 rows.");
        Rows++;
        _column = 0;
        _rowOpen = true;
        _row.Append("<row r=\"").Append(Rows).Append("\">");
    }

    /// <summary>Leaves the next <paramref name="count"/> cells of the row empty.</summary>
    public void Skip(int count = 1) => _column += count;

    /// <summary>A text cell (nothing for null or empty text).</summary>
    public void Text(string? text, int style = Plain)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (style != Plain)
                Styled(style);
            else
                _column++;
            return;
        }

        if (text.Length > XlsxWorkbook.MaxCellText)
            text = text[..XlsxWorkbook.MaxCellText];
        Reference(style).Append(" t=\"s\"><v>").Append(_workbook.StringIndex(text)).Append("</v></c>");
    }

    /// <summary>A number cell (nothing for null).</summary>
    public void Number(decimal? number, int style = Plain)
    {
        if (number is not { } n)
        {
            if (style != Plain)
                Styled(style);
            else
                _column++;
            return;
        }

        Reference(style).Append("><v>").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</v></c>");
    }

    /// <summary>A number cell (nothing for null).</summary>
    public void Number(int? number, int style = Plain)
    {
        if (number is not { } n)
        {
            _column++;
            return;
        }

        Reference(style).Append("><v>").Append(n).Append("</v></c>");
    }

    /// <summary>An empty cell with a style (a border).</summary>
    public void Styled(int style) => Reference(style).Append("/>");

    /// <summary>Merges the cells from (row, column) over the spans, 1-based rows and 0-based columns.</summary>
    public void Merge(int row, int column, int rowSpan, int columnSpan)
    {
        if (rowSpan > 1 || columnSpan > 1)
            _merges.Add(Name(column) + row.ToString(CultureInfo.InvariantCulture) + ":" + Name(column + columnSpan - 1) + (row + rowSpan - 1).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ends the sheet: the rows, the filter and the merges.</summary>
    public void Dispose()
    {
        if (!_started)
            Start();
        EndRow();
        _row.Append("</sheetData>");
        if (_filter && _headerRows > 0 && _maxColumn > 0)
            _row.Append("<autoFilter ref=\"A").Append(_headerRows).Append(':').Append(Name(_maxColumn - 1)).Append(Math.Max(Rows, _headerRows)).Append("\"/>");
        if (_merges.Count > 0)
        {
            _row.Append("<mergeCells count=\"").Append(_merges.Count).Append("\">");
            foreach (var merge in _merges)
                _row.Append("<mergeCell ref=\"").Append(merge).Append("\"/>");
            _row.Append("</mergeCells>");
        }

        _row.Append("</worksheet>");
        _writer.Write(_row);
        _row.Clear();
        _writer.Flush();
        if (_ownsStream)
            _writer.Dispose();
    }

    private void Start()
    {
        _started = true;
        _row.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (_headerRows > 0)
            _row.Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"").Append(_headerRows).Append("\" topLeftCell=\"A").Append(_headerRows + 1)
                .Append("\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        if (_widths is { Length: > 0 })
        {
            _row.Append("<cols>");
            for (int i = 0; i < _widths.Length; i++)
                _row.Append("<col min=\"").Append(i + 1).Append("\" max=\"").Append(i + 1).Append("\" width=\"")
                    .Append(_widths[i].ToString(CultureInfo.InvariantCulture)).Append("\" customWidth=\"1\"/>");
            _row.Append("</cols>");
        }

        _row.Append("<sheetData>");
    }

    private void EndRow()
    {
        if (!_rowOpen)
            return;
        _row.Append("</row>");
        _rowOpen = false;
        if (_row.Length > 1 << 15)
        {
            _writer.Write(_row);
            _row.Clear();
        }
    }

    private StringBuilder Reference(int style)
    {
        if (!_rowOpen)
            throw new InvalidOperationException("NewRow first.");
        _row.Append("<c r=\"").Append(Name(_column)).Append(Rows).Append('"');
        if (style != Plain)
            _row.Append(" s=\"").Append(style).Append('"');
        _column++;
        _maxColumn = Math.Max(_maxColumn, _column);
        return _row;
    }

    /// <summary>A column's letters: A … Z, AA … XFD.</summary>
    internal static string Name(int column)
    {
        if (ColumnNames[column] is { } name)
            return name;
        var letters = new StringBuilder(3);
        for (int n = column + 1; n > 0; n = (n - 1) / 26)
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        return ColumnNames[column] = letters.ToString();
    }
}
