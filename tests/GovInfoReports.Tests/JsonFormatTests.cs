using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GovInfoReports.Dtos;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>
/// The generated converters write ordinary JSON: exactly what System.Text.Json's reflection serializer
/// writes for a plain hand-written DTO of the same shape, member by member and byte for byte.
/// </summary>
public sealed class JsonFormatTests
{
    private static readonly JsonSerializerOptions DtoOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static TheoryData<string, Type> Templates => new()
    {
        { "2019", typeof(Report2019Dto) },
        { "2021", typeof(Report2021Dto) },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Our_json_equals_what_reflection_writes_for_the_equivalent_dto(string id, Type dtoType)
    {
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report =>
        {
            var ours = ReportJson.Serialize(report);
            // Reflection reads our document into the DTO (refusing any member it does not know) …
            var dto = JsonSerializer.Deserialize(ours, dtoType, DtoOptions)!;
            // … and writes it back: the same members, in the same order, with the same values.
            var theirs = JsonSerializer.Serialize(dto, dtoType, DtoOptions);
            AssertSameMembers(ours, theirs);
            Assert.Equal(ours, theirs);
        }, count: 100);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Json_written_by_reflection_for_the_dto_reads_into_the_same_report(string id, Type dtoType)
    {
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report =>
        {
            var dto = JsonSerializer.Deserialize(ReportJson.Serialize(report), dtoType, DtoOptions)!;
            var back = ReportJson.Deserialize(JsonSerializer.Serialize(dto, dtoType, DtoOptions));
            Assert.Equal(report, back);
        }, count: 50);
    }

    [Fact]
    public void A_dto_filled_by_hand_reads_as_the_report_with_those_cells()
    {
        var dto = new Report2019Dto { Year = 2020, Agency = "棉洋镇人民政府" };
        dto.ProactiveDisclosure.Licensing.AdministrativeLicensing.Change = 98;
        dto.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount = new AmountDto { Value = 258463.87m, Unit = "元" };
        dto.Applications.Results.Withheld.StateSecret.Total = 2;

        var report = (Report2019)ReportJson.Deserialize(JsonSerializer.Serialize(dto, DtoOptions));
        Assert.Equal(2020, report.Year);
        Assert.Equal(98, report.ProactiveDisclosure.Licensing.AdministrativeLicensing.Change);
        Assert.Equal(new Amount(258463.87m, AmountUnit.Yuan), report.ProactiveDisclosure.Procurement.CentralizedProcurement.Amount);
        Assert.Equal(2, report.Applications.Results.Withheld.StateSecret.Total);
        Assert.Null(report.Applications.Results.Withheld.StateSecret.NaturalPerson);
    }

    // Walks both documents together so a failure names the first differing member.
    private static void AssertSameMembers(string expected, string actual)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        Compare(a.RootElement, b.RootElement, "$");
    }

    private static void Compare(JsonElement a, JsonElement b, string path)
    {
        Assert.True(a.ValueKind == b.ValueKind, $"{path}: {a.ValueKind} vs {b.ValueKind}");
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                using (var x = a.EnumerateObject())
                using (var y = b.EnumerateObject())
                {
                    while (true)
                    {
                        bool more = x.MoveNext();
                        Assert.True(more == y.MoveNext(), $"{path}: the objects have different numbers of members");
                        if (!more)
                            break;
                        Assert.True(x.Current.Name == y.Current.Name, $"{path}: member {x.Current.Name} vs {y.Current.Name}");
                        Compare(x.Current.Value, y.Current.Value, path + "." + x.Current.Name);
                    }
                }

                break;
            case JsonValueKind.Number:
            case JsonValueKind.String:
                Assert.True(a.GetRawText() == b.GetRawText(), $"{path}: {a.GetRawText()} vs {b.GetRawText()}");
                break;
        }
    }
}
