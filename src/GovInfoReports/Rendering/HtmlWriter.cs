using System.Net;
using System.Text;

namespace GovInfoReports.Rendering;

/// <summary>Writes a report as a standalone HTML page with the official tables' merged cells.</summary>
internal static class HtmlWriter
{
    private const string Style =
        "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:24px;color:#111}" +
        "h1{font-size:20px;text-align:center}h2{font-size:16px;margin:20px 0 8px}p.caption{font-size:14px;margin:12px 0 4px}" +
        "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #333;padding:4px 6px;text-align:center;vertical-align:middle}" +
        "th{background:#f3f3f3;font-weight:normal}td.label{text-align:left}td.value{min-width:2.5em;text-align:right}";

    public static string Write(IReport report)
    {
        var html = new StringBuilder();
        string title = Encode(ReportRenderer.Title(report));
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(title).Append("</h1>\n");
        foreach (var (heading, caption, table) in ReportRenderer.Parts(report.Template))
        {
            if (heading is not null)
                html.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
            if (caption is not null)
                html.Append("<p class=\"caption\">").Append(Encode(caption)).Append("</p>\n");
            if (table is not null)
                Table(report, table, html);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(IReport report, OfficialTable table, StringBuilder html)
    {
        html.Append("<table data-table=\"").Append(Encode(table.Table.Path)).Append("\">\n");
        int row = -1;
        foreach (var cell in table.Cells)
        {
            while (row < cell.Row)
            {
                if (row >= 0)
                    html.Append("</tr>\n");
                row++;
                html.Append("<tr>");
            }

            bool header = cell.Kind == OfficialCellKind.Header;
            html.Append(header ? "<th" : "<td");
            if (cell.Kind == OfficialCellKind.Label)
                html.Append(" class=\"label\"");
            else if (cell.Kind == OfficialCellKind.Value)
                html.Append(" class=\"value\" data-cell=\"").Append(Encode(cell.Cell!.Path)).Append('"');
            if (cell.RowSpan > 1)
                html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
            if (cell.ColumnSpan > 1)
                html.Append(" colspan=\"").Append(cell.ColumnSpan).Append('"');
            html.Append('>');
            html.Append(Encode(cell.Kind == OfficialCellKind.Value ? ReportRenderer.FormatValue(report.GetCell(cell.Cell!.Index), cell.Cell) : cell.Text));
            html.Append(header ? "</th>" : "</td>");
        }

        html.Append("</tr>\n</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
