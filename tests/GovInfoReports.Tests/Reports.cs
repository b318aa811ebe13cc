using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using GovInfoReports.Templates;

namespace GovInfoReports.Tests;

/// <summary>A report with the status of each cell, as extraction would hand it to the exporters.</summary>
public sealed record SourcedReport(string? File, IReport Report, CellStatus[] Statuses)
{
    public override string ToString() =>
        $"{Report.Template.Id} {Report.Year} {Report.Agency} file={File} values=[{string.Join(",", Enumerable.Range(0, Report.Template.Cells.Count).Select(i => Report.GetCell(i).ToString()))}]";
}

/// <summary>FsCheck generators of reports of any template, driven by the descriptor.</summary>
public static class Reports
{
    // Text that CSV and JSON must carry unchanged: separators, quotes, line breaks, non-BMP, Chinese.
    private static readonly string?[] Texts =
    {
        null, "五原县和胜乡人民政府", "棉洋镇人民政府", "a,b", "say \"hi\"", "两行\r\n文字", "line\nbreak", " padded ", "𠀀字", "=1+1", "",
    };

    /// <summary>A value of the cell's kind: small and large, with decimal digits for money; one in five blank.</summary>
    public static Gen<CellValue> Cell(CellDescriptor cell)
    {
        var value = cell.Kind switch
        {
            ValueKind.SignedCount => Gen.OneOf(Gen.Choose(-1000, 1000), Gen.Elements(int.MinValue, int.MaxValue, -1, 0))
                .Select(v => CellValue.FromInt32(v)),
            ValueKind.Amount =>
                from digits in Gen.Choose(0, int.MaxValue)
                from scale in Gen.Choose(0, 6)
                from unit in Gen.Elements(AmountUnit.Unknown, AmountUnit.Yuan, AmountUnit.TenThousandYuan)
                let number = new decimal(digits, 0, 0, false, (byte)scale)
                select cell.Column.HasReportedUnit ? CellValue.FromAmount(number, unit) : CellValue.FromDecimal(number, cell.Column.AmountUnit),
            _ => Gen.OneOf(Gen.Choose(0, 60), Gen.Choose(0, int.MaxValue), Gen.Constant(int.MaxValue))
                .Select(v => CellValue.FromInt32(v)),
        };
        return Gen.Frequency<CellValue>((1, Gen.Constant(CellValue.Blank)), (4, value));
    }

    /// <summary>A report of <paramref name="template"/> with random values, year and agency.</summary>
    public static Gen<IReport> Report(ReportTemplate template) =>
        from cells in Gen.CollectToArray(template.Cells, Cell)
        from year in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1900, 9999).Select(y => (int?)y))
        from agency in Gen.Elements(Texts)
        select template.CreateReport(cells, year, agency);

    /// <summary>A report of either packaged template with a file name and statuses (a blank cell is blank or missing).</summary>
    public static Gen<SourcedReport> Sourced() =>
        from template in Gen.Elements(Report2019.Template, Report2021.Template)
        from report in Report(template)
        from file in Gen.Elements(Texts)
        from missing in Gen.ArrayOf(Gen.Elements(true, false), template.Cells.Count)
        select new SourcedReport(
            file,
            report,
            template.Cells.Select(c => report.GetCell(c.Index).IsBlank ? (missing[c.Index] ? CellStatus.Missing : CellStatus.Blank) : CellStatus.Reported).ToArray());

    /// <summary>Runs <paramref name="property"/> on <paramref name="count"/> generated values; throws with the counterexample on failure.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, int count = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(gen), property));

    /// <summary>The cells of a report as invariant text (so decimal digits count: 1.50 ≠ 1.5).</summary>
    public static IEnumerable<string> CellTexts(IReport report) =>
        Enumerable.Range(0, report.Template.Cells.Count).Select(i => report.GetCell(i) is var v ? v.ToString() + "|" + v.Unit : "");
}
