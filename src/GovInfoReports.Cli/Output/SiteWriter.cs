using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Cli.Batch;
using GovInfoReports.Rendering;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// <c>govinfo report</c>: a static site that opens offline — <c>index.html</c>, the corpus (what was read, templates and
/// years, findings by rule, key totals per agency and year drawn as inline SVG, the reports whose numbers do not add up,
/// every file) and <c>reports/NNNN.html</c> per report read (its official tables with every cell a failing rule names
/// highlighted with the rule's message, missing cells marked, and its findings). Pages are well-formed XHTML-style
/// HTML5 with their style inline; no script, no external resource.
/// </summary>
internal sealed class SiteWriter : ResultWriter
{
    /// <summary>The three key totals of the corpus chart: applications received, results, reviews and lawsuits.</summary>
    internal static readonly (string Label, string[] Paths)[] KeyTotals =
    {
        ("收到申请 received", new[] { "applications.newlyReceived.total" }),
        ("办理结果 results", new[] { "applications.results.total.total" }),
        ("复议诉讼 reviews", new[] { "reviews.reconsideration.total", "reviews.litigation.direct.total", "reviews.litigation.afterReconsideration.total" }),
    };

    private const int ChartRows = 40;

    private readonly string _folder;
    private readonly List<Entry> _entries = new();

    private sealed record Entry(int Index, string File, string? Page, string State, string? Template, int? Year, string? Agency,
        int Errors, int Warnings, int ReportErrors, decimal?[] Totals, List<(string Rule, string Severity, string Source, string Message)> Findings);

    public SiteWriter(string folder)
        : base(TextWriter.Null)
    {
        _folder = folder;
    }

    /// <summary>The page of the report at <paramref name="index"/> in the run's input order.</summary>
    internal static string PageName(int index) => "reports/" + (index + 1).ToString("D4", CultureInfo.InvariantCulture) + ".html";

    public override void Begin() => Directory.CreateDirectory(Path.Combine(_folder, "reports"));

    public override void Write(FileResult result)
    {
        string? page = null;
        var totals = new decimal?[KeyTotals.Length];
        if (result.Report is { } report)
        {
            page = PageName(result.Index);
            for (int k = 0; k < KeyTotals.Length; k++)
            {
                decimal? sum = null;
                foreach (var path in KeyTotals[k].Paths)
                    if (report.Template.FindCell(path) is { } cell && report.GetCell(cell.Index).Number is { } n)
                        sum = (sum ?? 0) + n;
                totals[k] = sum;
            }

            WriteAtomically(Path.Combine(_folder, page), ReportPage(result, report));
        }

        string state = result.Unreadable ? "unreadable" : result.Unsupported ? "unsupported" : result.Template is null ? "not a report"
            : result.BlankForm ? "blank form" : result.Complete ? "complete" : "partial";
        _entries.Add(new Entry(result.Index, result.File, page, state, result.Template, result.Year, result.Agency,
            result.Findings.Count(f => f.Severity == Severity.Error), result.Findings.Count(f => f.Severity == Severity.Warning),
            result.Findings.Count(f => f.Severity == Severity.Error && f.Source == FindingSource.Report), totals,
            result.Findings.Select(f => (f.Rule, f.SeverityText, f.SourceText, f.Message)).ToList()));
        result.Report = null;
        result.Statuses = null;
    }

    public override void End()
    {
        _entries.Sort((a, b) => a.Index.CompareTo(b.Index));
        WriteAtomically(Path.Combine(_folder, "index.html"), CorpusPage());
    }

    private static void WriteAtomically(string path, string html) => OutputTarget.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(html));

    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px 32px;color:#222;max-width:1200px}
        h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc;padding-bottom:4px}h3{font-size:15px}
        table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #999;padding:3px 6px}
        th{background:#f2f2f2;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:90px}
        .card b{display:block;font-size:22px}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#555}
        table.official td{text-align:center}table.official td.label{text-align:left}
        td.fail{background:#ffd7d7;outline:2px solid #d00;outline-offset:-2px}td.missing{background:#eee;color:#888}
        td.blank{color:#999}sup{font-size:10px;margin-left:2px}.legend span{display:inline-block;padding:1px 8px;margin-right:8px;border:1px solid #999}
        a{color:#0645ad}.muted{color:#666;font-size:12px}svg text{font-size:11px;font-family:inherit}
        """;

    private static StringBuilder Open(string title)
    {
        var html = new StringBuilder(1 << 14);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/><title>");
        Markup.Escape(html, title);
        html.Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        return html;
    }

    private static string Close(StringBuilder html) => html.Append("<p class=\"muted\">govinfo report · GovInfoReports</p>\n</body></html>\n").ToString();

    private static StringBuilder Text(StringBuilder html, string? text)
    {
        Markup.Escape(html, text ?? "");
        return html;
    }

    private static string Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    // ---- the report page -------------------------------------------------------------------------------------------

    private static string ReportPage(FileResult result, IReport report)
    {
        string title = (report.Agency ?? "") + (report.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : "") + "政府信息公开工作年度报告";
        var html = Open(title);
        html.Append("<p><a href=\"../index.html\">← 全部报告 all reports</a></p>\n<h1>");
        Text(html, title).Append("</h1>\n<table><tr><th>文件 file</th><td>");
        Text(html, result.File).Append("</td></tr><tr><th>模板 template</th><td>").Append(report.Template.Id)
            .Append("</td></tr><tr><th>年度 year</th><td>").Append(report.Year?.ToString(CultureInfo.InvariantCulture) ?? "?")
            .Append("</td></tr><tr><th>机关 agency</th><td>");
        Text(html, report.Agency ?? "?").Append("</td></tr><tr><th>读取 read</th><td>")
            .Append(result.TotalCells - result.MissingCells).Append(" / ").Append(result.TotalCells).Append(result.Complete ? " complete" : " partial").Append("</td></tr></table>\n");

        // Which cells each finding of the report names: the failing rules' cells are highlighted with their messages.
        var findings = result.Findings;
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Source != FindingSource.Report || findings[i].Severity == Severity.Info)
                continue;
            foreach (var cell in findings[i].Cells)
            {
                if (!named.TryGetValue(cell, out var list))
                    named[cell] = list = new List<int>();
                list.Add(i);
            }
        }

        html.Append("<h2>问题 Findings (").Append(findings.Count).Append(")</h2>\n");
        if (findings.Count == 0)
            html.Append("<p>没有问题 No findings.</p>\n");
        else
        {
            html.Append("<table class=\"findings\"><tr><th>#</th><th>rule</th><th>severity</th><th>source</th><th>message</th><th>cells</th></tr>\n");
            for (int i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                html.Append("<tr id=\"f").Append(i + 1).Append("\"><td>").Append(i + 1).Append("</td><td>");
                Text(html, f.Rule).Append("</td><td class=\"").Append(f.SeverityText).Append("\">").Append(f.SeverityText).Append("</td><td>").Append(f.SourceText).Append("</td><td>");
                Text(html, f.Message).Append("</td><td>");
                Text(html, string.Join(" ", f.Cells)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>统计表 Tables</h2>\n<p class=\"legend\"><span style=\"background:#ffd7d7\">规则不符 a rule fails</span><span style=\"background:#eee\">未读取 missing</span><span>— 空白 blank</span></p>\n");
        var statuses = result.Statuses;
        foreach (var section in report.Template.Sections)
        {
            if (section.Tables.Count == 0)
                continue;
            html.Append("<h3>");
            Text(html, section.FullHeading).Append("</h3>\n");
            foreach (var table in section.Tables)
            {
                if (!section.IsSingleTable && table.Caption is not null)
                    Text(html.Append("<p><b>"), table.Caption).Append("</b></p>\n");
                var grid = OfficialTable.For(table);
                html.Append("<table class=\"official\">\n");
                foreach (var row in grid.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                {
                    html.Append("<tr>");
                    foreach (var cell in row.OrderBy(c => c.Column))
                    {
                        bool header = cell.Kind == OfficialCellKind.Header;
                        string tag = header ? "th" : "td";
                        html.Append('<').Append(tag);
                        if (cell.RowSpan > 1)
                            html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                        if (cell.ColumnSpan > 1)
                            html.Append(" colspan=\"").Append(cell.ColumnSpan).Append('"');
                        if (cell.Kind == OfficialCellKind.Value && cell.Cell is { } descriptor)
                        {
                            var value = report.GetCell(descriptor.Index);
                            var status = statuses?[descriptor.Index] ?? (value.IsBlank ? CellStatus.Blank : CellStatus.Reported);
                            named.TryGetValue(descriptor.Path, out var failing);
                            string css = failing is not null ? "n fail" : status == CellStatus.Missing ? "n missing" : status == CellStatus.Blank ? "n blank" : "n";
                            html.Append(" class=\"").Append(css).Append("\" data-path=\"").Append(descriptor.Path).Append('"');
                            if (failing is not null)
                            {
                                html.Append(" title=\"");
                                Text(html, string.Join("\n", failing.Select(i => findings[i].Rule + ": " + findings[i].Message)));
                                html.Append('"');
                            }

                            html.Append('>');
                            html.Append(status == CellStatus.Missing ? "?" : status == CellStatus.Blank ? "—" : ReportRendererValue(value, descriptor));
                            if (failing is not null)
                                foreach (var i in failing)
                                    Text(html.Append("<sup><a href=\"#f").Append(i + 1).Append("\">"), findings[i].Rule).Append("</a></sup>");
                        }
                        else
                        {
                            if (cell.Kind == OfficialCellKind.Label)
                                html.Append(" class=\"label\"");
                            html.Append('>');
                            Text(html, cell.Text);
                        }

                        html.Append("</").Append(tag).Append('>');
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        return Close(html);
    }

    private static string ReportRendererValue(CellValue value, GovInfoReports.Templates.CellDescriptor cell)
    {
        var text = new StringBuilder();
        Markup.Escape(text, Number(value.Number) + (cell.Column.HasReportedUnit && value.Unit != AmountUnit.Unknown ? value.Unit.ToSymbol() : ""));
        return text.ToString();
    }

    // ---- the corpus page -------------------------------------------------------------------------------------------

    private string CorpusPage()
    {
        var html = Open("政府信息公开工作年度报告 · 语料 corpus");
        int reports = _entries.Count(e => e.Page is not null);
        html.Append("<h1>政府信息公开工作年度报告 · 语料报告 Corpus report</h1>\n<div class=\"cards\">");
        void Card(string label, int count) => html.Append("<div class=\"card\"><b>").Append(count).Append("</b>").Append(label).Append("</div>");
        Card("文件 files", _entries.Count);
        Card("报告 reports read", reports);
        Card("完整 complete", _entries.Count(e => e.State == "complete"));
        Card("不完整 partial", _entries.Count(e => e.State == "partial"));
        Card("空白表格 blank forms", _entries.Count(e => e.State == "blank form"));
        Card("非报告 not reports", _entries.Count(e => e.State == "not a report"));
        Card("无法读取 unreadable", _entries.Count(e => e.State == "unreadable"));
        Card("格式不支持 unsupported", _entries.Count(e => e.State == "unsupported"));
        Card("不相符 do not add up", _entries.Count(e => e.ReportErrors > 0));
        html.Append("</div>\n");

        // Templates and years.
        var years = _entries.Where(e => e.Template is not null).Select(e => e.Year).Distinct().OrderBy(y => y ?? int.MaxValue).ToList();
        html.Append("<h2>模板和年度 Templates and years</h2>\n<table><tr><th>template</th>");
        foreach (var year in years)
            html.Append("<th>").Append(year?.ToString(CultureInfo.InvariantCulture) ?? "?").Append("</th>");
        html.Append("<th>total</th></tr>\n");
        foreach (var template in _entries.Where(e => e.Template is not null).GroupBy(e => e.Template!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Text(html.Append("<tr><th>"), template.Key).Append("</th>");
            foreach (var year in years)
                html.Append("<td class=\"n\">").Append(template.Count(e => e.Year == year)).Append("</td>");
            html.Append("<td class=\"n\">").Append(template.Count()).Append("</td></tr>\n");
        }

        html.Append("</table>\n");

        // Findings by rule.
        html.Append("<h2>问题（按规则） Findings by rule</h2>\n<table><tr><th>rule</th><th>severity</th><th>source</th><th>findings</th><th>files</th><th>example</th></tr>\n");
        foreach (var rule in _entries.SelectMany(e => e.Findings.Select(f => (Entry: e, Finding: f)))
                     .GroupBy(x => (x.Finding.Rule, x.Finding.Severity, x.Finding.Source))
                     .OrderBy(g => g.Key.Severity == "error" ? 0 : g.Key.Severity == "warning" ? 1 : 2).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            Text(html.Append("<tr><td>"), rule.Key.Rule).Append("</td><td class=\"").Append(rule.Key.Severity).Append("\">").Append(rule.Key.Severity)
                .Append("</td><td>").Append(rule.Key.Source).Append("</td><td class=\"n\">").Append(rule.Count()).Append("</td><td class=\"n\">")
                .Append(rule.Select(x => x.Entry.Index).Distinct().Count()).Append("</td><td>");
            Text(html, rule.First().Finding.Message).Append("</td></tr>\n");
        }

        html.Append("</table>\n");

        // Key totals per year (all reports) and per agency and year (the largest).
        html.Append("<h2>主要数字 Key totals</h2>\n");
        YearChart(html);
        AgencyChart(html);

        // Each agency's series: its reports by year (applications received; a red figure when the report does not add up).
        var series = _entries.Where(e => e.Page is not null && e.Agency is not null && e.Year is not null)
            .GroupBy(e => CrossYear.AgencyKey(e.Agency!)).OrderBy(g => g.First().Agency, StringComparer.Ordinal).ToList();
        var seriesYears = series.SelectMany(g => g.Select(e => e.Year!.Value)).Distinct().Order().ToList();
        if (series.Count > 0)
        {
            html.Append("<h2>机关与年度 Agencies and years (").Append(series.Count).Append(")</h2>\n<p class=\"muted\">收到申请 applications received, by report year; red: the report does not add up; a link opens the report.</p>\n<table><tr><th>agency</th>");
            foreach (var year in seriesYears)
                html.Append("<th>").Append(year).Append("</th>");
            html.Append("</tr>\n");
            foreach (var agency in series)
            {
                Text(html.Append("<tr><td>"), agency.First().Agency).Append("</td>");
                foreach (var year in seriesYears)
                {
                    html.Append("<td class=\"n\">");
                    foreach (var e in agency.Where(e => e.Year == year))
                    {
                        html.Append("<a href=\"").Append(e.Page).Append("\"").Append(e.ReportErrors > 0 ? " class=\"error\"" : "").Append('>')
                            .Append(e.Totals[0] is { } received ? Number(received) : "—").Append("</a> ");
                    }

                    html.Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        // Reports whose numbers do not add up.
        var failing = _entries.Where(e => e.ReportErrors > 0).OrderByDescending(e => e.ReportErrors).ThenBy(e => e.Index).ToList();
        html.Append("<h2>数字不相符的报告 Reports whose numbers do not add up (").Append(failing.Count).Append(")</h2>\n");
        if (failing.Count == 0)
            html.Append("<p>所有读取的报告均相符。 Every report read adds up.</p>\n");
        else
        {
            html.Append("<table><tr><th>agency</th><th>year</th><th>rule errors</th><th>rules</th><th>report</th></tr>\n");
            foreach (var e in failing)
            {
                Text(html.Append("<tr><td>"), e.Agency ?? "?").Append("</td><td>").Append(e.Year?.ToString(CultureInfo.InvariantCulture) ?? "?")
                    .Append("</td><td class=\"n error\">").Append(e.ReportErrors).Append("</td><td>");
                Text(html, string.Join(" ", e.Findings.Where(f => f.Severity == "error" && f.Source == "report").Select(f => f.Rule).Distinct()));
                Link(html.Append("</td><td>"), e).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        // Every file.
        html.Append("<h2>全部文件 All files</h2>\n<table><tr><th>#</th><th>file</th><th>agency</th><th>year</th><th>template</th><th>state</th><th>errors</th><th>warnings</th>");
        foreach (var (label, _) in KeyTotals)
            Text(html.Append("<th>"), label).Append("</th>");
        html.Append("</tr>\n");
        foreach (var e in _entries)
        {
            html.Append("<tr><td class=\"n\">").Append(e.Index + 1).Append("</td><td>");
            if (e.Page is not null)
                Link(html, e);
            else
                Text(html, e.File);
            Text(html.Append("</td><td>"), e.Agency ?? "").Append("</td><td>").Append(e.Year?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td><td>");
            Text(html, e.Template ?? "").Append("</td><td>").Append(e.State).Append("</td><td class=\"n").Append(e.Errors > 0 ? " error" : "").Append("\">").Append(e.Errors)
                .Append("</td><td class=\"n\">").Append(e.Warnings).Append("</td>");
            foreach (var total in e.Totals)
                html.Append("<td class=\"n\">").Append(Number(total)).Append("</td>");
            html.Append("</tr>\n");
            if (e.Page is null)
                foreach (var f in e.Findings)
                    Text(html.Append("<tr><td></td><td colspan=\"").Append(7 + KeyTotals.Length).Append("\" class=\"muted ").Append(f.Severity).Append("\">"), f.Rule + ": " + f.Message).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        return Close(html);
    }

    private static StringBuilder Link(StringBuilder html, Entry e)
    {
        html.Append("<a href=\"").Append(e.Page).Append("\">");
        return Text(html, e.File).Append("</a>");
    }

    private static readonly string[] Colours = { "#4e79a7", "#f28e2b", "#59a14f" };

    private static void Legend(StringBuilder svg, int x, int y)
    {
        for (int k = 0; k < KeyTotals.Length; k++)
        {
            svg.Append("<rect x=\"").Append(x + k * 150).Append("\" y=\"").Append(y).Append("\" width=\"10\" height=\"10\" fill=\"").Append(Colours[k]).Append("\"/>");
            Text(svg.Append("<text x=\"").Append(x + k * 150 + 14).Append("\" y=\"").Append(y + 9).Append("\">"), KeyTotals[k].Label).Append("</text>");
        }
    }

    /// <summary>Sums of the key totals per report year, as grouped columns.</summary>
    private void YearChart(StringBuilder html)
    {
        var byYear = _entries.Where(e => e.Page is not null && e.Year is not null).GroupBy(e => e.Year!.Value).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Reports: g.Count(), Sums: Enumerable.Range(0, KeyTotals.Length).Select(k => g.Sum(e => e.Totals[k] ?? 0)).ToArray())).ToList();
        if (byYear.Count == 0)
            return;
        decimal max = Math.Max(1, byYear.Max(y => y.Sums.Max()));
        int groupWidth = 3 * 36 + 30, height = 220, top = 30, left = 50;
        int width = left + byYear.Count * groupWidth + 20;
        html.Append("<h3>各年度合计 Totals by year</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(Math.Max(width, 520)).Append("\" height=\"").Append(height + top + 40).Append("\">");
        Legend(html, left, 6);
        html.Append("<line x1=\"").Append(left).Append("\" y1=\"").Append(top + height).Append("\" x2=\"").Append(width).Append("\" y2=\"").Append(top + height).Append("\" stroke=\"#999\"/>");
        for (int g = 0; g < byYear.Count; g++)
        {
            int x0 = left + g * groupWidth + 10;
            for (int k = 0; k < KeyTotals.Length; k++)
            {
                decimal v = byYear[g].Sums[k];
                int h = (int)Math.Round(v / max * height);
                int x = x0 + k * 36;
                html.Append("<rect x=\"").Append(x).Append("\" y=\"").Append(top + height - h).Append("\" width=\"34\" height=\"").Append(h).Append("\" fill=\"").Append(Colours[k]).Append("\"><title>")
                    .Append(byYear[g].Year).Append(' ');
                Text(html, KeyTotals[k].Label).Append(": ").Append(Number(v)).Append("</title></rect>");
                html.Append("<text x=\"").Append(x + 17).Append("\" y=\"").Append(top + height - h - 3).Append("\" text-anchor=\"middle\">").Append(Number(v)).Append("</text>");
            }

            html.Append("<text x=\"").Append(x0 + 53).Append("\" y=\"").Append(top + height + 16).Append("\" text-anchor=\"middle\">").Append(byYear[g].Year)
                .Append(" (").Append(byYear[g].Reports).Append(")</text>");
        }

        html.Append("</svg>\n");
    }

    /// <summary>The key totals of each agency and year, as grouped bars: the reports with the most applications received.</summary>
    private void AgencyChart(StringBuilder html)
    {
        var rows = _entries.Where(e => e.Page is not null).OrderByDescending(e => e.Totals[0] ?? -1).ThenBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Year).Take(ChartRows).ToList();
        if (rows.Count == 0)
            return;
        decimal max = Math.Max(1, rows.Max(e => e.Totals.Max(t => t ?? 0)));
        int labelWidth = 260, barArea = 560, rowHeight = 3 * 7 + 8, top = 26;
        html.Append("<h3>各机关各年度 By agency and year").Append(rows.Count < _entries.Count(e => e.Page is not null) ? $" (the {rows.Count} with the most applications received; every report in the table below)" : "").Append("</h3>\n");
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(labelWidth + barArea + 80).Append("\" height=\"").Append(top + rows.Count * rowHeight + 10).Append("\">");
        Legend(html, labelWidth, 4);
        for (int r = 0; r < rows.Count; r++)
        {
            var e = rows[r];
            int y = top + r * rowHeight;
            string label = (e.Agency ?? Path.GetFileName(e.File)) + " " + (e.Year?.ToString(CultureInfo.InvariantCulture) ?? "?");
            if (label.Length > 24)
                label = label[..22] + "…";
            Text(html.Append("<a href=\"").Append(e.Page).Append("\"><text x=\"").Append(labelWidth - 6).Append("\" y=\"").Append(y + 14).Append("\" text-anchor=\"end\">"), label).Append("</text></a>");
            for (int k = 0; k < KeyTotals.Length; k++)
            {
                decimal v = e.Totals[k] ?? 0;
                int w = (int)Math.Round(v / max * barArea);
                html.Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y + k * 7).Append("\" width=\"").Append(Math.Max(w, e.Totals[k] is null ? 0 : 1)).Append("\" height=\"6\" fill=\"").Append(Colours[k]).Append("\"><title>");
                Text(html, KeyTotals[k].Label).Append(": ").Append(e.Totals[k] is null ? "—" : Number(v)).Append("</title></rect>");
            }

            html.Append("<text x=\"").Append(labelWidth + 4 + (int)Math.Round((e.Totals.Max(t => t ?? 0)) / max * barArea)).Append("\" y=\"").Append(y + 14).Append("\">")
                .Append(string.Join(" / ", e.Totals.Select(t => t is null ? "—" : Number(t)))).Append("</text>");
        }

        html.Append("</svg>\n");
    }
}

/// <summary>Text as XML/HTML character data or attribute value.</summary>
internal static class Markup
{
    /// <summary>Appends text escaped (<c>&amp; &lt; &gt; &quot;</c>), characters XML 1.0 does not allow (controls, unpaired surrogates) as U+FFFD.</summary>
    public static void Escape(StringBuilder xml, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                case '"': xml.Append("&quot;"); break;
                case '\t' or '\n' or '\r': xml.Append(c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        xml.Append(c).Append(text[++i]);
                    else if (c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                        xml.Append('\uFFFD');
                    else
                        xml.Append(c);
                    break;
            }
        }
    }
}
