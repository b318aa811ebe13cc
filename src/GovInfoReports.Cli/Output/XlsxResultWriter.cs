using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Cli.Batch;
using GovInfoReports.Export;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// <c>export --format xlsx</c>: a workbook with the sheets <c>long</c> (the tidy table, a row per cell; continued on
/// <c>long (2)</c> … past Excel's 1,048,576 rows), <c>wide</c> (a row per report, a column per cell path, the paths and
/// the labels in two header rows), <c>findings</c> (a row per finding) and, with <c>--tables</c>, <c>tables</c> (each
/// report's official tables as the renderer lays them out, merged cells and all). Numbers are numbers, blank and missing
/// cells empty, units in their own column, the header rows bold, frozen and filtered.
/// </summary>
internal sealed class XlsxResultWriter : ResultWriter
{
    public const string LongSheet = "long", WideSheet = "wide", FindingsSheet = "findings", TablesSheet = "tables";

    private readonly Stream _output;
    private readonly bool _tables;
    private readonly List<(string Path, string Label, bool Amount)> _columns = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private XlsxWorkbook? _workbook;
    private XlsxSheet? _long;
    private XlsxSheet? _wide, _findings, _tableSheet;
    private FileStream? _wideFile, _findingsFile, _tablesFile;

    private readonly int _rowsPerSheet;

    public XlsxResultWriter(Stream output, IReadOnlyList<ReportTemplate> templates, bool tables, int rowsPerSheet = XlsxWorkbook.MaxRows)
        : base(TextWriter.Null)
    {
        _rowsPerSheet = rowsPerSheet;
        _output = output;
        _tables = tables;
        foreach (var template in templates)
            foreach (var cell in template.Cells)
                if (_index.TryAdd(cell.Path, _columns.Count))
                    _columns.Add((cell.Path, cell.Row.FullLabel + " / " + cell.Column.Label, cell.Kind == ValueKind.Amount));
    }

    public override void Begin()
    {
        _workbook = new XlsxWorkbook(_output);
        _long = BeginLong();
        _wideFile = Temporary();
        _wide = _workbook.SheetOn(_wideFile).Header(2, filter: true).Widths(40, 8, 6, 24, 10);
        _wide.NewRow();
        foreach (var name in WideCsvResultWriter.Leading)
            _wide.Text(name, XlsxSheet.Bold);
        foreach (var (path, _, amount) in _columns)
        {
            _wide.Text(path, XlsxSheet.Bold);
            if (amount)
                _wide.Text(path + ".unit", XlsxSheet.Bold);
        }

        _wide.NewRow();
        _wide.Skip(WideCsvResultWriter.Leading.Count);
        foreach (var (_, label, amount) in _columns)
        {
            _wide.Text(label, XlsxSheet.Bold);
            if (amount)
                _wide.Text("单位 unit", XlsxSheet.Bold);
        }

        _findingsFile = Temporary();
        _findings = _workbook.SheetOn(_findingsFile).Header(1, filter: true).Widths(40, 8, 9, 10, 80, 40, 10);
        _findings.NewRow();
        foreach (var name in FindingsCsvResultWriter.Columns)
            _findings.Text(name, XlsxSheet.Bold);

        if (_tables)
        {
            _tablesFile = Temporary();
            _tableSheet = _workbook.SheetOn(_tablesFile).Widths(22, 22, 30, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12);
        }
    }

    private XlsxSheet BeginLong()
    {
        var sheet = _workbook!.BeginSheet(LongSheet).Header(1, filter: true).Widths(40, 8, 6, 24, 18, 36, 14, 40, 20, 10, 6, 9);
        sheet.NewRow();
        foreach (var name in TidyCsv.Columns)
            sheet.Text(name, XlsxSheet.Bold);
        return sheet;
    }

    private static FileStream Temporary() =>
        new(Path.Combine(Path.GetTempPath(), "govinfo-" + Guid.NewGuid().ToString("N") + ".xml"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public override void Write(FileResult result)
    {
        if (result.Report is { } report)
        {
            WriteLong(result, report);
            WriteWide(result, report);
            if (_tableSheet is not null)
                WriteTables(result, report);
        }

        foreach (var finding in result.Findings)
        {
            _findings!.NewRow();
            _findings.Text(result.File);
            _findings.Text(finding.Rule);
            _findings.Text(finding.SeverityText);
            _findings.Text(finding.SourceText);
            _findings.Text(finding.Message);
            _findings.Text(string.Join(" ", finding.Cells));
            _findings.Text(FindingsCsvResultWriter.Position(finding));
        }

        result.Report = null;
        result.Statuses = null;
    }

    private void WriteLong(FileResult result, IReport report)
    {
        var template = report.Template;
        for (int i = 0; i < template.Cells.Count; i++)
        {
            if (_long!.Rows == _rowsPerSheet)
            {
                _long.Dispose();
                _long = BeginLong();
            }

            var cell = template.Cells[i];
            var value = report.GetCell(i);
            var status = result.Statuses?[i] ?? (value.IsBlank ? CellStatus.Blank : CellStatus.Reported);
            _long.NewRow();
            _long.Text(result.File);
            _long.Text(template.Id);
            _long.Number(report.Year);
            _long.Text(report.Agency);
            _long.Text(cell.Section.Id);
            _long.Text(cell.RowPath);
            _long.Text(cell.Column.Id);
            _long.Text(cell.Row.FullLabel);
            _long.Text(cell.Column.Label);
            _long.Number(value.Number);
            _long.Text(TidyCsv.UnitOf(cell, value));
            _long.Text(status.ToText());
        }
    }

    private void WriteWide(FileResult result, IReport report)
    {
        var template = report.Template;
        var values = new CellValue?[_columns.Count];
        var cells = new CellDescriptor?[_columns.Count];
        foreach (var cell in template.Cells)
        {
            int column = _index[cell.Path];
            values[column] = report.GetCell(cell.Index);
            cells[column] = cell;
        }

        _wide!.NewRow();
        _wide.Text(result.File);
        _wide.Text(template.Id);
        _wide.Number(report.Year);
        _wide.Text(report.Agency);
        _wide.Text(result.Complete ? "complete" : result.BlankForm ? "blank-form" : "partial");
        for (int c = 0; c < _columns.Count; c++)
        {
            var value = values[c];
            _wide.Number(value?.Number);
            if (_columns[c].Amount)
                _wide.Text(value is { IsBlank: false } v ? TidyCsv.UnitOf(cells[c]!, v) : null);
        }
    }

    private void WriteTables(FileResult result, IReport report)
    {
        var sheet = _tableSheet!;
        if (sheet.Rows > 0)
        {
            sheet.NewRow();
            sheet.NewRow();
        }

        sheet.NewRow();
        sheet.Text((report.Agency ?? "") + (report.Year is { } year ? year + "年" : "") + "政府信息公开工作年度报告", XlsxSheet.Bold);
        sheet.NewRow();
        sheet.Text(result.File);
        foreach (var section in report.Template.Sections)
        {
            if (section.Tables.Count == 0)
                continue;
            sheet.NewRow();
            sheet.NewRow();
            sheet.Text(section.FullHeading, XlsxSheet.Bold);
            foreach (var table in section.Tables)
            {
                if (!section.IsSingleTable && table.Caption is not null)
                {
                    sheet.NewRow();
                    sheet.Text(table.Caption, XlsxSheet.Bold);
                }

                var grid = OfficialTable.For(table);
                var byRow = grid.Cells.ToLookup(c => c.Row);
                var covered = new bool[grid.RowCount, grid.ColumnCount];
                for (int r = 0; r < grid.RowCount; r++)
                {
                    sheet.NewRow();
                    int sheetRow = sheet.Rows;
                    var row = byRow[r].OrderBy(c => c.Column).ToList();
                    int column = 0;
                    foreach (var cell in row)
                    {
                        for (; column < cell.Column; column++)
                        {
                            if (covered[r, column])
                                sheet.Styled(XlsxSheet.TableHeader);
                            else
                                sheet.Skip();
                        }

                        if (cell.Kind == OfficialCellKind.Value && cell.Cell is { } descriptor)
                        {
                            var value = report.GetCell(descriptor.Index);
                            sheet.Number(value.Number, XlsxSheet.TableValue);
                        }
                        else
                            sheet.Text(cell.Text, XlsxSheet.TableHeader);

                        sheet.Merge(sheetRow, cell.Column, cell.RowSpan, cell.ColumnSpan);
                        for (int dr = 0; dr < cell.RowSpan; dr++)
                            for (int dc = 0; dc < cell.ColumnSpan; dc++)
                                if (dr > 0 || dc > 0)
                                    covered[r + dr, cell.Column + dc] = true;
                        column = cell.Column + 1;
                    }

                    for (; column < grid.ColumnCount; column++)
                    {
                        if (covered[r, column])
                            sheet.Styled(XlsxSheet.TableHeader);
                        else
                            sheet.Skip();
                    }
                }
            }
        }

    }

    public override void End()
    {
        _long!.Dispose();
        _wide!.Dispose();
        _workbook!.AddSheet(WideSheet, _wideFile!);
        _findings!.Dispose();
        _workbook.AddSheet(FindingsSheet, _findingsFile!);
        if (_tableSheet is not null)
        {
            _tableSheet.Dispose();
            _workbook.AddSheet(TablesSheet, _tablesFile!);
        }

        _workbook.Dispose();
        _wideFile!.Dispose();
        _findingsFile!.Dispose();
        _tablesFile?.Dispose();
        _output.Flush();
    }
}
