using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GovInfoReports.Tests;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords the generated report schemas use, as
/// no validator package restores here. It refuses any keyword it does not implement, so a schema that
/// grows a new keyword fails the tests instead of being half-checked. Keywords: $ref (to #/$defs/…),
/// type, const, enum, minimum, maximum, required, properties, additionalProperties; annotations
/// ($schema, $id, title, description, $defs) are ignored as the specification says.
/// </summary>
internal sealed class MiniJsonSchema
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description", "$defs" };
    private readonly JsonElement _root;

    public MiniJsonSchema(JsonElement root) => _root = root;

    /// <summary>Every keyword used anywhere in the schema (to check that all are implemented).</summary>
    public static IEnumerable<string> KeywordsOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var keyword in schema.EnumerateObject())
        {
            yield return keyword.Name;
            IEnumerable<JsonElement> subschemas = keyword.Name switch
            {
                "properties" or "$defs" => Values(keyword.Value),
                "additionalProperties" => new[] { keyword.Value },
                _ => Array.Empty<JsonElement>(),
            };
            foreach (var sub in subschemas)
                foreach (var name in KeywordsOf(sub))
                    yield return name;
        }

        static IEnumerable<JsonElement> Values(JsonElement obj)
        {
            foreach (var p in obj.EnumerateObject())
                yield return p.Value;
        }
    }

    /// <summary>The validation errors of <paramref name="instance"/>, each with its JSON path; empty when valid.</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    public JsonElement Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
            throw new NotSupportedException("Only local #/$defs/ references are supported: " + reference);
        return _root.GetProperty("$defs").GetProperty(reference.Substring(prefix.Length).Replace("~1", "/").Replace("~0", "~"));
    }

    private void Check(JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return;
            case JsonValueKind.False:
                errors.Add(path + ": not allowed");
                return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(value.GetString()!), instance, path, errors);
                    break;
                case "type":
                    if (!TypeMatches(value, instance))
                        errors.Add($"{path}: {instance.ValueKind} is not of type {value.GetRawText()}");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(value, instance))
                        errors.Add($"{path}: {instance.GetRawText()} is not {value.GetRawText()}");
                    break;
                case "enum":
                    bool any = false;
                    foreach (var option in value.EnumerateArray())
                        any |= JsonElement.DeepEquals(option, instance);
                    if (!any)
                        errors.Add($"{path}: {instance.GetRawText()} is not one of {value.GetRawText()}");
                    break;
                case "minimum":
                    if (instance.ValueKind == JsonValueKind.Number && Number(instance) < Number(value))
                        errors.Add($"{path}: {instance.GetRawText()} < {value.GetRawText()}");
                    break;
                case "maximum":
                    if (instance.ValueKind == JsonValueKind.Number && Number(instance) > Number(value))
                        errors.Add($"{path}: {instance.GetRawText()} > {value.GetRawText()}");
                    break;
                case "required":
                    if (instance.ValueKind == JsonValueKind.Object)
                        foreach (var name in value.EnumerateArray())
                            if (!instance.TryGetProperty(name.GetString()!, out _))
                                errors.Add($"{path}: the member {name.GetString()} is required");
                    break;
                case "properties":
                    if (instance.ValueKind == JsonValueKind.Object)
                        foreach (var member in instance.EnumerateObject())
                            if (value.TryGetProperty(member.Name, out var sub))
                                Check(sub, member.Value, path + "." + member.Name, errors);
                    break;
                case "additionalProperties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        bool hasProperties = schema.TryGetProperty("properties", out var properties);
                        foreach (var member in instance.EnumerateObject())
                            if (!hasProperties || !properties.TryGetProperty(member.Name, out _))
                                Check(value, member.Value, path + "." + member.Name, errors);
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                        throw new NotSupportedException($"The keyword {keyword.Name} is not implemented by this validator.");
                    break;
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement instance)
    {
        if (type.ValueKind == JsonValueKind.String)
            return Is(type.GetString()!, instance);
        foreach (var t in type.EnumerateArray())
            if (Is(t.GetString()!, instance))
                return true;
        return false;
    }

    private static bool Is(string type, JsonElement instance) => type switch
    {
        "null" => instance.ValueKind == JsonValueKind.Null,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        // 2020-12: a number with a zero fractional part is an integer (1.0 is).
        "integer" => instance.ValueKind == JsonValueKind.Number && (instance.TryGetDecimal(out var d) ? decimal.Truncate(d) == d : Math.Floor(instance.GetDouble()) == instance.GetDouble()),
        _ => throw new NotSupportedException("Unknown type " + type),
    };

    private static double Number(JsonElement number) => number.GetDouble();
}
