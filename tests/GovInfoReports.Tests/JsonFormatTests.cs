using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public static TheoryData<string, Type, bool, bool> TemplatesAndWriterOptions()
    {
        var data = new TheoryData<string, Type, bool, bool>();
        foreach (var (id, type) in new[] { ("2019", typeof(Report2019Dto)), ("2021", typeof(Report2021Dto)) })
        {
            foreach (bool indented in new[] { false, true })
            {
                foreach (bool relaxed in new[] { false, true })
                    data.Add(id, type, indented, relaxed);
            }
        }

        return data;
    }

    // The cells are written as pre-encoded chunks, not through the writer's methods: the writer's own options
    // (indentation, and the encoder for the unit words 元 and 万元) must still show in the output.
    [Theory]
    [MemberData(nameof(TemplatesAndWriterOptions))]
    public void Our_json_follows_the_writers_indentation_and_encoder_as_reflection_does(string id, Type dtoType, bool indented, bool relaxed)
    {
        var options = new JsonSerializerOptions(DtoOptions)
        {
            WriteIndented = indented,
            Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null,
        };
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report =>
        {
            var ours = JsonSerializer.Serialize(report, report.GetType(), options);
            var dto = JsonSerializer.Deserialize(ours, dtoType, options)!;
            Assert.Equal(JsonSerializer.Serialize(dto, dtoType, options), ours);
            Assert.Equal(report, JsonSerializer.Deserialize(ours, report.GetType(), options));
        }, count: 25);
    }

    [Fact]
    public void Units_are_escaped_by_the_default_encoder_and_kept_by_a_relaxed_one()
    {
        var report = new Report2019
        {
            ProactiveDisclosure = new()
            {
                Procurement = new() { CentralizedProcurement = new() { Amount = new Amount(258463.87m, AmountUnit.Yuan) } },
            },
        };
        var escaped = JsonSerializer.Serialize(report);
        Assert.Contains("\"amount\":{\"value\":258463.87,\"unit\":\"\\u5143\"}", escaped);
        var relaxed = JsonSerializer.Serialize(report, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"amount\":{\"value\":258463.87,\"unit\":\"元\"}", relaxed);
        Assert.Equal(report, JsonSerializer.Deserialize<Report2019>(escaped));
        Assert.Equal(report, JsonSerializer.Deserialize<Report2019>(relaxed));
    }

    // The reader tries the member expected next first; any other order must read the same.
    [Theory]
    [MemberData(nameof(Templates))]
    public void Members_in_any_order_read_as_the_same_report(string id, Type dtoType)
    {
        _ = dtoType;
        var template = TemplateRegistry.Find(id)!;
        var seeds = new Random(20211121);
        Reports.Check(Reports.Report(template), report =>
        {
            var node = JsonNode.Parse(ReportJson.Serialize(report))!;
            var random = new Random(seeds.Next());
            var shuffled = Shuffle(node, random)!.ToJsonString();
            Assert.NotEqual(ReportJson.Serialize(report), shuffled);
            Assert.Equal(report, ReportJson.Deserialize(shuffled));
        }, count: 25);
    }

    private static JsonNode? Shuffle(JsonNode? node, Random random)
    {
        if (node is not JsonObject obj)
            return node?.DeepClone();
        var members = obj.Select(m => (m.Key, Value: Shuffle(m.Value, random))).ToList();
        // Reversed, then a random swap: neither the written order nor one fixed permutation.
        members.Reverse();
        if (members.Count > 2)
        {
            int i = random.Next(members.Count), j = random.Next(members.Count);
            (members[i], members[j]) = (members[j], members[i]);
        }

        var result = new JsonObject();
        foreach (var (key, value) in members)
            result.Add(key, value);
        return result;
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
