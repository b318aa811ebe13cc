using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Rendering;

/// <summary>The formats <see cref="ReportRenderer"/> writes.</summary>
public enum RenderFormat
{
    /// <summary>An HTML page: the official tables with their merged cells (<c>rowspan</c>/<c>colspan</c>).</summary>
    Html,

    /// <summary>A Word document: the official tables with their merged cells (<c>gridSpan</c>/<c>vMerge</c>).</summary>
    Docx,

    /// <summary>Markdown pipe tables (a merged cell's text at its top-left position, blank cells as <c>—</c>).</summary>
    Markdown,

    /// <summary>Plain text: the tables in aligned columns (blank cells as <c>—</c>).</summary>
    Text,
}

/// <summary>
/// Lays a report out as the statistical part of the official annual report — title, section headings, table captions
/// and each table as <see cref="OfficialTable"/> prints it — from the template's descriptor alone, so any template,
/// packaged or user-added, renders with no code of its own. What it renders reads back with
/// <see cref="Extraction.ReportReader"/> to the same record.
/// </summary>
public static class ReportRenderer
{
    /// <summary>The text of a blank cell in Markdown and plain text, where an empty cell would lose its position.</summary>
    public const string BlankMark = "—";

    /// <summary>Renders <paramref name="report"/> as <paramref name="format"/> into <paramref name="output"/> (UTF-8 for the text formats, without byte order mark).</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="output">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="RenderFormat"/>.</exception>
    public static void Render(IReport report, RenderFormat format, Stream output)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        if (output is null)
            throw new ArgumentNullException(nameof(output));
        byte[] bytes = format switch
        {
            RenderFormat.Html => Utf8(RenderHtml(report)),
            RenderFormat.Docx => RenderDocx(report),
            RenderFormat.Markdown => Utf8(RenderMarkdown(report)),
            RenderFormat.Text => Utf8(RenderText(report)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown render format."),
        };
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Renders <paramref name="report"/> as a standalone HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string RenderHtml(IReport report) => HtmlWriter.Write(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>Renders <paramref name="report"/> as a Word document (<c>.docx</c> bytes).</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static byte[] RenderDocx(IReport report) => DocxWriter.Write(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>Renders <paramref name="report"/> as Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string RenderMarkdown(IReport report) => PlainWriter.Write(report ?? throw new ArgumentNullException(nameof(report)), markdown: true);

    /// <summary>Renders <paramref name="report"/> as plain text with aligned columns.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string RenderText(IReport report) => PlainWriter.Write(report ?? throw new ArgumentNullException(nameof(report)), markdown: false);

    /// <summary>The report's title: agency, year and 政府信息公开工作年度报告.</summary>
    internal static string Title(IReport report) =>
        OneLine(report.Agency ?? "") + (report.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "年" : "") + "政府信息公开工作年度报告";

    /// <summary>
    /// Text from a report (an agency's name) as one printable line: line breaks, other control characters and unpaired
    /// surrogates — which would break a heading, a table row or a Word document's XML — become spaces.
    /// </summary>
    internal static string OneLine(string text)
    {
        var line = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                line.Append(c).Append(text[++i]);
            else
                line.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' ? ' ' : c);
        }

        return line.ToString();
    }

    /// <summary>
    /// A value as the report prints it: counts as integers, money with its unit word where the column leaves the unit
    /// to the report (<c>67.74万元</c>), decimal digits as stored (<c>1.50</c> stays <c>1.50</c>); blank as empty.
    /// </summary>
    internal static string FormatValue(CellValue value, CellDescriptor cell)
    {
        if (value.Number is not { } number)
            return "";
        string text = number.ToString(CultureInfo.InvariantCulture);
        if (cell.Kind == ValueKind.Amount && cell.Column.HasReportedUnit && value.Unit != AmountUnit.Unknown)
            text += value.Unit.ToSymbol();
        return text;
    }

    /// <summary>The parts of a report in reading order: the title, then per section its heading and tables (with captions).</summary>
    internal static IEnumerable<(string? Heading, string? Caption, OfficialTable? Table)> Parts(ReportTemplate template)
    {
        foreach (var section in template.Sections)
        {
            yield return (section.FullHeading, null, null);
            foreach (var table in section.Tables)
            {
                if (!section.IsSingleTable && table.Caption is not null)
                    yield return (null, table.Caption, null);
                yield return (null, null, OfficialTable.For(table));
            }
        }
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
