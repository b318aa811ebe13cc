using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary><c>export --format xlsx</c>: the workbook read back with the Open XML SDK against the CSV exports of the same files.</summary>
public class CliXlsxTests
{
    /// <summary>A sheet's rows as the SDK reads them: per row, each cell's text (shared strings resolved) and whether it is a number.</summary>
    private static List<List<(string Reference, string Text, bool IsNumber)>> Rows(WorkbookPart workbook, string sheetName)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        return part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell =>
        {
            bool shared = cell.DataType?.Value == CellValues.SharedString;
            string text = cell.CellValue?.Text ?? "";
            return (cell.CellReference!.Value!, shared ? strings[int.Parse(text, CultureInfo.InvariantCulture)] : text, !shared && cell.CellValue is not null);
        }).ToList()).ToList();
    }

    /// <summary>A row laid out by column letter: the text of each column, "" where no cell is.</summary>
    private static string[] Spread(List<(string Reference, string Text, bool IsNumber)> row, int width)
    {
        var fields = Enumerable.Repeat("", width).ToArray();
        foreach (var (reference, text, _) in row)
            fields[ColumnIndex(reference)] = text;
        return fields;
    }

    private static int ColumnIndex(string reference)
    {
        int column = 0;
        foreach (char c in reference.TakeWhile(char.IsLetter))
            column = column * 26 + (c - 'A' + 1);
        return column - 1;
    }

    [Fact]
    public void The_workbook_is_valid_Open_XML_with_the_four_sheets_and_the_values_of_the_CSV_exports()
    {
        using var folder = new Tool.Folder();
        string workbookPath = Path.Combine(folder.Path, "reports.xlsx");
        var (exit, output, error) = Tool.Run("export", Tool.Samples, "--format", "xlsx", "--tables", "-o", workbookPath);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("识别出报告 5 份", error);

        using var document = SpreadsheetDocument.Open(workbookPath, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var workbook = document.WorkbookPart!;
        Assert.Equal(new[] { "long", "wide", "findings", "tables" }, workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));

        // long: the tidy CSV, row for row and field for field; year and value are numbers, nothing else is.
        var csv = CliFormatTests.ParseCsv(Tool.Run("export", Tool.Samples).Out);
        var sheet = Rows(workbook, "long");
        Assert.Equal(csv.Count, sheet.Count);
        for (int r = 0; r < csv.Count; r++)
            Assert.Equal(csv[r], Spread(sheet[r], csv[0].Length));
        int yearColumn = Array.IndexOf(csv[0], "year"), valueColumn = Array.IndexOf(csv[0], "value");
        foreach (var row in sheet.Skip(1))
            foreach (var (reference, text, isNumber) in row)
                Assert.Equal(ColumnIndex(reference) == yearColumn || ColumnIndex(reference) == valueColumn, isNumber);
        Assert.Contains(sheet.Skip(1), row => row.Any(c => ColumnIndex(c.Reference) == valueColumn && c.Text == "258463.87"));

        // wide: the wide CSV under a second header row of labels.
        var wideCsv = CliFormatTests.ParseCsv(Tool.Run("export", Tool.Samples, "--format", "wide-csv").Out);
        var wide = Rows(workbook, "wide");
        Assert.Equal(wideCsv.Count + 1, wide.Count);
        Assert.Equal(wideCsv[0], Spread(wide[0], wideCsv[0].Length));
        Assert.Contains("一、本年新收政府信息公开申请数量 / 自然人", wide[1].Select(c => c.Text));
        for (int r = 1; r < wideCsv.Count; r++)
            Assert.Equal(wideCsv[r], Spread(wide[r + 1], wideCsv[0].Length));

        // findings: the findings CSV.
        var findingsCsv = CliFormatTests.ParseCsv(Tool.Run("export", Tool.Samples, "--format", "findings-csv").Out);
        var findings = Rows(workbook, "findings");
        Assert.True(findingsCsv.Count > 1);
        Assert.Equal(findingsCsv.Count, findings.Count);
        for (int r = 0; r < findingsCsv.Count; r++)
            Assert.Equal(findingsCsv[r], Spread(findings[r], findingsCsv[0].Length));
    }

    [Fact]
    public void The_tables_sheet_lays_out_each_report_as_printed_with_merged_cells_and_numbers()
    {
        using var folder = new Tool.Folder();
        string workbookPath = Path.Combine(folder.Path, "one.xlsx");
        Assert.Equal(0, Tool.Run("export", Tool.Sample("2020-mianyang-town"), "--format", "xlsx", "--tables", "-o", workbookPath).Exit);

        using var document = SpreadsheetDocument.Open(workbookPath, false);
        var workbook = document.WorkbookPart!;
        var rows = Rows(workbook, "tables");
        Assert.Equal("棉洋镇人民政府2020年政府信息公开工作年度报告", rows[0][0].Text);
        var texts = rows.SelectMany(r => r).Select(c => c.Text).ToList();
        Assert.Contains("三、收到和处理政府信息公开申请情况", texts);
        Assert.Contains("（三）不予公开", texts);

        // Every value cell of the 2019 template is a typed cell: 198 of them, the amount among them.
        var record = GovInfoReports.Extraction.ReportReader.Read(File.ReadAllText(Tool.Sample("2020-mianyang-town")));
        int numbers = rows.SelectMany(r => r).Count(c => c.IsNumber);
        int reported = record.Statuses.Count(s => s == GovInfoReports.CellStatus.Reported);
        Assert.Equal(reported, numbers);
        Assert.Contains(rows.SelectMany(r => r), c => c.IsNumber && c.Text == "1780");

        // The official merges: 三's 本年度办理结果 spans its sub-rows, its header spans the applicant columns.
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "tables");
        var merges = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        Assert.True(merges.Count > 10, string.Join(" ", merges));
        var cells = rows.SelectMany(r => r).ToDictionary(c => c.Reference, c => c.Text);
        string results = cells.Single(c => c.Value == "三、本年度办理结果").Key;
        var resultsMerge = merges.Single(m => m.StartsWith(results + ":", StringComparison.Ordinal));
        int first = int.Parse(new string(results.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        int last = int.Parse(new string(resultsMerge.Split(':')[1].SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        Assert.True(last - first >= 15, resultsMerge);
    }

    [Fact]
    public void A_workbook_needs_a_file_and_the_sheet_of_tables_needs_a_workbook()
    {
        var (exit, _, error) = Tool.Run("export", Tool.Samples, "--format", "xlsx");
        Assert.Equal(2, exit);
        Assert.Contains("-o", error);
        (exit, _, error) = Tool.Run("export", Tool.Samples, "--tables");
        Assert.Equal(2, exit);
        Assert.Contains("--format xlsx", error);
    }

    [Fact]
    public void Text_that_XML_cannot_hold_is_replaced_and_markup_is_escaped()
    {
        using var folder = new Tool.Folder();
        // A file name is any text the file system allows: markup characters and a control character.
        string input = folder.Write("odd<&>\u0001.txt", File.ReadAllText(Tool.Sample("2021-wuyuan-hesheng-township")));
        string workbookPath = Path.Combine(folder.Path, "odd.xlsx");
        Assert.Equal(0, Tool.Run("export", input, "--format", "xlsx", "-o", workbookPath).Exit);
        using var document = SpreadsheetDocument.Open(workbookPath, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        string file = Rows(document.WorkbookPart!, "wide")[2][0].Text;
        Assert.EndsWith("odd<&>\uFFFD.txt", file, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_longer_than_a_sheet_goes_on_in_the_next_sheet_under_its_header()
    {
        using var stream = new MemoryStream();
        var writer = new GovInfoReports.Cli.Output.XlsxResultWriter(stream, GovInfoReports.Templates.TemplateRegistry.All.ToList(), tables: false, rowsPerSheet: 150);
        writer.Begin();
        foreach (var (index, name) in new[] { (0, "2019-gucheng-hui-township"), (1, "2021-wuyuan-hesheng-township") })
        {
            var read = GovInfoReports.Extraction.ReportReader.Read(File.ReadAllText(Tool.Sample(name)));
            writer.Write(new GovInfoReports.Cli.Batch.FileResult(index, name) { Report = read.Report, Statuses = read.Statuses, Complete = read.IsComplete });
        }

        writer.End();
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        int cells = GovInfoReports.Templates.TemplateRegistry.Find("2019")!.Cells.Count + GovInfoReports.Templates.TemplateRegistry.Find("2021")!.Cells.Count;
        var longSheets = names.Where(n => n.StartsWith("long", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "long", "long (2)", "long (3)" }, longSheets);
        var rows = longSheets.Select(n => Rows(workbook, n)).ToList();
        Assert.All(rows, sheet => Assert.Equal("file", sheet[0][0].Text));
        Assert.All(rows, sheet => Assert.InRange(sheet.Count, 2, 150));
        Assert.Equal(cells, rows.Sum(sheet => sheet.Count - 1));
        Assert.Equal("2021-wuyuan-hesheng-township", rows[^1][^1][0].Text);
    }

    [Theory]
    [InlineData("long")]
    [InlineData("a:b/c?d*e[f]g\\h")]
    [InlineData("'一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五'")]
    public void Sheet_names_are_names_Excel_accepts(string name)
    {
        string sheetName = GovInfoReports.Cli.Output.XlsxWorkbook.SheetName(name);
        Assert.InRange(sheetName.Length, 1, 31);
        Assert.Equal(-1, sheetName.IndexOfAny(new[] { ':', '\\', '/', '?', '*', '[', ']' }));
        Assert.False(sheetName.StartsWith('\'') || sheetName.EndsWith('\''));
    }
}
