using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Export;

/// <summary>
/// The tidy long format: one CSV row per template cell, the shape analysts load into pandas or a
/// database. Written and read from the template descriptor alone, so every template — packaged or
/// added by a user project — exports with no template-specific code.
/// </summary>
/// <remarks>
/// <para>Columns, in this order (<see cref="Columns"/>): <c>file, template, year, agency, section, row, column,
/// rowLabel, columnLabel, value, unit, status</c>. <c>section</c>, <c>row</c> and <c>column</c> are id paths
/// (<see cref="CellDescriptor.RowPath"/>); <c>rowLabel</c> and <c>columnLabel</c> the official leaf labels
/// (<c>1.属于国家秘密</c>, <c>自然人</c>); <c>value</c> is invariant-culture (decimal digits kept), empty for a blank
/// cell; <c>unit</c> is the unit of that value (<c>件</c>, <c>项</c>, <c>元</c>, <c>万元</c>; empty for a money
/// value whose report gave no unit); <c>status</c> is <c>reported</c>, <c>blank</c> or <c>missing</c>.</para>
/// <para>The text is RFC 4180: a header row first, CRLF line ends, fields quoted when they hold a comma, a quote or a
/// line break. Write it as UTF-8 (see <see cref="TidyCsvWriter"/>).</para>
/// </remarks>
public static class TidyCsv
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = new[]
    {
        "file", "template", "year", "agency", "section", "row", "column", "rowLabel", "columnLabel", "value", "unit", "status",
    };

    /// <summary>Writes one report (header included) to a string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="file">The source name, when there is one.</param>
    /// <param name="statuses">One status per cell of the template, as extraction found them; <see langword="null"/> to derive them from the values (blank or reported).</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(IReport report, string? file = null, IReadOnlyList<CellStatus>? statuses = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new TidyCsvWriter(text, leaveOpen: true))
            csv.Write(report, file, statuses);
        return text.ToString();
    }

    /// <summary>The <c>unit</c> column for a cell and its value.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="value">Its value.</param>
    public static string UnitOf(CellDescriptor cell, CellValue value)
    {
        if (cell is null)
            throw new ArgumentNullException(nameof(cell));
        return cell.Column.HasReportedUnit ? value.Unit.ToSymbol() : cell.Column.Unit ?? "";
    }

    /// <summary>The <c>value</c> column for a value: invariant digits (decimal digits kept), empty when blank.</summary>
    /// <param name="value">The value.</param>
    public static string ValueText(CellValue value) =>
        value.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Appends the four fields that identify a report — file, template, year, agency — each followed by a comma.</summary>
    /// <param name="line">The line being built.</param>
    /// <param name="file">The source name, when there is one.</param>
    /// <param name="report">The report.</param>
    public static void AppendReportFields(StringBuilder line, string? file, IReport report)
    {
        if (line is null)
            throw new ArgumentNullException(nameof(line));
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        AppendField(line, file);
        line.Append(',');
        AppendField(line, report.Template.Id);
        line.Append(',');
        if (report.Year is { } year)
            line.Append(year.ToString(CultureInfo.InvariantCulture));
        line.Append(',');
        AppendField(line, report.Agency);
        line.Append(',');
    }

    /// <summary>Appends one CSV field: as it is, or quoted (quotes doubled) when it holds a comma, quote or line break (RFC 4180).</summary>
    /// <param name="line">The line being built.</param>
    /// <param name="field">The field; nothing is appended for <see langword="null"/> or empty.</param>
    public static void AppendField(StringBuilder line, string? field)
    {
        if (field is null || field.Length == 0)
            return;
        if (field.IndexOfAny(MustQuote) < 0)
        {
            line.Append(field);
            return;
        }

        line.Append('"');
        foreach (char c in field)
        {
            if (c == '"')
                line.Append('"');
            line.Append(c);
        }

        line.Append('"');
    }

    private static readonly char[] MustQuote = { ',', '"', '\r', '\n' };
}
