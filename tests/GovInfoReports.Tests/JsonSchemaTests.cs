using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using GovInfoReports.Testing;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The generated JSON Schema (draft 2020-12) of each template, against the JSON we write and read.</summary>
public sealed class JsonSchemaTests
{
    public static TheoryData<string> TemplateIds => new() { "2019", "2021" };

    public static TheoryData<string> Samples => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "expected"), "*.json")
            .Where(f => !f.EndsWith(".status.json", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void The_schema_is_a_snapshot(string id) =>
        Snapshot.Match(ReportJsonSchema.Generate(TemplateRegistry.Find(id)!), $"Template{id}.schema", "json");

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void The_schema_declares_draft_2020_12_and_every_reference_resolves(string id)
    {
        using var schema = JsonDocument.Parse(ReportJsonSchema.Generate(TemplateRegistry.Find(id)!));
        var root = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var references = new List<string>();
        Collect(root, references);
        Assert.NotEmpty(references);
        foreach (var reference in references)
            Assert.Equal(JsonValueKind.Object, Resolve(root, reference).ValueKind);
    }

    /// <summary>A local reference (<c>#/$defs/Name</c>, the only kind the generated schemas use).</summary>
    private static JsonElement Resolve(JsonElement root, string reference)
    {
        const string prefix = "#/$defs/";
        Assert.StartsWith(prefix, reference);
        return root.GetProperty("$defs").GetProperty(reference.Substring(prefix.Length).Replace("~1", "/").Replace("~0", "~"));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void The_schema_names_every_cell_with_its_label(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        using var schema = JsonDocument.Parse(ReportJsonSchema.Generate(template));
        foreach (var cell in template.Cells)
        {
            var node = schema.RootElement;
            foreach (var name in cell.Path.Split('.'))
            {
                if (node.TryGetProperty("$ref", out var reference))
                    node = Resolve(schema.RootElement, reference.GetString()!);
                node = node.GetProperty("properties").GetProperty(name);
            }

            Assert.Contains(cell.Column.Label, node.GetProperty("description").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_schema_validates_the_json_we_write_for_each_sample(string sample)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "samples", "expected", sample + ".json");
        var report = ReportJson.Deserialize(File.ReadAllText(file));
        var json = ReportJson.Serialize(report, indented: true);
        Assert.Empty(Validate(report.Template, json));
        // The fixture is the document we write, byte for byte (apart from line ends).
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd(), json.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void The_schema_validates_random_reports(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report => Assert.Empty(Validate(template, ReportJson.Serialize(report))), count: 100);
    }

    [Theory]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"newlyReceived\":{\"naturalPersons\":1}}}", "$.applications.newlyReceived.naturalPersons")]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":\"3\"}}}", "$.applications.carriedOver.total")]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"results\":[]}}", "$.applications.results")]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":2147483648}}}", "$.applications.carriedOver.total")]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":1.5}}}", "$.applications.carriedOver.total")]
    [InlineData("2021", "{\"template\":\"2021\",\"applications\":{\"results\":{\"withheld\":{\"stateSecret\":{\"research\":-1}}}}}", "$.applications.results.withheld.stateSecret.research")]
    [InlineData("2021", "{\"template\":\"2021\",\"proactiveDisclosure\":{\"fees\":{\"administrativeFees\":{\"amount\":-0.5}}}}", "$.proactiveDisclosure.fees.administrativeFees.amount")]
    [InlineData("2019", "{\"template\":\"2019\",\"proactiveDisclosure\":{\"procurement\":{\"centralizedProcurement\":{\"amount\":{\"value\":1,\"unit\":\"美元\"}}}}}", "$.proactiveDisclosure.procurement.centralizedProcurement.amount.unit")]
    [InlineData("2019", "{\"template\":\"2019\",\"proactiveDisclosure\":{\"procurement\":{\"centralizedProcurement\":{\"amount\":{\"unit\":\"元\"}}}}}", "$.proactiveDisclosure.procurement.centralizedProcurement.amount")]
    [InlineData("2021", "{\"year\":2021,\"applications\":{}}", "$")]
    [InlineData("2021", "{\"template\":\"2019\"}", "$.template")]
    [InlineData("2021", "{\"template\":\"2021\",\"year\":\"2021\"}", "$.year")]
    [InlineData("2021", "{\"template\":\"2021\",\"year\":1800}", "$.year")]
    public void What_the_reader_refuses_the_schema_refuses_at_the_same_path(string id, string json, string path)
    {
        var template = TemplateRegistry.Find(id)!;
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var error = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(bytes);
            template.ReadJson(ref reader);
        });
        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(Validate(template, json), e => e.StartsWith(path + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_whole_number_written_as_a_decimal_is_an_integer_for_both()
    {
        const string json = "{\"template\":\"2021\",\"applications\":{\"carriedOver\":{\"total\":3.0}}}";
        Assert.Empty(Validate(Report2021.Template, json));
        Assert.Equal(3, ((Report2021)ReportJson.Deserialize(json)).Applications.CarriedOver.Total);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Json.Schema.JsonSchema> Schemas = new();

    /// <summary>The errors of <paramref name="json"/> against the template's schema, evaluated by JsonSchema.Net (draft 2020-12), as <c>$.path: message</c>.</summary>
    private static List<string> Validate(ReportTemplate template, string json)
    {
        // One schema object per template: its $id is registered once.
        var schema = Schemas.GetOrAdd(template.Id, _ => Json.Schema.JsonSchema.FromText(ReportJsonSchema.Generate(template)));
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        if (results.IsValid)
            return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => JsonPath(d.InstanceLocation.ToString()) + ": " + e.Key + " " + e.Value)).ToList();
    }

    /// <summary>A JSON Pointer (<c>/applications/results</c>) as the reader's paths write it (<c>$.applications.results</c>).</summary>
    private static string JsonPath(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p.Replace("~1", "/").Replace("~0", "~")));

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == "$ref")
                    references.Add(member.Value.GetString()!);
                Collect(member.Value, references);
            }
        }
    }

}
