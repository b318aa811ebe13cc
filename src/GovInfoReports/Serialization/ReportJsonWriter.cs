using System.ComponentModel;
using System.Text.Json;

namespace GovInfoReports.Serialization;

/// <summary>
/// The writes of the report document's own members that generated converters share; the sections'
/// cells go through <see cref="JsonChunkWriter"/>. A missing value is written as <c>null</c>, never dropped.
/// Public for generated code in user assemblies; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportJsonWriter
{
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
