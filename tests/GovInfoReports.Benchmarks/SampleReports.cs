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

    private static readonly string[] Applicants = { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other" };

    private static readonly string[] ReviewRows = { "reconsideration", "litigation.direct", "litigation.afterReconsideration" };

    private static readonly string[] Outcomes = { "upheld", "corrected", "otherOutcome", "pending" };

    public static ReportTemplate Template(string id) =>
        TemplateRegistry.Find(id) ?? throw new InvalidOperationException("Template " + id + " is not registered.");

    /// <summary>
    /// A report of <paramref name="template"/> with every cell filled and every rule holding (errors, warnings and
    /// infos): random leaf values first, then the totals fixed from them (E1–E4), and the W1–W4 inequalities kept.
    /// </summary>
    public static IReport Valid(ReportTemplate template, int seed)
    {
        var random = new Random(seed);
        var cells = new CellValue[template.Cells.Count];
        void Set(string path, long value) => cells[Cell(template, path).Index] = CellValue.FromInt32(checked((int)value));
        long Get(string path) => cells[Cell(template, path).Index].ToInt32() ?? 0;

        // 二、主动公开: counts, changes and amounts of a small agency.
        foreach (var cell in template.Cells.Where(c => c.Section.Id == "proactiveDisclosure"))
        {
            cells[cell.Index] = cell.Kind switch
            {
                ValueKind.SignedCount => CellValue.FromInt32(random.Next(0, 6)),
                ValueKind.Amount when cell.Column.HasReportedUnit => CellValue.FromAmount(random.Next(0, 10_000_000) / 100m, AmountUnit.Yuan),
                ValueKind.Amount => CellValue.FromDecimal(random.Next(0, 100_000) / 100m, cell.Column.AmountUnit),
                _ => CellValue.FromInt32(random.Next(0, 40)),
            };
        }

        foreach (var row in new[] { "regulations", "normativeDocuments" })
        {
            string p = "proactiveDisclosure.regulatoryDocuments." + row + ".";
            if (template.FindCell(p + "made") is not null)
            {
                // W3 published ≤ made, W2 publishedTotal ≥ published.
                int made = random.Next(0, 12), published = random.Next(0, made + 1);
                Set(p + "made", made);
                Set(p + "published", published);
                Set(p + "publishedTotal", published + random.Next(0, 60));
            }
            else
            {
                // W4 inForce ≥ issued − repealed.
                int issued = random.Next(0, 12), repealed = random.Next(0, 6);
                Set(p + "issued", issued);
                Set(p + "repealed", repealed);
                Set(p + "inForce", Math.Max(0, issued - repealed) + random.Next(0, 60));
            }
        }

        // W1 previousItems + change ≥ 0 (the 2019 item tables): a decrease never below zero.
        foreach (var cell in template.Cells.Where(c => c.Kind == ValueKind.SignedCount))
        {
            var previousItems = cell.Table.Cells.FirstOrDefault(c => c.Row == cell.Row && c.Column.Id == "previousItems");
            long previous = previousItems is null ? 0 : Get(previousItems.Path);
            Set(cell.Path, random.Next(-(int)Math.Min(previous, 5), 6));
        }

        // 三、依申请公开: outcomes per applicant column, then E3 results.total, E1 newlyReceived, E2 the total column.
        var rows = template.Cells.Where(c => c.Section.Id == "applications").Select(c => c.RowPath).Distinct().ToList();
        var outcomes = rows.Where(r => r.StartsWith("results.", StringComparison.Ordinal) && r != "results.total").ToList();
        foreach (var column in Applicants)
        {
            long handled = 0;
            foreach (var row in outcomes)
            {
                int value = random.Next(0, 3) == 0 ? random.Next(0, 25) : 0;
                Set("applications." + row + "." + column, value);
                handled += value;
            }

            long forward = random.Next(0, 5);
            long over = random.Next(0, (int)Math.Min(handled + forward, 5) + 1);
            Set("applications.results.total." + column, handled);
            Set("applications.carriedForward." + column, forward);
            Set("applications.carriedOver." + column, over);
            Set("applications.newlyReceived." + column, handled + forward - over);
        }

        foreach (var row in rows)
            Set("applications." + row + ".total", Applicants.Sum(c => Get("applications." + row + "." + c)));

        // 四、行政复议、行政诉讼: E4 total = the four outcomes.
        foreach (var row in ReviewRows)
        {
            long sum = 0;
            foreach (var outcome in Outcomes)
            {
                int value = random.Next(0, 4);
                Set("reviews." + row + "." + outcome, value);
                sum += value;
            }

            Set("reviews." + row + ".total", sum);
        }

        return template.CreateReport(cells, template.FromYear + 1, "五原县和胜乡人民政府");
    }

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
    public static IReadOnlyList<Finding> Check(IReport report, bool expectValid)
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
