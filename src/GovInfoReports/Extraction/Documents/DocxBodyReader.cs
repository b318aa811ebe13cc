using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Xml;

namespace GovInfoReports.Documents;

/// <summary>
/// Reads the body of a Word document's main part as a stream of XML nodes into paragraphs and table grids, with an
/// explicit stack of what each open element is (no recursion over the document's depth, no DOM: a 180 KB file can
/// hold millions of elements). The nesting depth and the element count are checked as the elements are read.
/// </summary>
/// <remarks>
/// What is read: at block level, each <c>w:p</c> is a paragraph (its <c>w:t</c> text; <c>w:tab</c> a space;
/// <c>w:br</c>/<c>w:cr</c> start a new paragraph) and each <c>w:tbl</c> a grid; any other element (content controls,
/// custom XML) is unwrapped. In a table, <c>w:tr</c> rows and in them <c>w:tc</c> cells, through any wrapper, with
/// <c>w:gridBefore</c>, <c>w:gridSpan</c> and <c>w:vMerge</c>; a cell's text is all the text inside it, its paragraphs
/// (and any nested table's) separated by spaces. Memory is the document's text and one table's grid
/// (<see cref="DocumentLimits.MaxTableCells"/>); time is linear in the part's size.
/// </remarks>
internal sealed class DocxBodyReader
{
    public const string Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The same vocabulary in a "Strict Open XML Document" (ISO/IEC 29500 strict), which Word can save.</summary>
    public const string StrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private readonly ReportDocument.Builder _builder;
    private readonly DocumentLimits _limits;
    private readonly Stack<Frame> _frames = new();
    private int _elements;
    private string _namespace = Namespace;
    private int _textDepth = -1;       // the depth of the open w:t, whose text nodes are read
    private readonly StringBuilder _paragraphText = new();
    private readonly StringBuilder _cellText = new();

    private DocxBodyReader(ReportDocument.Builder builder, DocumentLimits limits)
    {
        _builder = builder;
        _limits = limits;
    }

    /// <summary>What the reader is inside of.</summary>
    private enum Kind
    {
        Blocks,
        Paragraph,
        Table,
        Row,
        RowProperties,
        Cell,
        CellProperties,
        Skipped,
    }

    /// <summary>An open element. <see cref="Owner"/> is the paragraph, table, row or cell it belongs to (itself for those).</summary>
    private sealed class Frame
    {
        public Kind Kind;
        public int Depth;
        public Frame? Owner;
        public StringBuilder? Text;            // a paragraph's or a cell's text
        public TableBuilder? Table;            // the grid of a table, or of the row's or cell's table
        public Frame? Row;                     // a cell's row
        public List<RowCell>? Cells;           // a row's cells, placed when the row ends
        public int GridBefore;                 // a row's w:gridBefore
        public bool Deleted;                   // a row deleted with tracked changes (w:trPr/w:del)
        public int Span = 1;                   // a cell's w:gridSpan
        public bool Continues;                 // a cell's w:vMerge continues the cell above
        public bool TabStops;                  // a w:tabs list, whose w:tab elements are stops, not characters

        public bool IsOwner => Owner == this;

        /// <summary>A frame for an element inside this one that belongs to the same owner.</summary>
        public Frame Inner(Kind kind) => new() { Kind = kind, Owner = Owner, Text = Text, Table = Table, Row = Row, Cells = Cells };

        /// <summary>A paragraph, table, row or cell. Paragraphs (and cells) never hold one another: one text buffer serves them all.</summary>
        public static Frame Own(Kind kind, StringBuilder? text = null, Frame? row = null, TableBuilder? table = null)
        {
            var frame = new Frame { Kind = kind, Row = row, Table = table ?? row?.Table, Text = text?.Clear() };
            frame.Owner = frame;
            if (kind == Kind.Row)
                frame.Cells = new List<RowCell>();
            return frame;
        }
    }

    private readonly record struct RowCell(string Text, int Span, bool Continues);

    /// <summary>The outcome: the body read, or why not.</summary>
    public enum Outcome
    {
        Read,
        NoBody,
        TooDeep,
        TooManyElements,
        TablesTooLarge,
    }

    /// <summary>Reads the main part's XML into <paramref name="builder"/>.</summary>
    /// <exception cref="XmlException">The XML is malformed.</exception>
    /// <exception cref="FormatException">A span or merge attribute is not a value Word allows.</exception>
    /// <exception cref="OverflowException">A span does not fit in 32 bits.</exception>
    public static Outcome Read(XmlReader xml, ReportDocument.Builder builder, DocumentLimits limits) =>
        new DocxBodyReader(builder, limits).Read(xml);

    private Outcome Read(XmlReader xml)
    {
        if (!FindBody(xml, out _namespace))
            return Outcome.NoBody;
        int bodyDepth = xml.Depth;
        if (xml.IsEmptyElement)
            return Outcome.Read;
        var body = new Frame { Kind = Kind.Blocks, Depth = bodyDepth };
        _frames.Push(body);
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (xml.Depth > _limits.MaxDepth)
                        return Outcome.TooDeep;
                    if (++_elements > _limits.MaxElements)
                        return Outcome.TooManyElements;
                    Start(xml);
                    break;
                case XmlNodeType.EndElement when xml.Depth == bodyDepth:
                    return _builder.TooLarge ? Outcome.TablesTooLarge : Outcome.Read;
                case XmlNodeType.EndElement:
                    End(xml.Depth);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (_textDepth >= 0 && xml.Depth == _textDepth + 1)
                        _frames.Peek().Text?.Append(xml.Value);
                    break;
            }

            if (_builder.TooLarge || _frames.Peek().Table is { Overflow: true })
                return Outcome.TablesTooLarge;
        }

        return Outcome.Read;
    }

    /// <summary>Reads up to w:body, in either namespace; the body's namespace is the document's.</summary>
    private static bool FindBody(XmlReader xml, out string ns)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == 1 && xml.LocalName == "body" && xml.NamespaceURI is Namespace or StrictNamespace)
            {
                ns = xml.NamespaceURI;
                return true;
            }
        }

        ns = Namespace;
        return false;
    }

    private void Start(XmlReader xml)
    {
        var top = _frames.Peek();
        string name = xml.NamespaceURI == _namespace ? xml.LocalName : "";
        bool child = xml.Depth == top.Depth + 1;
        // mc:AlternateContent gives the same content twice — a text box as a drawing (mc:Choice) and again as VML for older
        // readers (mc:Fallback): the choice is read, the fallback not, or the text box's words would come out twice.
        var frame = xml.LocalName == "Fallback" && xml.NamespaceURI == MarkupCompatibility ? new Frame { Kind = Kind.Skipped } : top.Kind switch
        {
            Kind.Blocks => name switch
            {
                "p" => Frame.Own(Kind.Paragraph, _paragraphText),
                "tbl" => Frame.Own(Kind.Table, table: new TableBuilder(Math.Max(0, _limits.MaxTableCells - _builder.TableCells))),
                "sectPr" => new Frame { Kind = Kind.Skipped },
                _ => new Frame { Kind = Kind.Blocks },
            },
            Kind.Paragraph or Kind.Cell => Inline(xml, top, name),
            Kind.Table => name switch
            {
                "tr" => Frame.Own(Kind.Row, table: top.Table),
                "tbl" or "tblPr" or "tblGrid" => new Frame { Kind = Kind.Skipped },
                _ => top.Inner(Kind.Table),
            },
            Kind.Row => name switch
            {
                "tc" => Frame.Own(Kind.Cell, _cellText, row: top.Owner),
                "trPr" when top.IsOwner => top.Inner(Kind.RowProperties),
                "tbl" or "trPr" or "tblPrEx" => new Frame { Kind = Kind.Skipped },
                _ => top.Inner(Kind.Row),
            },
            Kind.RowProperties when child && name == "gridBefore" => Properties(top, xml, _namespace),
            Kind.RowProperties when child && name == "del" => Deleted(top),
            Kind.CellProperties when child && name is "gridSpan" or "vMerge" => Properties(top, xml, _namespace),
            _ => new Frame { Kind = Kind.Skipped },
        };

        frame.Depth = xml.Depth;
        _frames.Push(frame);
        if (xml.IsEmptyElement)
            End(xml.Depth);
    }

    /// <summary>An element inside a paragraph or a cell: text, tabs and breaks are read; everything else is looked into.</summary>
    private Frame Inline(XmlReader xml, Frame top, string name)
    {
        bool cell = top.Kind == Kind.Cell;
        switch (name)
        {
            case "t":
                _textDepth = xml.Depth;
                break;
            case "tab" when !top.TabStops:
                top.Text!.Append(' ');
                break;
            case "br" or "cr" when cell:
                top.Text!.Append(' ');
                break;
            case "br" or "cr":
                // A manual line break in a paragraph starts a new line (a title often breaks before the year).
                _builder.AddParagraph(top.Text!.ToString());
                top.Text!.Clear();
                break;
            case "p" when cell && top.Text!.Length > 0:
                top.Text.Append(' ');
                break;
            case "tcPr" when cell && top.IsOwner:
                return top.Inner(Kind.CellProperties);
            case "tabs":
                var stops = top.Inner(top.Kind);
                stops.TabStops = true;
                return stops;
            case "moveFrom":
                // A tracked move: the text where it was (w:moveFrom, written with w:t, unlike a deletion's w:delText) is
                // also where it went (w:moveTo); the document reads as if the changes were accepted.
                return new Frame { Kind = Kind.Skipped };
        }

        // Everything below reads into the same text (a run, a hyperlink, a text box, a nested table's cells).
        return top.Inner(top.Kind);
    }

    /// <summary>A row deleted with tracked changes: the document reads as if the changes were accepted, without it.</summary>
    private static Frame Deleted(Frame top)
    {
        top.Owner!.Deleted = true;
        return new Frame { Kind = Kind.Skipped };
    }

    /// <summary>A row's w:gridBefore, or a cell's w:gridSpan or w:vMerge, read from its w:val.</summary>
    private static Frame Properties(Frame top, XmlReader xml, string ns)
    {
        string? value = xml.GetAttribute("val", ns);
        var owner = top.Owner!;
        switch (xml.LocalName)
        {
            case "gridBefore":
                owner.GridBefore = value is null ? 0 : Number(value);
                break;
            case "gridSpan":
                owner.Span = value is null ? 1 : Number(value);
                break;
            default:
                owner.Continues = value switch
                {
                    null or "continue" => true,
                    "restart" => false,
                    _ => throw new FormatException($"w:vMerge w:val=\"{value}\" is neither restart nor continue"),
                };
                break;
        }

        return new Frame { Kind = Kind.Skipped };
    }

    private static int Number(string value) =>
        int.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture);

    private void End(int depth)
    {
        var frame = _frames.Pop();
        if (depth == _textDepth)
            _textDepth = -1;
        if (!frame.IsOwner)
            return;
        switch (frame.Kind)
        {
            case Kind.Paragraph:
                _builder.AddParagraph(frame.Text!.ToString());
                break;
            case Kind.Table when !frame.Table!.Overflow:
                _builder.AddTable(frame.Table);
                break;
            case Kind.Row when !frame.Deleted:
                PlaceRow(frame);
                break;
            case Kind.Cell:
                frame.Row!.Cells!.Add(new RowCell(ReportDocument.Collapse(frame.Text!.ToString()), frame.Span, frame.Continues));
                break;
        }
    }

    private static void PlaceRow(Frame row)
    {
        var grid = row.Table!;
        grid.StartRow();
        if (row.GridBefore > 0)
            grid.Skip(Math.Min(row.GridBefore, TableBuilder.MaxColumnSpan));
        foreach (var cell in row.Cells!)
        {
            if (cell.Continues)
                grid.Continue(cell.Text, cell.Span);
            else
                grid.Add(cell.Text, cell.Span, 1);
        }
    }
}
