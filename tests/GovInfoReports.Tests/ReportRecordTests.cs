using System;
using System.Linq;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The generated records: cell access by index agrees with the typed properties; blank stays null.</summary>
public sealed class ReportRecordTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Every_cell_round_trips_through_the_record(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var cells = template.Cells.Select(c => Distinct(c)).ToArray();

        var report = template.CreateReport(cells, year: 2020, agency: "测试乡人民政府");

        Assert.Same(template, report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal("测试乡人民政府", report.Agency);
        for (int i = 0; i < cells.Length; i++)
            Assert.Equal(cells[i], report.GetCell(i));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.GetCell(cells.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.GetCell(-1));
    }

    [Fact]
    public void Cell_indexes_reach_the_typed_properties()
    {
        var template = Report2021.Template;
        var cells = template.Cells.Select(Distinct).ToArray();
        var report = Report2021.FromCells(cells);

        Assert.Equal(Int(template, "applications.newlyReceived.naturalPerson"), report.Applications.NewlyReceived.NaturalPerson);
        Assert.Equal(Int(template, "applications.results.withheld.endangersSafety.legalServices"), report.Applications.Results.Withheld.EndangersSafety.LegalServices);
        Assert.Equal(Int(template, "applications.results.other.feeUnpaid.total"), report.Applications.Results.Other.FeeUnpaid.Total);
        Assert.Equal(Int(template, "applications.carriedForward.total"), report.Applications.CarriedForward.Total);
        Assert.Equal(Int(template, "reviews.litigation.direct.pending"), report.Reviews.Litigation.Direct.Pending);
        Assert.Equal(Int(template, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.inForce"), report.ProactiveDisclosure.RegulatoryDocuments.NormativeDocuments.InForce);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Blank_cells_stay_null_never_zero(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var report = template.CreateReport(new CellValue[template.Cells.Count]);
        Assert.All(Enumerable.Range(0, template.Cells.Count), i => Assert.True(report.GetCell(i).IsBlank));

        var empty = new Report2019();
        Assert.Null(empty.Applications.NewlyReceived.Total);
        Assert.Null(empty.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount);
        Assert.Equal(empty, (Report2019)Report2019.Template.CreateReport(new CellValue[Report2019.Template.Cells.Count]));
    }

    [Fact]
    public void Signed_counts_keep_their_sign()
    {
        var template = Report2019.Template;
        var cells = new CellValue[template.Cells.Count];
        cells[template.FindCell("proactiveDisclosure.licensing.administrativeLicensing.change")!.Index] = CellValue.FromInt32(98);
        cells[template.FindCell("proactiveDisclosure.fees.administrativeFees.change")!.Index] = CellValue.FromInt32(-8);
        var report = Report2019.FromCells(cells);
        Assert.Equal(98, report.ProactiveDisclosure.Licensing.AdministrativeLicensing.Change);
        Assert.Equal(-8, report.ProactiveDisclosure.Fees.AdministrativeFees.Change);
    }

    [Fact]
    public void Reported_amounts_keep_their_unit_and_digits()
    {
        var template = Report2019.Template;
        var index = template.FindCell("proactiveDisclosure.procurement.centralizedProcurement.amount")!.Index;
        var cells = new CellValue[template.Cells.Count];
        cells[index] = CellValue.FromAmount(67.74m, AmountUnit.TenThousandYuan);
        var report = Report2019.FromCells(cells);

        Assert.Equal(new Amount(67.74m, AmountUnit.TenThousandYuan), report.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount);
        Assert.Equal(677400m, report.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount!.Value.ConvertTo(AmountUnit.Yuan));
        Assert.Equal("67.74万元", report.GetCell(index).ToString());

        var bare = report with { ProactiveDisclosure = report.ProactiveDisclosure with { Procurement = new() { CentralizedProcurement = new() { Amount = new Amount(52.15m, AmountUnit.Unknown) } } } };
        Assert.Null(bare.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount!.Value.ConvertTo(AmountUnit.Yuan));
        Assert.Equal("258463.87元", new Amount(258463.87m, AmountUnit.Yuan).ToString());
    }

    [Fact]
    public void Fixed_unit_amounts_are_converted_exactly_into_the_template_unit()
    {
        var template = Report2021.Template;
        var index = template.FindCell("proactiveDisclosure.fees.administrativeFees.amount")!.Index;
        var cells = new CellValue[template.Cells.Count];
        cells[index] = CellValue.FromAmount(677400m, AmountUnit.Yuan);
        var report = Report2021.FromCells(cells);

        Assert.Equal(67.74m, report.ProactiveDisclosure.Fees.AdministrativeFees.Amount);
        Assert.Equal(CellValue.FromAmount(67.74m, AmountUnit.TenThousandYuan), report.GetCell(index));
    }

    [Fact]
    public void Wrong_input_is_refused_clearly()
    {
        var template = Report2021.Template;
        var error = Assert.Throws<ArgumentException>(() => template.CreateReport(new CellValue[3]));
        Assert.Contains("200", error.Message);

        var cells = new CellValue[template.Cells.Count];
        cells[template.FindCell("applications.newlyReceived.total")!.Index] = CellValue.FromDecimal(1.5m);
        Assert.Throws<InvalidOperationException>(() => template.CreateReport(cells));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-17)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void A_count_equals_the_same_number_made_any_way(int count)
    {
        // FromInt32 keeps the int; FromDecimal the decimal: equality and hashing are by number and unit all the same.
        var fromInt = CellValue.FromInt32(count);
        var fromDecimal = CellValue.FromDecimal(count);
        var withScale = CellValue.FromDecimal(decimal.Parse(count + ".00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fromDecimal, fromInt);
        Assert.Equal(withScale, fromInt);
        Assert.True(fromInt == withScale);
        Assert.Equal(fromDecimal.GetHashCode(), fromInt.GetHashCode());
        Assert.Equal(withScale.GetHashCode(), fromInt.GetHashCode());
        Assert.Equal((decimal)count, fromInt.Number);
        Assert.Equal(count, fromInt.ToInt32());
        Assert.Equal(AmountUnit.Unknown, fromInt.Unit);
        Assert.False(fromInt.IsBlank);
        Assert.NotEqual(CellValue.FromDecimal(count, AmountUnit.Yuan), fromInt);
        Assert.NotEqual(CellValue.Blank, fromInt);
        Assert.Equal(CellValue.Blank, CellValue.FromInt32(null));
        Assert.Equal(default, CellValue.FromDecimal(null));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("-17", -17)]
    [InlineData("5.0", 5)]
    [InlineData("-5.000", -5)]
    [InlineData("2147483647.00", int.MaxValue)]
    public void A_whole_number_in_range_reads_as_a_count(string number, int expected) =>
        Assert.Equal(expected, CellValue.FromDecimal(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)).ToInt32());

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("4294967296")]
    [InlineData("4294967295")]
    [InlineData("18446744073709551616")]
    [InlineData("1.5")]
    [InlineData("-0.001")]
    [InlineData("2147483648.0")]
    public void A_fraction_or_a_number_out_of_range_is_no_count(string number)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CellValue.FromDecimal(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)).ToInt32());
        Assert.Contains("not a whole number", error.Message);
    }

    [Fact]
    public void Records_are_immutable_values()
    {
        var a = new Report2021 { Applications = new() { NewlyReceived = new() { Total = 3 } } };
        var b = new Report2021 { Applications = new() { NewlyReceived = new() { Total = 3 } } };
        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Year = 2021 });
        Assert.DoesNotContain(typeof(Report2021.ApplicantsRow).GetProperties(), p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Any());
    }

    [Fact]
    public void The_readme_example_runs_as_documented()
    {
        var report = new Report2021
        {
            Year = 2021,
            Agency = "五原县和胜乡人民政府",
            Applications = new Report2021.ApplicationsSection
            {
                NewlyReceived = new Report2021.ApplicantsRow { NaturalPerson = 12, Total = 12 },
            },
        };
        Assert.Equal(12, report.Applications.NewlyReceived.NaturalPerson);
        Assert.Null(report.Applications.CarriedOver.NaturalPerson);

        var cell = Report2021.Template.FindCell("applications.newlyReceived.naturalPerson")!;
        Assert.Equal("一、本年新收政府信息公开申请数量 / 自然人: 12", $"{cell.Row.FullLabel} / {cell.Column.Label}: {report.GetCell(cell.Index)}");
    }

    private static int? Int(ReportTemplate template, string path) => CellValueOf(template.FindCell(path)!).ToInt32();

    private static CellValue CellValueOf(CellDescriptor cell) => Distinct(cell);

    /// <summary>A value unique to each cell, of the cell's kind.</summary>
    private static CellValue Distinct(CellDescriptor cell) => cell.Kind switch
    {
        ValueKind.SignedCount => CellValue.FromInt32(-(cell.Index + 1)),
        ValueKind.Amount when cell.Column.HasReportedUnit => CellValue.FromAmount(cell.Index + 0.25m, AmountUnit.Yuan),
        ValueKind.Amount => CellValue.FromDecimal(cell.Index + 0.125m, cell.Column.AmountUnit),
        _ => CellValue.FromInt32(cell.Index + 1),
    };
}
