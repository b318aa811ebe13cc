using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoReports.Templates;

namespace GovInfoReports.Serialization;

/// <summary>
/// The JSON Schema (draft 2020-12) of a template's report documents, built from the descriptor, so that
/// tools outside .NET can validate the JSON this library writes and reads. It states what the generated
/// reader accepts: the <c>template</c> member is required and fixed; every other member may be left out
/// (a missing section, table, row or cell reads as blank); unknown members are refused; counts are
/// whole numbers ≥ 0 within Int32, signed counts any Int32, amounts numbers ≥ 0, and a blank cell is <c>null</c>.
/// </summary>
public static class ReportJsonSchema
{
    /// <summary>The dialect every generated schema declares.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema of <paramref name="template"/>'s report documents, as indented JSON text.</summary>
    /// <param name="template">The template.</param>
    public static string Generate(ReportTemplate template)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, template);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the schema of <paramref name="template"/>'s report documents.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="template">The template.</param>
    public static void Write(Utf8JsonWriter writer, ReportTemplate template)
    {
        if (writer is null)
            throw new ArgumentNullException(nameof(writer));
        if (template is null)
            throw new ArgumentNullException(nameof(template));

        writer.WriteStartObject();
        writer.WriteString("$schema", Dialect);
        writer.WriteString("$id", "urn:govinfo-reports:template:" + template.Id);
        writer.WriteString("title", template.TypeName + ": " + template.Title);
        writer.WriteString("description",
            $"{template.Title}（{template.Basis}），{Years(template)}。A report document of template {template.Id}: member names are the template's ids; a blank cell is null.");
        writer.WriteString("type", "object");
        writer.WriteStartArray("required");
        writer.WriteStringValue("template");
        writer.WriteEndArray();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteStartObject("properties");

        writer.WriteStartObject("template");
        writer.WriteString("description", "模板 / the template id");
        writer.WriteString("const", template.Id);
        writer.WriteEndObject();

        writer.WriteStartObject("year");
        writer.WriteString("description", "报告年度 / the report year, when known");
        Types(writer, "integer", "null");
        writer.WriteNumber("minimum", 1900);
        writer.WriteNumber("maximum", 9999);
        writer.WriteEndObject();

        writer.WriteStartObject("agency");
        writer.WriteString("description", "报告机关 / the reporting agency, when known");
        Types(writer, "string", "null");
        writer.WriteEndObject();

        foreach (var section in template.Sections)
        {
            writer.WriteStartObject(section.Id);
            writer.WriteString("description", section.FullHeading);
            if (section.IsSingleTable)
            {
                WriteRows(writer, section.Tables[0], section.Tables[0].Rows);
            }
            else
            {
                ObjectStart(writer);
                foreach (var table in section.Tables)
                {
                    writer.WriteStartObject(table.Id);
                    if (table.Caption is { } caption)
                        writer.WriteString("description", caption);
                    WriteRows(writer, table, table.Rows);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        writer.WriteStartObject("$defs");
        WriteValueDefinitions(writer);
        foreach (var table in template.Tables)
        {
            writer.WriteStartObject(RowDefinition(table));
            writer.WriteString("description", "一行 / one row of " + table.Path);
            ObjectStart(writer);
            foreach (var column in table.Columns)
            {
                writer.WriteStartObject(column.Id);
                writer.WriteString("description", Describe(column));
                writer.WriteString("$ref", "#/$defs/" + ValueDefinition(column));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter writer, TableDescriptor table, IReadOnlyList<RowDescriptor> rows)
    {
        ObjectStart(writer);
        foreach (var row in rows)
        {
            writer.WriteStartObject(row.Id);
            writer.WriteString("description", row.FullLabel);
            if (row.IsGroup)
                WriteRows(writer, table, row.Children);
            else
                writer.WriteString("$ref", "#/$defs/" + RowDefinition(table));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // Opens the "properties" of an object schema; the caller closes it.
    private static void ObjectStart(Utf8JsonWriter writer)
    {
        writer.WriteString("type", "object");
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteStartObject("properties");
    }

    private static void WriteValueDefinitions(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("count");
        writer.WriteString("description", "计数 / a count ≥ 0; null when blank");
        Types(writer, "integer", "null");
        writer.WriteNumber("minimum", 0);
        writer.WriteNumber("maximum", int.MaxValue);
        writer.WriteEndObject();

        writer.WriteStartObject("signedCount");
        writer.WriteString("description", "增减 / a signed count (a change); null when blank");
        Types(writer, "integer", "null");
        writer.WriteNumber("minimum", int.MinValue);
        writer.WriteNumber("maximum", int.MaxValue);
        writer.WriteEndObject();

        writer.WriteStartObject("amount");
        writer.WriteString("description", "金额 / an amount ≥ 0 in the column's unit, decimal digits as reported; null when blank");
        Types(writer, "number", "null");
        writer.WriteNumber("minimum", 0);
        writer.WriteEndObject();

        writer.WriteStartObject("amountWithUnit");
        writer.WriteString("description", "金额及单位 / an amount ≥ 0 with the unit the report gave (null when it gave none); null when blank");
        Types(writer, "object", "null");
        writer.WriteStartArray("required");
        writer.WriteStringValue("value");
        writer.WriteEndArray();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteStartObject("properties");
        writer.WriteStartObject("value");
        writer.WriteString("type", "number");
        writer.WriteNumber("minimum", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("unit");
        writer.WriteStartArray("enum");
        writer.WriteStringValue(AmountUnit.Yuan.ToSymbol());
        writer.WriteStringValue(AmountUnit.TenThousandYuan.ToSymbol());
        writer.WriteNullValue();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string ValueDefinition(ColumnDescriptor column) => column.Kind switch
    {
        ValueKind.Count => "count",
        ValueKind.SignedCount => "signedCount",
        _ => column.HasReportedUnit ? "amountWithUnit" : "amount",
    };

    private static string RowDefinition(TableDescriptor table) => table.Path + ".row";

    private static string Describe(ColumnDescriptor column)
    {
        var label = column.Group is { } group ? group + " / " + column.Label : column.Label;
        return column.Unit is { } unit ? label + "（" + unit + "）" : label;
    }

    private static string Years(ReportTemplate template) =>
        template.ToYear is { } to ? $"{template.FromYear}–{to} 年度报告" : $"{template.FromYear} 年度起的报告";

    private static void Types(Utf8JsonWriter writer, string first, string second)
    {
        writer.WriteStartArray("type");
        writer.WriteStringValue(first);
        writer.WriteStringValue(second);
        writer.WriteEndArray();
    }
}
