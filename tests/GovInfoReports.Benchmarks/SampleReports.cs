using System;
using System.Collections.Generic;
using System.Linq;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// Reports to measure, built from the template descriptors: a realistic report whose every rule holds
/// (a township's year: mostly small counts, many zeros, totals that add up), a copy of it with typing
/// mistakes in two totals, and reports of random values (for the end-to-end folder).
/// </summary>
internal static class SampleReports
{
    public static readonly string[] TemplateIds = { "2019", "2021" };

    public static ReportTemplate Template(string id) =>
        TemplateRegistry.Find(id) ?? throw new InvalidOperationException("Template " + id + " is not registered.");

    /// <summary>A report of <paramref name="template"/> with every cell filled and every rule holding (<see cref="GovInfoReports.Tests.ConsistentReports"/>).</summary>
    public static IReport Valid(ReportTemplate template, int seed) =>
        template.CreateReport(GovInfoReports.Tests.ConsistentReports.Cells(template, new Random(seed)), template.FromYear + 1, "五原县和胜乡人民政府");

    /// <summary>
    /// <paramref name="valid"/> with two typing mistakes, as seen in real reports: one applicant count of
    /// 本年新收 one too high (E1 and E2 fail) and the 行政复议 total one too low (E4 fails).
    /// </summary>
    public static IReport Invalid(IReport valid)
    {
        var template = valid.Template;
        var cells = Enumerable.Range(0, template.Cells.Count).Select(valid.GetCell).ToArray();
        var received = Cell(template, "applications.newlyReceived.naturalPerson");
        cells[received.Index] = CellValue.FromInt32(cells[received.Index].ToInt32()!.Value + 1);
        var total = Cell(template, "reviews.reconsideration.total");
        cells[total.Index] = CellValue.FromInt32(cells[total.Index].ToInt32()!.Value + 1);
        return template.CreateReport(cells, valid.Year, valid.Agency);
    }

    /// <summary>A report of random values of each cell's kind (about one cell in five blank), as a noisy corpus has.</summary>
    public static IReport Random(ReportTemplate template, Random random)
    {
        var cells = new CellValue[template.Cells.Count];
        foreach (var cell in template.Cells)
        {
            if (random.Next(5) == 0)
                continue;
            cells[cell.Index] = cell.Kind switch
            {
                ValueKind.SignedCount => CellValue.FromInt32(random.Next(-50, 50)),
                ValueKind.Amount when cell.Column.HasReportedUnit => CellValue.FromAmount(random.Next(0, 10_000_000) / 100m, (AmountUnit)random.Next(0, 3)),
                ValueKind.Amount => CellValue.FromDecimal(random.Next(0, 100_000) / 100m, cell.Column.AmountUnit),
                _ => CellValue.FromInt32(random.Next(0, 8) == 0 ? random.Next(0, 5000) : random.Next(0, 30)),
            };
        }

        return template.CreateReport(cells, random.Next(template.FromYear, (template.ToYear ?? template.FromYear + 4) + 1), "某某县" + random.Next(1000) + "乡人民政府");
    }

    /// <summary>Throws unless the report has no finding at all (<paramref name="expectValid"/>) or at least one error.</summary>
    public static IReadOnlyList<ValidationFinding> Check(IReport report, bool expectValid)
    {
        var findings = ReportValidator.Validate(report);
        if (expectValid && findings.Count != 0)
            throw new InvalidOperationException($"The valid {report.Template.Id} report has findings: " + string.Join("; ", findings));
        if (!expectValid && !findings.Any(f => f.Severity == Severity.Error))
            throw new InvalidOperationException($"The invalid {report.Template.Id} report has no error finding.");
        return findings;
    }

    private static CellDescriptor Cell(ReportTemplate template, string path) =>
        template.FindCell(path) ?? throw new InvalidOperationException($"Template {template.Id} has no cell {path}.");
}
