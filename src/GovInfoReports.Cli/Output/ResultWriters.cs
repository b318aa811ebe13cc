using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoReports.Cli.Batch;
using GovInfoReports.Export;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Output;

/// <summary>Writes a run's results in one format, one file at a time, in input order.</summary>
internal abstract class ResultWriter
{
    protected ResultWriter(TextWriter writer) => Writer = writer;

    protected TextWriter Writer { get; }

    public virtual void Begin()
    {
    }

    public abstract void Write(FileResult result);

    public virtual void End()
    {
    }

    /// <summary>JSON as people read it: Chinese as characters, not \u escapes (the output is never embedded in HTML).</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A PDF position as every output gives it: <c>"page"</c> (from 1) and <c>"box"</c>, [left, top, right, bottom] in points from the page's top left.</summary>
    public static void WritePageBox(Utf8JsonWriter json, GovInfoReports.Documents.PageBox box)
    {
        json.WriteNumber("page", box.Page);
        json.WriteStartArray("box");
        json.WriteNumberValue(Math.Round(box.Left, 1));
        json.WriteNumberValue(Math.Round(box.Top, 1));
        json.WriteNumberValue(Math.Round(box.Right, 1));
        json.WriteNumberValue(Math.Round(box.Bottom, 1));
        json.WriteEndArray();
    }

    public static string Json(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions with { Indented = indented }))
            write(json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The per-file object of <c>validate --format json|jsonl</c>.</summary>
    public static void WriteFileObject(Utf8JsonWriter json, FileResult result)
    {
        json.WriteStartObject();
        json.WriteString("file", result.File);
        json.WriteString("template", result.Template);
        if (result.Year is { } year)
            json.WriteNumber("year", year);
        else
            json.WriteNull("year");
        json.WriteString("agency", result.Agency);
        json.WriteBoolean("complete", result.Complete);
        json.WriteString("encoding", result.Encoding);
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", finding.SeverityText);
            json.WriteString("source", finding.SourceText);
            json.WriteString("message", finding.Message);
            json.WriteStartArray("cells");
            foreach (var cell in finding.Cells)
                json.WriteStringValue(cell);
            json.WriteEndArray();
            if (finding.Box is { } box)
            {
                // A PDF: the page (from 1) and the cell's box in points from the page's top left, [left, top, right, bottom].
                ResultWriter.WritePageBox(json, box);
            }
            else if (finding.Position is { } position)
            {
                json.WriteNumber("line", position.Line);
                json.WriteNumber("column", position.Column);
            }

            json.WriteString("fingerprint", finding.Fingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary><c>validate</c> as text: a line per file, a line per finding.</summary>
internal sealed class TextResultWriter : ResultWriter
{
    private readonly MessageLanguage _language;

    public TextResultWriter(TextWriter writer, MessageLanguage language)
        : base(writer) => _language = language;

    public override void Write(FileResult result)
    {
        var line = new StringBuilder(result.File).Append(": ");
        if (result.Unsupported)
        {
            line.Append(Text.Of(_language, "格式不支持，未读取", "format not read"));
        }
        else if (result.Template is null)
        {
            line.Append(Text.Of(_language, "未识别出报告", "no report recognised"));
        }
        else
        {
            line.Append(Text.Of(_language, $"{result.Template} 格式", $"{result.Template} format"));
            line.Append(", ").Append(result.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");
            line.Append(", ").Append(result.Agency ?? "?");
            line.Append(", ").Append(result.Complete ? Text.Of(_language, "完整", "complete")
                : result.BlankForm ? Text.Of(_language, "空白表格（没有数值）", "blank form (no values)")
                : Text.Of(_language, $"不完整（{result.TotalCells} 个单元格缺 {result.MissingCells} 个）", $"partial ({result.MissingCells} of {result.TotalCells} cells missing)"));
        }

        Writer.WriteLine(Visible(line.ToString()));
        foreach (var finding in result.Findings)
        {
            // A PDF's finding stands on a page (the synthetic text's line would mean nothing to a reader); a text's at line:column.
            string where = finding.Box is { } box ? Text.Of(_language, $" 第 {box.Page} 页", $" page {box.Page}")
                : finding.Position is { } p ? $" {p.Line}:{p.Column}" : "";
            Writer.WriteLine(Visible($"  {finding.SeverityText} {finding.Rule} [{finding.SourceText}]{where}: {finding.Message} ({finding.Fingerprint})"));
        }
    }

    /// <summary>
    /// A line of text output as one line whatever the file names and reports hold: line breaks, control characters and
    /// unpaired surrogates are shown as escapes (<c>\n</c>, <c>\u001B</c>), so a file name cannot add lines to a run's results.
    /// </summary>
    public static string Visible(string line)
    {
        StringBuilder? visible = null;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            bool paired = char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
            bool shown = !(char.IsControl(c) || c is '\u2028' or '\u2029' || (char.IsSurrogate(c) && !paired && !(i > 0 && char.IsLowSurrogate(c) && char.IsHighSurrogate(line[i - 1]))));
            if (shown && visible is null)
                continue;
            visible ??= new StringBuilder(line, 0, i, line.Length + 16);
            if (shown)
                visible.Append(c);
            else
                visible.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) });
        }

        return visible?.ToString() ?? line;
    }
}

/// <summary><c>validate --format json</c>: one JSON array, an object per file.</summary>
internal sealed class JsonArrayResultWriter : ResultWriter
{
    private bool _first = true;

    public JsonArrayResultWriter(TextWriter writer)
        : base(writer)
    {
    }

    public override void Begin() => Writer.Write('[');

    public override void Write(FileResult result)
    {
        Writer.Write(_first ? "\n" : ",\n");
        _first = false;
        Writer.Write(Json(json => WriteFileObject(json, result)));
    }

    public override void End() => Writer.Write(_first ? "]\n" : "\n]\n");
}

/// <summary><c>validate --format jsonl</c>: a JSON object per line, per file.</summary>
internal sealed class JsonLinesResultWriter : ResultWriter
{
    public JsonLinesResultWriter(TextWriter writer)
        : base(writer)
    {
    }

    public override void Write(FileResult result)
    {
        Writer.Write(Json(json => WriteFileObject(json, result)));
        Writer.Write('\n');
    }
}

/// <summary>
/// <c>extract</c>: the report document itself for one file (as <c>ReportJson</c> writes it, readable back), or a
/// JSON line per file — <c>{"file", "template", "year", "agency", "complete", "report"}</c>, and with <c>--sources</c>
/// <c>"sources"</c>, where each cell was read — for many.
/// </summary>
internal sealed class ExtractResultWriter : ResultWriter
{
    private readonly bool _lines;

    public ExtractResultWriter(TextWriter writer, bool lines)
        : base(writer) => _lines = lines;

    public override void Write(FileResult result)
    {
        if (!_lines)
        {
            if (result.Json is not null)
                Writer.WriteLine(result.Json);
            return;
        }

        Writer.Write(Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("file", result.File);
            json.WriteString("template", result.Template);
            if (result.Year is { } year)
                json.WriteNumber("year", year);
            else
                json.WriteNull("year");
            json.WriteString("agency", result.Agency);
            json.WriteBoolean("complete", result.Complete);
            json.WritePropertyName("report");
            if (result.Json is null)
                json.WriteNullValue();
            else
                json.WriteRawValue(result.Json);
            if (result.Sources is not null)
            {
                json.WritePropertyName("sources");
                json.WriteRawValue(result.Sources);
            }

            json.WriteEndObject();
        }));
        Writer.Write('\n');
    }
}

/// <summary><c>export --format csv</c>: the tidy long format, a row per cell of every report.</summary>
internal sealed class CsvResultWriter : ResultWriter
{
    private readonly TidyCsvWriter _csv;
    private readonly bool _bom;

    public CsvResultWriter(TextWriter writer, bool bom)
        : base(writer)
    {
        _csv = new TidyCsvWriter(writer, leaveOpen: true);
        _bom = bom;
    }

    public override void Begin()
    {
        if (_bom)
            Writer.Write('\uFEFF');
    }

    public override void Write(FileResult result)
    {
        if (result.Report is { } report)
            _csv.Write(report, result.File, result.Statuses);
        result.Report = null;
        result.Statuses = null;
    }

    public override void End()
    {
        if (_csv.RowsWritten == 0)
            Writer.Write(string.Join(",", TidyCsv.Columns) + "\r\n");
        _csv.Flush();
    }
}

/// <summary>
/// <c>export --format wide-csv</c>: one row per report read (file, template, year, agency, state), one column per cell
/// path of every template the run knows (their union, in template order); an amount's unit in a column of its own
/// (<c>path.unit</c>). A blank or missing cell is an empty field (the long format and the findings say which).
/// </summary>
internal sealed class WideCsvResultWriter : ResultWriter
{
    private readonly bool _bom;
    private readonly List<(string Path, bool Amount)> _columns = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly StringBuilder _line = new(4096);

    public WideCsvResultWriter(TextWriter writer, IReadOnlyList<ReportTemplate> templates, bool bom)
        : base(writer)
    {
        _bom = bom;
        foreach (var template in templates)
            foreach (var cell in template.Cells)
                if (_index.TryAdd(cell.Path, _columns.Count))
                    _columns.Add((cell.Path, cell.Kind == ValueKind.Amount));
    }

    public static IReadOnlyList<string> Leading { get; } = new[] { "file", "template", "year", "agency", "state" };

    public override void Begin()
    {
        if (_bom)
            Writer.Write('\uFEFF');
        _line.Clear();
        _line.Append(string.Join(",", Leading));
        foreach (var (path, amount) in _columns)
        {
            _line.Append(',').Append(path);
            if (amount)
                _line.Append(',').Append(path).Append(".unit");
        }

        Writer.Write(_line.Append("\r\n"));
    }

    public override void Write(FileResult result)
    {
        if (result.Report is not { } report)
            return;
        var fields = new string?[_columns.Count * 2];
        var template = report.Template;
        foreach (var cell in template.Cells)
        {
            var value = report.GetCell(cell.Index);
            if (value.IsBlank)
                continue;
            int column = _index[cell.Path];
            fields[2 * column] = TidyCsv.ValueText(value);
            fields[2 * column + 1] = TidyCsv.UnitOf(cell, value);
        }

        _line.Clear();
        TidyCsv.AppendReportFields(_line, result.File, report);
        _line.Append(result.Complete ? "complete" : result.BlankForm ? "blank-form" : "partial");
        for (int c = 0; c < _columns.Count; c++)
        {
            _line.Append(',');
            TidyCsv.AppendField(_line, fields[2 * c]);
            if (_columns[c].Amount)
            {
                _line.Append(',');
                TidyCsv.AppendField(_line, fields[2 * c + 1]);
            }
        }

        Writer.Write(_line.Append("\r\n"));
        result.Report = null;
        result.Statuses = null;
    }
}

/// <summary>
/// <c>export --format findings-csv</c>: one row per finding of every file (validated as <c>validate</c> does): file,
/// rule, severity, source, message, the cells it names, and where (line:column, or a PDF's page).
/// </summary>
internal sealed class FindingsCsvResultWriter : ResultWriter
{
    public static IReadOnlyList<string> Columns { get; } = new[] { "file", "rule", "severity", "source", "message", "cells", "position" };

    private readonly bool _bom;
    private readonly StringBuilder _line = new(512);

    public FindingsCsvResultWriter(TextWriter writer, bool bom)
        : base(writer) => _bom = bom;

    public override void Begin()
    {
        if (_bom)
            Writer.Write('\uFEFF');
        Writer.Write(string.Join(",", Columns) + "\r\n");
    }

    public override void Write(FileResult result)
    {
        foreach (var finding in result.Findings)
        {
            _line.Clear();
            TidyCsv.AppendField(_line, result.File);
            _line.Append(',');
            TidyCsv.AppendField(_line, finding.Rule);
            _line.Append(',').Append(finding.SeverityText).Append(',').Append(finding.SourceText).Append(',');
            TidyCsv.AppendField(_line, finding.Message);
            _line.Append(',');
            TidyCsv.AppendField(_line, string.Join(" ", finding.Cells));
            _line.Append(',');
            TidyCsv.AppendField(_line, Position(finding));
            Writer.Write(_line.Append("\r\n"));
        }

        result.Report = null;
        result.Statuses = null;
    }

    /// <summary>Where a finding stands: a PDF's page (<c>p3</c>), a text's <c>line:column</c>, or nothing.</summary>
    internal static string? Position(ToolFinding finding) =>
        finding.Box is { } box ? "p" + box.Page.ToString(CultureInfo.InvariantCulture)
        : finding.Position is { } position ? position.Line.ToString(CultureInfo.InvariantCulture) + ":" + position.Column.ToString(CultureInfo.InvariantCulture)
        : null;
}
