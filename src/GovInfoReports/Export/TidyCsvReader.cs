using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Export;

/// <summary>One report read back from the tidy long format.</summary>
/// <param name="File">The <c>file</c> column; <see langword="null"/> when empty.</param>
/// <param name="Report">The typed report (e.g. a <c>Report2021</c>).</param>
/// <param name="Statuses">One status per template cell; cells with no row in the CSV are <see cref="CellStatus.Missing"/>.</param>
public sealed record TidyCsvReport(string? File, IReport Report, IReadOnlyList<CellStatus> Statuses);

/// <summary>
/// Reads the tidy long format (<see cref="TidyCsv"/>) back into typed reports, through the template
/// registry (so templates added by user projects read too). Strict: a wrong header, a row with the
/// wrong number of fields, an unknown template or cell, a value that does not fit its cell, a unit that
/// does not belong to it or a status that contradicts the value is a <see cref="FormatException"/>
/// naming the line. Labels are not checked (they describe; the ids decide).
/// </summary>
public static class TidyCsvReader
{
    /// <summary>Reads every report of a tidy CSV document.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>
    /// The reports, in order. Consecutive rows with the same <c>file, template, year, agency</c> form one report;
    /// a cell seen a second time starts the next report.
    /// </returns>
    /// <exception cref="FormatException">The text is not a valid tidy CSV document; the message names the line.</exception>
    public static IEnumerable<TidyCsvReport> Read(TextReader reader)
    {
        if (reader is null)
            throw new ArgumentNullException(nameof(reader));
        return ReadCore(reader);
    }

    /// <summary>Reads every report of a tidy CSV string.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <returns>The reports, in order.</returns>
    /// <exception cref="FormatException">The text is not a valid tidy CSV document; the message names the line.</exception>
    public static IReadOnlyList<TidyCsvReport> Read(string csv) =>
        new List<TidyCsvReport>(Read(new StringReader(csv ?? throw new ArgumentNullException(nameof(csv)))));

    private static IEnumerable<TidyCsvReport> ReadCore(TextReader reader)
    {
        var records = new RecordReader(reader);
        var fields = new List<string>(TidyCsv.Columns.Count);
        if (!records.Next(fields))
            throw Error(1, "the document is empty; expected the header row " + string.Join(",", TidyCsv.Columns));
        if (!SameAs(fields, TidyCsv.Columns))
            throw Error(records.Line, "the header row is \"" + string.Join(",", fields) + "\"; expected \"" + string.Join(",", TidyCsv.Columns) + "\"");

        Pending? current = null;
        while (records.Next(fields))
        {
            int line = records.Line;
            if (fields.Count != TidyCsv.Columns.Count)
                throw Error(line, $"{fields.Count} fields; every row has {TidyCsv.Columns.Count}");

            string? file = Empty(fields[0]);
            string templateId = fields[1];
            int? year = ParseYear(fields[2], line);
            string? agency = Empty(fields[3]);
            var template = TemplateRegistry.Find(templateId)
                ?? throw Error(line, $"unknown template \"{templateId}\"");
            string path = fields[4] + "." + fields[5] + "." + fields[6];
            var cell = template.FindCell(path)
                ?? throw Error(line, $"template {template.Id} has no cell {path}");

            if (current is not null && !current.Accepts(file, template, year, agency, cell.Index))
            {
                yield return current.Build();
                current = null;
            }

            current ??= new Pending(file, template, year, agency, line);
            current.Set(cell, ParseCell(cell, fields[9], fields[10], fields[11], line), line);
        }

        if (current is not null)
            yield return current.Build();
    }

    private static (CellValue Value, CellStatus Status) ParseCell(CellDescriptor cell, string valueText, string unitText, string statusText, int line)
    {
        if (!CellStatuses.TryParse(statusText, out var status))
            throw Error(line, $"status \"{statusText}\" is not reported, blank or missing");
        if (valueText.Length == 0)
        {
            if (status == CellStatus.Reported)
                throw Error(line, $"cell {cell.Path} is reported but has no value");
            return (CellValue.Blank, status);
        }

        if (status != CellStatus.Reported)
            throw Error(line, $"cell {cell.Path} has the value {valueText} but the status {statusText}");
        if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            throw Error(line, $"\"{valueText}\" is not a number (invariant culture, e.g. 12 or 67.74)");

        var column = cell.Column;
        if (column.Kind != ValueKind.Amount)
        {
            if (unitText.Length != 0 && !string.Equals(unitText, column.Unit, StringComparison.Ordinal))
                throw Error(line, $"cell {cell.Path} counts in {column.Unit}, not \"{unitText}\"");
            if (decimal.Truncate(number) != number || number < int.MinValue || number > int.MaxValue)
                throw Error(line, $"{valueText} is not a whole number within the range of a count");
            if (column.Kind == ValueKind.Count && number < 0)
                throw Error(line, $"{valueText} is negative, but cell {cell.Path} is a count ≥ 0");
            return (CellValue.FromDecimal(number), status);
        }

        if (number < 0)
            throw Error(line, $"{valueText} is negative, but amounts are ≥ 0");
        AmountUnit unit = AmountUnit.Unknown;
        if (unitText.Length != 0 && !AmountUnits.TryParse(unitText, out unit))
            throw Error(line, $"\"{unitText}\" is not a money unit (元 or 万元)");
        if (column.HasReportedUnit)
            return (CellValue.FromAmount(number, unit), status);
        // A fixed-unit column: a value in the other unit converts exactly; a bare value is in the column's unit.
        return (CellValue.FromDecimal(unit == AmountUnit.Unknown ? number : new Amount(number, unit).ConvertTo(column.AmountUnit), column.AmountUnit), status);
    }

    private static int? ParseYear(string text, int line)
    {
        if (text.Length == 0)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 9999)
            return year;
        throw Error(line, $"\"{text}\" is not a report year");
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static bool SameAs(List<string> fields, IReadOnlyList<string> expected)
    {
        if (fields.Count != expected.Count)
            return false;
        for (int i = 0; i < fields.Count; i++)
        {
            // Tolerate the byte order mark some tools put before the first field.
            var field = i == 0 ? fields[i].TrimStart('\uFEFF') : fields[i];
            if (!string.Equals(field, expected[i], StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    private static FormatException Error(int line, string reason) =>
        new($"Tidy CSV, line {line.ToString(CultureInfo.InvariantCulture)}: {reason}. 第 {line.ToString(CultureInfo.InvariantCulture)} 行格式错误。");

    /// <summary>The cells of one report as they are read.</summary>
    private sealed class Pending
    {
        private readonly CellValue[] _values;
        private readonly CellStatus[] _statuses;
        private readonly bool[] _seen;

        public Pending(string? file, ReportTemplate template, int? year, string? agency, int line)
        {
            File = file;
            Template = template;
            Year = year;
            Agency = agency;
            FirstLine = line;
            _values = new CellValue[template.Cells.Count];
            _statuses = new CellStatus[template.Cells.Count];
            _seen = new bool[template.Cells.Count];
            for (int i = 0; i < _statuses.Length; i++)
                _statuses[i] = CellStatus.Missing;
        }

        public string? File { get; }

        public ReportTemplate Template { get; }

        public int? Year { get; }

        public string? Agency { get; }

        public int FirstLine { get; }

        public bool Accepts(string? file, ReportTemplate template, int? year, string? agency, int index) =>
            string.Equals(file, File, StringComparison.Ordinal)
            && ReferenceEquals(template, Template)
            && year == Year
            && string.Equals(agency, Agency, StringComparison.Ordinal)
            && !_seen[index];

        public void Set(CellDescriptor cell, (CellValue Value, CellStatus Status) read, int line)
        {
            _seen[cell.Index] = true;
            _values[cell.Index] = read.Value;
            _statuses[cell.Index] = read.Status;
        }

        public TidyCsvReport Build()
        {
            try
            {
                return new TidyCsvReport(File, Template.CreateReport(_values, Year, Agency), _statuses);
            }
            catch (InvalidOperationException ex)
            {
                throw Error(FirstLine, "the report starting here does not fit template " + Template.Id + ": " + ex.Message);
            }
        }
    }

    /// <summary>Splits RFC 4180 text into records (quoted fields may hold commas, quotes and line breaks).</summary>
    private sealed class RecordReader
    {
        private readonly TextReader _reader;
        private readonly StringBuilder _field = new();
        private int _nextLine = 1;

        public RecordReader(TextReader reader) => _reader = reader;

        /// <summary>The line on which the last record read starts.</summary>
        public int Line { get; private set; }

        public bool Next(List<string> fields)
        {
            fields.Clear();
            Line = _nextLine;
            int c = _reader.Read();
            if (c < 0)
                return false;
            _field.Clear();
            bool quoted = false, wasQuoted = false;
            while (true)
            {
                if (quoted)
                {
                    if (c < 0)
                        throw Error(Line, "a quoted field is not closed");
                    if (c == '"')
                    {
                        if (_reader.Peek() == '"')
                        {
                            _reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                            _nextLine++;
                        _field.Append((char)c);
                    }
                }
                else if (c == '"')
                {
                    if (_field.Length != 0 || wasQuoted)
                        throw Error(_nextLine, "a quote inside an unquoted field (quote the field and double the quote)");
                    quoted = wasQuoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                }
                else if (c == '\r' || c == '\n' || c < 0)
                {
                    if (c == '\r' && _reader.Peek() == '\n')
                        _reader.Read();
                    if (c >= 0)
                        _nextLine++;
                    fields.Add(_field.ToString());
                    return true;
                }
                else
                {
                    if (wasQuoted)
                        throw Error(_nextLine, "text after the closing quote of a field");
                    _field.Append((char)c);
                }

                c = _reader.Read();
            }
        }
    }
}
