using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Generators.Parsing;
using Xunit;

namespace GovInfoReports.Generators.Tests;

/// <summary>
/// schema/template.schema.json (what editors complete and validate against) and the generator's parser
/// (what the build accepts) must describe the same members, or template authors are misled.
/// </summary>
public sealed class SchemaFileTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(GeneratorHarness.SchemaDirectory, "template.schema.json"))).RootElement;

    [Theory]
    [InlineData("", nameof(TemplateParser.TemplateMembers))]
    [InlineData("section", nameof(TemplateParser.SectionMembers))]
    [InlineData("table", nameof(TemplateParser.TableMembers))]
    [InlineData("column", nameof(TemplateParser.ColumnMembers))]
    [InlineData("row", nameof(TemplateParser.RowMembers))]
    [InlineData("rule", nameof(TemplateParser.RuleMembers))]
    public void Schema_and_parser_know_the_same_members(string definition, string parserList)
    {
        var node = definition.Length == 0 ? Schema : Schema.GetProperty("$defs").GetProperty(definition);
        var schemaMembers = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").OrderBy(n => n);
        var parserMembers = ((string[])typeof(TemplateParser).GetField(parserList, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!.GetValue(null)!).OrderBy(n => n);
        Assert.Equal(parserMembers, schemaMembers);
        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Official_templates_reference_the_schema(string id)
    {
        using var template = JsonDocument.Parse(GeneratorHarness.ReadTemplate(id));
        Assert.Equal("./template.schema.json", template.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
    }
}
