using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace GovInfoReports.Export;

/// <summary>
/// Writes reports of any template in the tidy long format (<see cref="TidyCsv"/>): the header row once,
/// then one row per template cell of each report — every cell, blanks included.
/// </summary>
/// <example>
/// <code>
/// using var csv = new TidyCsvWriter(File.Create("reports.csv"));
/// foreach (var (file, report) in reports)
///     csv.Write(report, file);
/// </code>
/// </example>
public sealed class TidyCsvWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly StringBuilder _line = new(256);
    private bool _headerWritten;
    private Templates.ReportTemplate? _fieldsTemplate;
    private string[]? _cellFields;

    /// <summary>Writes to a text writer (which should encode UTF-8).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open when this writer is disposed.</param>
    public TidyCsvWriter(TextWriter writer, bool leaveOpen = false)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _leaveOpen = leaveOpen;
    }

    /// <summary>Writes UTF-8 (without a byte order mark) to a stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open when this writer is disposed.</param>
    public TidyCsvWriter(Stream stream, bool leaveOpen = false)
        : this(new StreamWriter(stream ?? throw new ArgumentNullException(nameof(stream)), new UTF8Encoding(false), 65536, leaveOpen), leaveOpen: false)
    {
    }

    /// <summary>The number of data rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>
    /// Writes every cell of <paramref name="report"/> (after the header row, the first time).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="file">The source name, when there is one.</param>
    /// <param name="statuses">
    /// One status per cell of the template (in <see cref="Templates.ReportTemplate.Cells"/> order), as extraction found
    /// them; <see langword="null"/> to derive each from its value (<see cref="CellStatus.Reported"/> or <see cref="CellStatus.Blank"/>).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="statuses"/> has the wrong length, or says a cell with a value is blank or missing, or a blank cell reported.</exception>
    public void Write(IReport report, string? file = null, IReadOnlyList<CellStatus>? statuses = null)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        var template = report.Template;
        var cells = template.Cells;
        if (statuses is not null && statuses.Count != cells.Count)
            throw new ArgumentException($"Template {template.Id} has {cells.Count} cells, but {statuses.Count} statuses were given.", nameof(statuses));

        if (!_headerWritten)
        {
            _writer.Write(string.Join(",", TidyCsv.Columns));
            _writer.Write("\r\n");
            _headerWritten = true;
        }

        // The five fields that describe a cell (section, row, column and their labels) are the same in every report of
        // the template: made into CSV once per template.
        if (!ReferenceEquals(template, _fieldsTemplate))
        {
            _fieldsTemplate = template;
            _cellFields = CellFields(template);
        }

        var cellFields = _cellFields!;

        // The first four fields are the same for every row of the report.
        _line.Clear();
        TidyCsv.AppendReportFields(_line, file, report);
        int prefix = _line.Length;

        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var value = report.GetCell(i);
            var status = statuses?[i] ?? (value.IsBlank ? CellStatus.Blank : CellStatus.Reported);
            if ((status == CellStatus.Reported) == value.IsBlank)
                throw new ArgumentException($"Cell {cell.Path} is {(value.IsBlank ? "blank" : "not blank")}, but its status is {status.ToText()}.", nameof(statuses));

            _line.Length = prefix;
            _line.Append(cellFields[i]);
            TidyCsv.AppendField(_line, TidyCsv.ValueText(value));
            _line.Append(',');
            TidyCsv.AppendField(_line, TidyCsv.UnitOf(cell, value));
            _line.Append(',');
            _line.Append(status.ToText());
            _line.Append("\r\n");
            _writer.Write(_line);
            RowsWritten++;
        }
    }

    private static string[] CellFields(Templates.ReportTemplate template)
    {
        var fields = new string[template.Cells.Count];
        var line = new StringBuilder(256);
        for (int i = 0; i < fields.Length; i++)
        {
            var cell = template.Cells[i];
            line.Clear();
            TidyCsv.AppendField(line, cell.Section.Id);
            line.Append(',');
            TidyCsv.AppendField(line, cell.RowPath);
            line.Append(',');
            TidyCsv.AppendField(line, cell.Column.Id);
            line.Append(',');
            TidyCsv.AppendField(line, cell.Row.FullLabel);
            line.Append(',');
            TidyCsv.AppendField(line, cell.Column.Label);
            line.Append(',');
            fields[i] = line.ToString();
        }

        return fields;
    }

    /// <summary>Writes the header row when no report was written (an empty export is still a valid CSV file).</summary>
    public void Flush()
    {
        if (!_headerWritten)
        {
            _writer.Write(string.Join(",", TidyCsv.Columns));
            _writer.Write("\r\n");
            _headerWritten = true;
        }

        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (!_leaveOpen)
            _writer.Dispose();
    }
}
