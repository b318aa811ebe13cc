using System.Text.Json;

namespace GovInfoReports.Serialization;

/// <summary>
/// The scalar writes the generated JSON converters are made of. A blank cell is written as
/// <c>null</c>, never dropped and never 0; amounts keep their decimal digits.
/// Public for generated code in user assemblies; not meant to be called directly.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText UnitName = JsonEncodedText.Encode("unit");

    /// <summary>Writes a count (or null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded member name.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    /// <summary>Writes an amount in the template's unit (or null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded member name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    /// <summary>Writes an amount with its unit, <c>{"value": 67.74, "unit": "万元"}</c> (or null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded member name.</param>
    /// <param name="value">The value.</param>
    public static void WriteAmount(Utf8JsonWriter writer, JsonEncodedText name, Amount? value)
    {
        if (value is not { } amount)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber(ValueName, amount.Value);
        switch (amount.Unit)
        {
            case AmountUnit.Yuan:
                // Unit words as strings, not pre-encoded: the writer's encoder decides whether to escape them.
                writer.WriteString(UnitName, "元");
                break;
            case AmountUnit.TenThousandYuan:
                writer.WriteString(UnitName, "万元");
                break;
            default:
                writer.WriteNull(UnitName);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an optional string (or null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded member name.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
