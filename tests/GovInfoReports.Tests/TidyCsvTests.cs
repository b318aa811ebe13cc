using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GovInfoReports.Export;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The tidy long-format CSV export and its reader.</summary>
public sealed class TidyCsvTests
{
    private const string Header = "file,template,year,agency,section,row,column,rowLabel,columnLabel,value,unit,status";

    [Fact]
    public void The_header_row_comes_first_with_exactly_the_twelve_columns()
    {
        var csv = TidyCsv.ToCsv(new Report2021());
        Assert.StartsWith(Header + "\r\n", csv);
        Assert.Equal(Header.Split(','), TidyCsv.Columns);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Every_cell_of_the_template_appears_once_in_template_order(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var lines = Lines(TidyCsv.ToCsv(template.CreateReport(new CellValue[template.Cells.Count])));
        Assert.Equal(template.Cells.Count + 1, lines.Length);
        var paths = lines.Skip(1).Select(l => l.Split(',')).Select(f => f[4] + "." + f[5] + "." + f[6]);
        Assert.Equal(template.Cells.Select(c => c.Path), paths);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",blank", l));
    }

    [Fact]
    public void A_sample_exports_ids_labels_values_units_and_statuses()
    {
        var (report, statuses) = Sample("2019-gucheng-hui-township");
        var rows = Lines(TidyCsv.ToCsv(report, "2019-gucheng-hui-township.txt", statuses)).Skip(1).ToArray();
        Assert.Equal(198, rows.Length);
        Assert.Contains("2019-gucheng-hui-township.txt,2019,2019,古城回族乡,applications,results.withheld.stateSecret,naturalPerson,1.属于国家秘密,自然人,0,件,reported", rows);
        Assert.Contains("2019-gucheng-hui-township.txt,2019,2019,古城回族乡,proactiveDisclosure,procurement.centralizedProcurement,amount,政府集中采购,采购总金额,67.74,万元,reported", rows);
        Assert.Contains("2019-gucheng-hui-township.txt,2019,2019,古城回族乡,proactiveDisclosure,licensing.administrativeLicensing,previousItems,行政许可,上一年项目数量,0,项,reported", rows);
        Assert.Contains("2019-gucheng-hui-township.txt,2019,2019,古城回族乡,reviews,reconsideration,upheld,行政复议,结果维持,,件,blank", rows);
        Assert.Equal(5, rows.Count(r => r.EndsWith(",blank", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cells_lost_from_the_source_are_missing_not_blank()
    {
        var (report, statuses) = Sample("2020-shaxian-huyuan-township");
        var rows = Lines(TidyCsv.ToCsv(report, null, statuses)).Skip(1).ToArray();
        Assert.Equal(70, rows.Count(r => r.EndsWith(",,件,missing", StringComparison.Ordinal)));
        Assert.Contains(",2019,2020,沙县湖源乡人民政府,applications,results.total,total,（七）总计,总计,,件,missing", rows);
        Assert.Contains(",2019,2020,沙县湖源乡人民政府,proactiveDisclosure,procurement.centralizedProcurement,amount,政府集中采购,采购总金额,0,元,reported", rows);
    }

    [Fact]
    public void Money_columns_carry_the_unit_of_each_value()
    {
        var bare = new Report2019 { ProactiveDisclosure = new() { Procurement = new() { CentralizedProcurement = new() { Amount = new Amount(52.150m, AmountUnit.Unknown) } } } };
        Assert.Contains(",amount,政府集中采购,采购总金额,52.150,,reported", TidyCsv.ToCsv(bare));
        var fee = new Report2021 { ProactiveDisclosure = new() { Fees = new() { AdministrativeFees = new() { Amount = 0.50m } } } };
        Assert.Contains(",fees.administrativeFees,amount,行政事业性收费,本年收费金额（单位：万元）,0.50,万元,reported", TidyCsv.ToCsv(fee));
    }

    [Fact]
    public void Fields_with_separators_quotes_and_line_breaks_are_quoted_as_rfc_4180_says()
    {
        var report = new Report2021 { Agency = "某\"县\",\r\n乡" };
        var csv = TidyCsv.ToCsv(report, "a,b.txt");
        Assert.Contains("\r\n\"a,b.txt\",2021,,\"某\"\"县\"\",\r\n乡\",proactiveDisclosure,", csv);
        var back = Assert.Single(TidyCsvReader.Read(csv));
        Assert.Equal("a,b.txt", back.File);
        Assert.Equal(report.Agency, back.Report.Agency);
    }

    [Fact]
    public void The_stream_writer_writes_utf8_without_a_byte_order_mark()
    {
        using var stream = new MemoryStream();
        using (var csv = new TidyCsvWriter(stream, leaveOpen: true))
            csv.Write(new Report2021 { Agency = "五原县" });
        var bytes = stream.ToArray();
        Assert.Equal((byte)'f', bytes[0]);
        Assert.Contains("五原县", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void An_empty_export_is_just_the_header()
    {
        var text = new StringWriter();
        new TidyCsvWriter(text).Dispose();
        Assert.Equal(Header + "\r\n", text.ToString());
    }

    [Fact]
    public void Statuses_that_contradict_the_values_are_refused()
    {
        var report = new Report2021 { Applications = new() { NewlyReceived = new() { Total = 3 } } };
        var statuses = new CellStatus[Report2021.Template.Cells.Count];
        Assert.Throws<ArgumentException>(() => TidyCsv.ToCsv(report, null, statuses)); // blank cells said to be reported
        Array.Fill(statuses, CellStatus.Missing);
        Assert.Throws<ArgumentException>(() => TidyCsv.ToCsv(report, null, statuses)); // a value said to be missing
        Assert.Throws<ArgumentException>(() => TidyCsv.ToCsv(report, null, new CellStatus[3]));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("file,template\r\n", 1, "header row")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,1,件\r\n", 2, "11 fields")]
    [InlineData(Header + "\r\n,2030,,,applications,newlyReceived,total,x,y,1,件,reported\r\n", 2, "unknown template")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,sum,x,y,1,件,reported\r\n", 2, "no cell applications.newlyReceived.sum")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,1.5,件,reported\r\n", 2, "not a whole number")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,-1,件,reported\r\n", 2, "negative")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,1,个,reported\r\n", 2, "counts in 件")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,,件,reported\r\n", 2, "no value")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,4,件,blank\r\n", 2, "status blank")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,4,件,found\r\n", 2, "not reported, blank or missing")]
    [InlineData(Header + "\r\n,2021,twenty,,applications,newlyReceived,total,x,y,4,件,reported\r\n", 2, "not a report year")]
    [InlineData(Header + "\r\n,2021,,,applications,newlyReceived,total,x,y,1e3,件,reported\r\n", 2, "not a number")]
    [InlineData(Header + "\r\n,2021,,,proactiveDisclosure,fees.administrativeFees,amount,x,y,1,美元,reported\r\n", 2, "not a money unit")]
    [InlineData(Header + "\r\n\"a\r\nb\",2021,,,applications,newlyReceived,total,x,y,1,件,reported\r\n,2021,,,applications,nope,total,x,y,1,件,reported\r\n", 4, "no cell")]
    [InlineData(Header + "\r\n\"unclosed,2021\r\n", 2, "not closed")]
    [InlineData(Header + "\r\na\"b,2021\r\n", 2, "quote inside an unquoted field")]
    public void Bad_csv_is_a_format_error_naming_the_line(string csv, int line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => TidyCsvReader.Read(csv));
        Assert.Contains($"line {line}:", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Cells_absent_from_the_csv_read_as_missing()
    {
        var csv = Header + "\r\nx.txt,2021,2021,某乡,applications,newlyReceived,total,一、本年新收政府信息公开申请数量,总计,4,件,reported\r\n";
        var read = Assert.Single(TidyCsvReader.Read(csv));
        var report = Assert.IsType<Report2021>(read.Report);
        Assert.Equal(4, report.Applications.NewlyReceived.Total);
        Assert.Equal(2021, report.Year);
        int index = Report2021.Template.FindCell("applications.newlyReceived.total")!.Index;
        Assert.Equal(CellStatus.Reported, read.Statuses[index]);
        Assert.Equal(Report2021.Template.Cells.Count - 1, read.Statuses.Count(s => s == CellStatus.Missing));
    }

    [Fact]
    public void A_fixed_unit_money_value_in_the_other_unit_converts_exactly()
    {
        var csv = Header + "\r\n,2021,,,proactiveDisclosure,fees.administrativeFees,amount,x,y,6774,元,reported\r\n";
        var report = Assert.IsType<Report2021>(Assert.Single(TidyCsvReader.Read(csv)).Report);
        Assert.Equal(0.6774m, report.ProactiveDisclosure.Fees.AdministrativeFees.Amount);
    }

    private static string[] Lines(string csv)
    {
        Assert.EndsWith("\r\n", csv);
        return csv.Substring(0, csv.Length - 2).Split("\r\n");
    }

    internal static (IReport Report, CellStatus[] Statuses) Sample(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "samples", "expected");
        var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(directory, name + ".json")));
        using var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, name + ".status.json")));
        var statuses = Enumerable.Range(0, report.Template.Cells.Count)
            .Select(i => report.GetCell(i).IsBlank ? CellStatus.Blank : CellStatus.Reported).ToArray();
        foreach (var (member, value) in new[] { ("missing", CellStatus.Missing), ("blank", CellStatus.Blank) })
            foreach (var path in status.RootElement.GetProperty(member).EnumerateArray())
                statuses[report.Template.FindCell(path.GetString()!)!.Index] = value;
        return (report, statuses);
    }
}
