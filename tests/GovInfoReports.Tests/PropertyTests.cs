using System.Linq;
using GovInfoReports.Export;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>FsCheck round trips over random reports of every registered template.</summary>
public sealed class PropertyTests
{
    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Json_round_trip_gives_back_the_same_report(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report =>
        {
            var back = ReportJson.Deserialize(ReportJson.Serialize(report));
            Assert.Equal(template.ReportType, back.GetType());
            Assert.Equal(report, back);
            Assert.Equal(Reports.CellTexts(report), Reports.CellTexts(back));
            Assert.Equal(report.Year, back.Year);
            Assert.Equal(report.Agency, back.Agency);
        });
    }

    [Fact]
    public void Csv_round_trip_gives_back_the_same_cells_and_statuses()
    {
        Reports.Check(FsCheck.Fluent.Gen.ArrayOf(Reports.Sourced(), 3), batch =>
        {
            var text = new System.IO.StringWriter();
            using (var csv = new TidyCsvWriter(text, leaveOpen: true))
                foreach (var item in batch)
                    csv.Write(item.Report, item.File, item.Statuses);

            var back = TidyCsvReader.Read(text.ToString());
            Assert.Equal(batch.Length, back.Count);
            for (int i = 0; i < batch.Length; i++)
            {
                var (expected, actual) = (batch[i], back[i]);
                Assert.Equal(string.IsNullOrEmpty(expected.File) ? null : expected.File, actual.File);
                Assert.Equal(expected.Report.Template, actual.Report.Template);
                Assert.Equal(expected.Report.Year, actual.Report.Year);
                Assert.Equal(string.IsNullOrEmpty(expected.Report.Agency) ? null : expected.Report.Agency, actual.Report.Agency);
                Assert.Equal(Reports.CellTexts(expected.Report), Reports.CellTexts(actual.Report));
                Assert.Equal(expected.Statuses, actual.Statuses);
            }
        }, count: 100);
    }
}
