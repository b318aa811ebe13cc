using System;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The generated JSON converters: lossless round trips, blanks as null, strict reading with paths.</summary>
public sealed class JsonTests
{
    [Theory]
    [InlineData("2019", 1)]
    [InlineData("2021", 2)]
    public void Random_reports_round_trip_through_json(string id, int seed)
    {
        var template = TemplateRegistry.Find(id)!;
        var random = new Random(seed);
        for (int n = 0; n < 200; n++)
        {
            var report = RandomReport(template, random);
            var json = ReportJson.Serialize(report);
            var back = ReportJson.Deserialize(json);
            Assert.Equal(template.ReportType, back.GetType());
            Assert.Equal(report, back);
            for (int i = 0; i < template.Cells.Count; i++)
                Assert.Equal(report.GetCell(i), back.GetCell(i));
        }
    }

    [Fact]
    public void Plain_JsonSerializer_uses_the_generated_converter()
    {
        var report = (Report2021)RandomReport(Report2021.Template, new Random(3));
        var json = JsonSerializer.Serialize(report);
        Assert.StartsWith("{\"template\":\"2021\",", json);
        Assert.Equal(report, JsonSerializer.Deserialize<Report2021>(json));
        Assert.Equal(ReportJson.Serialize(report), JsonSerializer.Serialize(report, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Blank_cells_are_written_as_null_never_dropped()
    {
        using var doc = JsonDocument.Parse(ReportJson.Serialize(new Report2019()));
        var root = doc.RootElement;
        Assert.Equal("2019", root.GetProperty("template").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("year").ValueKind);
        foreach (var cell in Report2019.Template.Cells)
        {
            var element = cell.Path.Split('.').Aggregate(root, (e, name) => e.GetProperty(name));
            Assert.Equal(JsonValueKind.Null, element.ValueKind);
        }
    }

    [Fact]
    public void Amounts_keep_their_digits_and_units()
    {
        var report = new Report2019
        {
            ProactiveDisclosure = new() { Procurement = new() { CentralizedProcurement = new() { Projects = 9, Amount = new Amount(67.740m, AmountUnit.TenThousandYuan) } } },
        };
        var json = ReportJson.Serialize(report);
        Assert.Contains("\"amount\":{\"value\":67.740,\"unit\":\"万元\"}", json);
        var back = (Report2019)ReportJson.Deserialize(json);
        Assert.Equal("67.740", back.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var bare = report with { ProactiveDisclosure = new() { Procurement = new() { CentralizedProcurement = new() { Amount = new Amount(52.15m, AmountUnit.Unknown) } } } };
        Assert.Contains("\"amount\":{\"value\":52.15,\"unit\":null}", ReportJson.Serialize(bare));
        Assert.Equal(bare, ReportJson.Deserialize(ReportJson.Serialize(bare)));

        var fee = new Report2021 { ProactiveDisclosure = new() { Fees = new() { AdministrativeFees = new() { Amount = 0.50m } } } };
        Assert.Contains("\"administrativeFees\":{\"amount\":0.50}", ReportJson.Serialize(fee));
    }

    [Theory]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"newlyReceived\":{\"naturalPersons\":1}}}", "$.applications.newlyReceived.naturalPersons", "unknown member")]
    [InlineData("{\"template\":\"2021\",\"reviews\":{\"reconsideration\":{\"upheld\":1,\"upheld\":2}}}", "$.reviews.reconsideration.upheld", "appears twice")]
    [InlineData("{\"template\":\"2021\",\"template\":\"2021\"}", "$.template", "appears twice")]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":\"3\"}}}", "$.applications.carriedOver.total", "expected a whole number or null, found a string")]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"results\":[]}}", "$.applications.results", "expected an object, found an array")]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":2147483648}}}", "$.applications.carriedOver.total", "outside the range")]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":1.5}}}", "$.applications.carriedOver.total", "not a whole number")]
    [InlineData("{\"template\":\"2021\",\"applications\":{\"results\":{\"withheld\":{\"stateSecret\":{\"research\":-1}}}}}", "$.applications.results.withheld.stateSecret.research", "negative")]
    [InlineData("{\"template\":\"2021\",\"proactiveDisclosure\":{\"fees\":{\"administrativeFees\":{\"amount\":-0.5}}}}", "$.proactiveDisclosure.fees.administrativeFees.amount", "negative")]
    [InlineData("{\"template\":\"2019\",\"proactiveDisclosure\":{\"procurement\":{\"centralizedProcurement\":{\"amount\":{\"value\":1,\"unit\":\"美元\"}}}}}", "$.proactiveDisclosure.procurement.centralizedProcurement.amount.unit", "unknown unit")]
    [InlineData("{\"year\":2021,\"applications\":{}}", "$", "no \"template\" member")]
    [InlineData("{\"template\":\"2030x\"}", "$.template", "unknown template")]
    [InlineData("{\"template\":2021}", "$.template", "expected a string")]
    [InlineData("{\"template\":\"2021\",\"year\":\"2021\"}", "$.year", "found a string")]
    [InlineData("[]", "$", "JSON object")]
    [InlineData("{\"template\":\"2021\",", "$", "not valid JSON")]
    public void Strict_reading_names_the_path_and_the_reason(string json, string path, string reason)
    {
        var error = Assert.ThrowsAny<JsonException>(() => ReportJson.Deserialize(json));
        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_typed_read_refuses_a_document_of_another_template()
    {
        var json = ReportJson.Serialize(new Report2019());
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>(json));
        Assert.StartsWith("$.template:", error.Message);
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report2021>("{\"applications\":{}}"));
        Assert.StartsWith("$:", missing.Message);
    }

    // Counts take a fast path for plain digit runs; every other way JSON writes a whole number must read the same.
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("123456789", 123456789)]
    [InlineData("1234567890", 1234567890)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("12.0", 12)]
    [InlineData("1.2e1", 12)]
    [InlineData("1E+2", 100)]
    [InlineData("-0", 0)]
    public void Counts_read_in_every_form_of_a_whole_number(string number, int expected)
    {
        var report = (Report2021)ReportJson.Deserialize("{\"template\":\"2021\",\"applications\":{\"newlyReceived\":{\"total\":" + number + "}}}");
        Assert.Equal(expected, report.Applications.NewlyReceived.Total);
    }

    [Fact]
    public void The_chunk_writer_grows_and_writes_numbers_as_the_json_writer_does()
    {
        decimal[] decimals = { 0m, 0.50m, 67.740m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -1.5m, 79228162514264337593543950.335m };
        int[] ints = { 0, 1, -1, 9, 10, 999999999, 1000000000, int.MaxValue, int.MinValue };
        var expected = new System.Buffers.ArrayBufferWriter<byte>();
        var actual = new System.Buffers.ArrayBufferWriter<byte>();
        using (var theirs = new Utf8JsonWriter(expected))
        using (var ours = new Utf8JsonWriter(actual))
        {
            theirs.WriteStartObject();
            ours.WriteStartObject();
            for (int round = 0; round < 50; round++)
            {
                theirs.WritePropertyName("v" + round);
                theirs.WriteStartObject();
                foreach (var d in decimals)
                    theirs.WriteNumber("d", d);
                foreach (var i in ints)
                    theirs.WriteNumber("i", i);
                theirs.WriteNull("n");
                theirs.WriteEndObject();

                ours.WritePropertyName("v" + round);
                // Capacity 1: the buffer grows many times within one value.
                var chunks = new GovInfoReports.Serialization.JsonChunkWriter(ours, 1);
                char separator = '{';
                foreach (var d in decimals)
                {
                    chunks.Append(System.Text.Encoding.UTF8.GetBytes(separator + "\"d\":"));
                    chunks.AppendDecimal(d);
                    separator = ',';
                }

                foreach (var i in ints)
                {
                    chunks.Append(",\"i\":"u8);
                    chunks.AppendInt32(i);
                }

                chunks.Append(",\"n\":"u8);
                chunks.AppendInt32(null);
                chunks.Append("}"u8);
                chunks.Flush();
                chunks.Dispose();
            }

            theirs.WriteEndObject();
            ours.WriteEndObject();
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected.WrittenSpan), System.Text.Encoding.UTF8.GetString(actual.WrittenSpan));
    }

    [Fact]
    public void Members_left_out_read_as_blank()
    {
        var report = (Report2021)ReportJson.Deserialize("{\"template\":\"2021\",\"applications\":{\"newlyReceived\":{\"total\":4}}}");
        Assert.Equal(4, report.Applications.NewlyReceived.Total);
        Assert.Null(report.Applications.NewlyReceived.NaturalPerson);
        Assert.Equal(new Report2021 { Applications = new() { NewlyReceived = new() { Total = 4 } } }, report);
    }

    /// <summary>A report with random values of each cell's kind, about one cell in five blank.</summary>
    internal static IReport RandomReport(ReportTemplate template, Random random)
    {
        var cells = new CellValue[template.Cells.Count];
        foreach (var cell in template.Cells)
        {
            if (random.Next(5) == 0)
                continue;
            cells[cell.Index] = cell.Kind switch
            {
                ValueKind.SignedCount => CellValue.FromInt32(random.Next(-1000, 1000)),
                ValueKind.Amount when cell.Column.HasReportedUnit => CellValue.FromAmount(
                    new decimal(random.Next(0, int.MaxValue), 0, 0, false, (byte)random.Next(0, 5)),
                    (AmountUnit)random.Next(0, 3)),
                ValueKind.Amount => CellValue.FromDecimal(new decimal(random.Next(0, int.MaxValue), 0, 0, false, (byte)random.Next(0, 5)), cell.Column.AmountUnit),
                _ => CellValue.FromInt32(random.Next(0, 3) == 0 ? random.Next(0, int.MaxValue) : random.Next(0, 50)),
            };
        }

        return template.CreateReport(cells, random.Next(2) == 0 ? null : random.Next(2019, 2030), random.Next(2) == 0 ? null : "某某县" + random.Next(100) + "乡人民政府");
    }
}
