using System;
using System.Linq;
using GovInfoReports.Templates;

namespace GovInfoReports.Tests;

/// <summary>
/// Cell values of a report whose every rule holds, built from the descriptor: for the validator's tests (break one
/// cell, the right rule fails) and the benchmarks (a valid report to validate).
/// </summary>
public static class ConsistentReports
{
    private static readonly string[] Applicants = { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other" };

    private static readonly string[] ReviewRows = { "reconsideration", "litigation.direct", "litigation.afterReconsideration" };

    private static readonly string[] Outcomes = { "upheld", "corrected", "otherOutcome", "pending" };

    /// <summary>
    /// A report of <paramref name="template"/> with every cell filled and every rule holding (errors, warnings and
    /// infos): random leaf values first, then the totals fixed from them (E1–E4), and the W1–W4 inequalities kept.
    /// </summary>
    public static CellValue[] Cells(ReportTemplate template, Random random)
    {
        var cells = new CellValue[template.Cells.Count];
        void Set(string path, long value) => cells[Find(template, path).Index] = CellValue.FromInt32(checked((int)value));
        long Get(string path) => cells[Find(template, path).Index].ToInt32() ?? 0;

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

        return cells;
    }

    private static CellDescriptor Find(ReportTemplate template, string path) =>
        template.FindCell(path) ?? throw new InvalidOperationException($"Template {template.Id} has no cell {path}.");
}
