using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Tests;

/// <summary>The ways report tables come out of web pages, Word and PDF files as text.</summary>
public enum TextLayout
{
    /// <summary>One cell per line, tab-indented, rows separated by empty lines (Word → text).</summary>
    CellPerLine,

    /// <summary>One cell per line ending in <c> |</c>, with <c>||||</c> filler lines for merged cells (web mirrors).</summary>
    PipeCellPerLine,

    /// <summary>One table row per line, cells separated by tabs, label columns left empty where merged.</summary>
    Tabs,

    /// <summary>Markdown pipe tables.</summary>
    Markdown,

    /// <summary>One table row per line, cells separated by spaces (PDF → text).</summary>
    SpaceSeparated,

    /// <summary>One cell per line, cells separated by empty lines, with leading and trailing spaces.</summary>
    BlankLineSeparated,

    /// <summary>
    /// A web page's table as converters write it: one row per line between pipes, a merged label's text only on the
    /// first row it spans (<c>三、本年度办理结果 | （一）予以公开 | 3 | …</c>), no line for a group row, sometimes empty
    /// cells for the label's merged columns, and blank cells as empty cells anywhere in the row.
    /// </summary>
    PipeRows,
}

/// <summary>
/// Writes a report as the text of a published annual report in one of the <see cref="TextLayout"/>s, from the
/// descriptor alone. Blank cells are printed as dashes, <c>/</c>, <c>&amp;nbsp;</c> or (where the layout keeps
/// cell positions) as empty cells; values vary in form (<c>+98</c>, <c>减4</c>, <c>1,234</c>, <c>258463.87元</c>).
/// </summary>
public static class TextLayouts
{
    public static readonly TextLayout[] All = Enum.GetValues<TextLayout>();

    public static string Render(IReport report, TextLayout layout, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Line>();
        var template = report.Template;
        rows.Add(Line.Text((report.Agency ?? "") + (report.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : "") + "政府信息公开工作年度报告"));
        rows.Add(Line.Text("一、总体情况"));
        rows.Add(Line.Text("本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，现将有关情况报告如下。"));
        foreach (var section in template.Sections)
        {
            rows.Add(Line.Text(section.FullHeading));
            foreach (var table in section.Tables)
                AddTable(report, table, rows, layout, random);
        }

        rows.Add(Line.Text("五、存在的主要问题及改进情况"));
        rows.Add(Line.Text("一是公开内容还不够全面；二是解读形式较为单一。下一步，我们将进一步加强培训，提高公开质量。"));
        rows.Add(Line.Text("六、其他需要报告的事项"));
        rows.Add(Line.Text("无。"));
        return Write(rows, layout, random);
    }

    private sealed class Line
    {
        public List<string> Cells { get; } = new();

        public bool IsTableRow { get; init; }

        public static Line Text(string text)
        {
            var line = new Line();
            line.Cells.Add(text);
            return line;
        }
    }

    private static void AddTable(IReport report, TableDescriptor table, List<Line> rows, TextLayout layout, Random random)
    {
        if (!table.Section.IsSingleTable && table.Caption is not null)
            rows.Add(Row(table.Caption));
        if (table.Layout == TableLayout.SingleRow)
        {
            rows.Add(Row(table.Rows.Select(r => r.Label).ToArray()));
            var second = new List<string>();
            foreach (var row in table.Rows)
            {
                if (row.IsGroup)
                    second.AddRange(row.Children.Select(c => c.Label));
                else
                    second.AddRange(table.Columns.Select(c => c.Label));
            }

            rows.Add(Row(second.ToArray()));
            var third = new List<string>();
            foreach (var row in table.Rows.Where(r => r.IsGroup))
                foreach (var child in row.Children)
                    third.AddRange(table.Columns.Select(c => c.Label));
            if (third.Count > 0)
                rows.Add(Row(third.ToArray()));
            rows.Add(Values(report, table.Cells, null, layout, random));
            return;
        }

        var first = new List<string>();
        if (table.Note is not null)
            first.Add(table.Note);
        if (table.RowHeader is not null)
            first.Add(table.RowHeader);
        if (table.ColumnsCaption is not null)
            first.Add(table.ColumnsCaption);
        bool grouped = table.Columns.Any(c => c.Group is not null);
        if (!grouped)
        {
            first.AddRange(table.Columns.Select(c => c.Label));
            rows.Add(Row(first.ToArray()));
        }
        else
        {
            rows.Add(Row(first.ToArray()));
            var top = new List<string>();
            foreach (var column in table.Columns)
            {
                string label = column.Group ?? column.Label;
                if (!top.Contains(label))
                    top.Add(label);
            }

            rows.Add(Row(top.ToArray()));
            rows.Add(Row(table.Columns.Where(c => c.Group is not null).Select(c => c.Label).ToArray()));
        }

        AddRows(report, table.Rows, rows, layout, random);
    }

    private static void AddRows(IReport report, IReadOnlyList<RowDescriptor> descriptors, List<Line> rows, TextLayout layout, Random random)
    {
        foreach (var row in descriptors)
        {
            if (row.IsGroup)
            {
                if (layout != TextLayout.PipeRows)
                    rows.Add(Row(row.FullLabel));
                AddRows(report, row.Children, rows, layout, random);
                continue;
            }

            var cells = row.Table.Cells.Where(c => c.Row == row).ToList();
            rows.Add(Values(report, cells, layout == TextLayout.PipeRows ? PipeLabel(row, random) : new[] { row.FullLabel }, layout, random));
        }
    }

    private static Line Row(params string[] cells)
    {
        var line = new Line { IsTableRow = true };
        line.Cells.AddRange(cells);
        return line;
    }

    /// <summary>
    /// The label cells of a data row in <see cref="TextLayout.PipeRows"/>: the labels of the groups it is the first row of
    /// (a merged cell's text is on its first row), its own, and sometimes empty cells for the label's merged columns.
    /// </summary>
    private static string[] PipeLabel(RowDescriptor row, Random random)
    {
        var labels = new List<string> { row.FullLabel };
        for (var child = row; child.Parent is { } parent && parent.Children[0] == child; child = parent)
            labels.Insert(0, parent.FullLabel);
        for (int padding = random.Next(3) == 0 ? random.Next(1, 3) : 0; padding > 0; padding--)
            labels.Add("");
        return labels.ToArray();
    }

    private static Line Values(IReport report, IReadOnlyList<CellDescriptor> cells, string[]? label, TextLayout layout, Random random)
    {
        var line = new Line { IsTableRow = true };
        if (label is not null)
            line.Cells.AddRange(label);
        for (int i = 0; i < cells.Count; i++)
        {
            var value = report.GetCell(cells[i].Index);
            // The layouts with separators between all cells and a closing one keep an empty cell's place.
            bool positional = layout is TextLayout.Tabs or TextLayout.Markdown or TextLayout.PipeRows;
            line.Cells.Add(value.IsBlank
                ? (positional && random.Next(2) == 0 ? "" : Pick(random, "-", "—", "/", "&nbsp;", "－"))
                : Format(value, cells[i], random));
        }

        return line;
    }

    private static string Format(CellValue value, CellDescriptor cell, Random random)
    {
        decimal number = value.Number!.Value;
        switch (cell.Kind)
        {
            case ValueKind.SignedCount:
                int n = (int)number;
                return random.Next(4) switch
                {
                    0 when n > 0 => "+" + Count(n, random),
                    1 when n > 0 => "增" + Count(n, random),
                    1 when n < 0 && n != int.MinValue => "减" + Count(-n, random),
                    2 when n < 0 => "−" + Count(-(long)n, random),
                    _ => n.ToString(CultureInfo.InvariantCulture),
                };
            case ValueKind.Count:
                return Count((int)number, random);
            default:
                string text = number.ToString(CultureInfo.InvariantCulture);
                return value.Unit switch
                {
                    AmountUnit.Yuan => text + "元",
                    AmountUnit.TenThousandYuan when cell.Column.HasReportedUnit => text + Pick(random, "万元", " 万", "万"),
                    AmountUnit.TenThousandYuan => random.Next(2) == 0 ? text : text + "万元",
                    _ => text,
                };
        }
    }

    private static string Count(long n, Random random) =>
        n >= 1000 && random.Next(3) == 0 ? n.ToString("#,0", CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);

    private static string Pick(Random random, params string[] items) => items[random.Next(items.Length)];

    private static string Write(List<Line> lines, TextLayout layout, Random random)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (!line.IsTableRow)
            {
                text.Append(line.Cells[0]).Append('\n');
                if (layout is TextLayout.CellPerLine or TextLayout.BlankLineSeparated)
                    text.Append('\n');
                continue;
            }

            switch (layout)
            {
                case TextLayout.CellPerLine:
                    foreach (string cell in line.Cells)
                        text.Append('\t').Append(cell).Append(random.Next(4) == 0 ? " " : "").Append('\n');
                    text.Append('\n');
                    break;
                case TextLayout.PipeCellPerLine:
                    foreach (string cell in line.Cells)
                        text.Append(cell).Append(" |\n");
                    text.Append(new string('|', 1 + random.Next(4))).Append('\n');
                    break;
                case TextLayout.Tabs:
                    // An empty last cell needs the closing tab: the text after the last separator is no cell.
                    text.Append(string.Join("\t", line.Cells)).Append(line.Cells[^1].Length == 0 || random.Next(2) == 0 ? "\t" : "").Append('\n');
                    break;
                case TextLayout.PipeRows:
                    // An empty first cell needs the opening pipe: a line's first pipe with nothing before it is its border.
                    text.Append(line.Cells[0].Length == 0 || random.Next(2) == 0 ? "| " : "").Append(string.Join(" | ", line.Cells)).Append(" |\n");
                    break;
                case TextLayout.Markdown:
                    text.Append("| ").Append(string.Join(" | ", line.Cells)).Append(" |\n");
                    if (line.Cells.Count > 1 && random.Next(3) == 0)
                        text.Append('|').Append(string.Concat(line.Cells.Select(_ => " --- |"))).Append('\n');
                    break;
                case TextLayout.SpaceSeparated:
                    text.Append(string.Join(" ", line.Cells)).Append('\n');
                    break;
                case TextLayout.BlankLineSeparated:
                    foreach (string cell in line.Cells)
                        text.Append(' ', random.Next(3)).Append(cell).Append(' ', random.Next(3)).Append("\n\n");
                    break;
            }
        }

        return text.ToString();
    }
}
