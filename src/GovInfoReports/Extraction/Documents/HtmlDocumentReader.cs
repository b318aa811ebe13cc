using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovInfoReports.Documents;

/// <summary>
/// Reads a web page (AngleSharp's HTML5 parser) into paragraphs and tables. Tables are rebuilt into grids honouring
/// rowspan and colspan; a table that holds other tables is page layout, and its cells are read as flowing content.
/// Tables written into the page by a script (inside its string literals) are read too.
/// </summary>
internal static class HtmlDocumentReader
{
    public static DocumentLoadResult Read(string html, DocumentLimits limits)
    {
        // The parser builds the whole DOM (about a kilobyte per element) before any grid limit can be checked:
        // count the start tags first, so that a page of millions of tags is refused before memory grows.
        long tags = CountStartTags(html);
        if (tags > limits.MaxElements)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"网页的元素过多（{tags} 个标签，上限 {limits.MaxElements} 个）。",
                $"The page has too many elements ({tags} tags; the limit is {limits.MaxElements}).");
        }

        // The HTML5 tree builder checks the open elements' scope at each start tag, so its time grows with the nesting
        // depth times the tags: a page nested deeper than browsers build (Blink stops at 512) is refused unparsed.
        int depth = MarkupDepth.Estimate(html);
        if (depth > limits.MaxDepth)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"网页的元素嵌套过深（约 {depth} 层，上限 {limits.MaxDepth} 层）。",
                $"The page's elements are nested too deeply (about {depth} levels; the limit is {limits.MaxDepth}).");
        }

        var builder = new ReportDocument.Builder(DocumentKind.Html, limits);
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var walker = new Walker(builder, parser, limits);
        walker.Walk(document.Body ?? (INode)document.DocumentElement);
        walker.Flush();
        if (builder.TooLarge || walker.Overflow)
        {
            return DocumentLoadResult.Failed(DocumentProblem.TooLarge,
                $"网页的表格过大（超过 {limits.MaxTableCells} 个单元格位置）。",
                $"The page's tables are too large (more than {limits.MaxTableCells} grid positions).");
        }

        return new DocumentLoadResult(builder.Build(), DocumentProblem.None, null);
    }

    /// <summary>How many start tags (<c>&lt;</c> and a letter) the markup holds: an upper bound of the elements it parses to, tags in script strings included.</summary>
    internal static long CountStartTags(string html)
    {
        long count = 0;
        var rest = html.AsSpan();
        for (int at = rest.IndexOf('<'); at >= 0; at = rest.IndexOf('<'))
        {
            if (at + 1 < rest.Length && char.IsAsciiLetter(rest[at + 1]))
                count++;
            rest = rest.Slice(at + 1);
        }

        return count;
    }

    /// <summary>
    /// Walks the DOM in document order with an explicit stack (pages nest elements tens of thousands deep; recursion
    /// would overflow the thread's stack, which no handler can catch).
    /// </summary>
    private sealed class Walker
    {
        private readonly ReportDocument.Builder _builder;
        private readonly HtmlParser _parser;
        private readonly DocumentLimits _limits;
        private readonly StringBuilder _paragraph = new();
        private readonly StringBuilder _cellText = new();
        private readonly Stack<Step> _cellStack = new();
        private int _scriptDepth;

        public Walker(ReportDocument.Builder builder, HtmlParser parser, DocumentLimits limits)
        {
            _builder = builder;
            _parser = parser;
            _limits = limits;
        }

        public bool Overflow { get; private set; }

        public void Flush()
        {
            if (_paragraph.Length == 0)
                return;
            _builder.AddParagraph(_paragraph.ToString());
            _paragraph.Clear();
        }

        /// <summary>Reads the children of <paramref name="root"/>: text into paragraphs, data tables into grids.</summary>
        public void Walk(INode root)
        {
            var layout = LayoutTables(root);
            var stack = new Stack<Step>();
            PushChildren(stack, root);
            while (stack.Count > 0)
            {
                var step = stack.Pop();
                if (step.Node is null)
                    Flush();                      // the end of a block element
                else if (step.Node is IText text)
                    _paragraph.Append(text.Data);
                else if (step.Node is IElement element)
                    Element(element, stack, layout);
            }
        }

        /// <summary>One element: read at once (a table, a script) or its children pushed, between flushes when it is a block.</summary>
        private void Element(IElement element, Stack<Step> stack, HashSet<IElement> layout)
        {
            if (IsHidden(element))
                return;
            switch (element.LocalName)
            {
                case "script":
                    Script(element.TextContent);
                    return;
                case "style" or "head" or "noscript" or "iframe" or "object" or "svg" or "math" or "select" or "button":
                    return;
                case "template" when element is IHtmlTemplateElement template:
                    Flush();
                    stack.Push(Step.EndOfBlock);
                    PushChildren(stack, template.Content);
                    return;
                case "br":
                    Flush();
                    return;
                case "table" when element is IHtmlTableElement table && !layout.Contains(table):
                    Flush();
                    Table(table);
                    return;
            }

            if (IsBlock(element.LocalName))
            {
                Flush();
                stack.Push(Step.EndOfBlock);
            }

            PushChildren(stack, element);
        }

        private static void PushChildren(Stack<Step> stack, INode node)
        {
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
                stack.Push(new Step(children[i]));
        }

        /// <summary>The tables under <paramref name="root"/> that hold another table: page layout, whose cells are read as flowing content.</summary>
        private static HashSet<IElement> LayoutTables(INode root)
        {
            // One pass, each node with its nearest enclosing table: a table found marks that one (and, as that one
            // was itself found inside its own enclosing table, every table around it is marked in turn).
            var layout = new HashSet<IElement>();
            var stack = new Stack<(INode Node, IElement? Table)>();
            stack.Push((root, null));
            while (stack.Count > 0)
            {
                var (node, enclosing) = stack.Pop();
                var table = enclosing;
                if (node is IElement { LocalName: "table" } element)
                {
                    if (enclosing is not null)
                        layout.Add(enclosing);
                    table = element;
                }

                foreach (var child in node.ChildNodes)
                    if (child is IElement)
                        stack.Push((child, table));

                // A template's content is walked as a document of its own: a table in it does not make the table around the template layout.
                if (node is IHtmlTemplateElement template)
                    stack.Push((template.Content, null));
            }

            return layout;
        }

        private void Table(IHtmlTableElement table)
        {
            if (table.Caption is { } caption)
                _builder.AddParagraph(AllText(caption));
            var grid = new TableBuilder(Math.Max(0, _limits.MaxTableCells - _builder.TableCells));
            foreach (var row in table.Rows)
            {
                if (IsHidden(row))
                    continue;
                grid.StartRow();
                foreach (var cell in row.Cells)
                    grid.Add(CellText(cell), Span(cell, "colspan", 1), Span(cell, "rowspan", 1));
            }

            Overflow |= grid.Overflow;
            if (!grid.Overflow)
                _builder.AddTable(grid);
        }

        /// <summary>A script that writes a table: its string literals, joined, parsed as HTML.</summary>
        private void Script(string script)
        {
            // The markup may be escaped in the script ("\u003Ctable"): look for the word, then at the unescaped literals.
            if (_scriptDepth > 2 || script.IndexOf("table", StringComparison.OrdinalIgnoreCase) < 0)
                return;
            string markup = ScriptLiterals.Of(script);
            if (markup.IndexOf("<table", StringComparison.OrdinalIgnoreCase) < 0)
                return;
            if (CountStartTags(markup) > _limits.MaxElements)
            {
                // Escaped markup was not counted with the page's tags: the same limit holds for it.
                Overflow = true;
                return;
            }

            Flush();
            var fragment = _parser.ParseDocument("<body>" + markup + "</body>");
            _scriptDepth++;
            Walk(fragment.Body!);
            _scriptDepth--;
            Flush();
        }

        private static int Span(IElement cell, string name, int fallback)
        {
            string? value = cell.GetAttribute(name);
            if (value is null)
                return fallback;
            // Browsers read the leading digits ("2px" is 2); anything else is the default.
            int end = 0;
            var trimmed = value.Trim();
            while (end < trimmed.Length && end < 9 && char.IsAsciiDigit(trimmed[end]))
                end++;
            return end > 0 ? int.Parse(trimmed.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
        }

        /// <summary>A cell's visible text, block elements and line breaks as spaces, collapsed (iterative, as <see cref="Walk"/>).</summary>
        private string CellText(IElement cell)
        {
            // One buffer and one stack serve every cell of the page (a table of 40,000 rows has 160,000 cells).
            var text = _cellText.Clear();
            var stack = _cellStack;
            PushChildren(stack, cell);
            while (stack.Count > 0)
            {
                var step = stack.Pop();
                switch (step.Node)
                {
                    case null:
                        text.Append(' ');         // the end of a block element
                        break;
                    case IText t:
                        text.Append(t.Data);
                        break;
                    case IElement e when IsHidden(e) || e.LocalName is "script" or "style":
                        break;
                    case IElement e when e.LocalName == "br":
                        text.Append(' ');
                        break;
                    case IElement e:
                        if (IsBlock(e.LocalName))
                        {
                            text.Append(' ');
                            stack.Push(Step.EndOfBlock);
                        }

                        PushChildren(stack, e);
                        break;
                }
            }

            return ReportDocument.Collapse(text.ToString());
        }

        /// <summary>Every text node under <paramref name="node"/>, in order (what the DOM's textContent gives, without its recursion).</summary>
        private static string AllText(INode node)
        {
            var text = new StringBuilder();
            var stack = new Stack<INode>();
            stack.Push(node);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (next is IText t)
                    text.Append(t.Data);
                var children = next.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                    stack.Push(children[i]);
            }

            return text.ToString();
        }

        private static bool IsHidden(IElement element)
        {
            if (element.HasAttribute("hidden"))
                return true;
            string? style = element.GetAttribute("style");
            if (style is null)
                return false;
            string compact = style.Replace(" ", "").ToLowerInvariant();
            return compact.Contains("display:none") || compact.Contains("visibility:hidden");
        }

        private static bool IsBlock(string name) => name is
            "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol" or "dl" or "dt" or "dd" or
            "section" or "article" or "aside" or "header" or "footer" or "main" or "nav" or "blockquote" or "pre" or
            "center" or "figure" or "figcaption" or "form" or "fieldset" or "hr" or "address" or "details" or "summary" or
            "table" or "caption" or "thead" or "tbody" or "tfoot" or "tr" or "td" or "th";

        /// <summary>A node to visit, or (no node) the end of a block element.</summary>
        private readonly record struct Step(INode? Node)
        {
            public static Step EndOfBlock => default;
        }
    }
}
