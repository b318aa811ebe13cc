using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Templates;

namespace GovInfoReports.Serialization;

/// <summary>
/// Report documents of a template that has no generated converter (a template loaded at run time), read and written
/// from its descriptor: the same document the generated converters write (members in template order, a blank cell as
/// null, an amount of a column without a fixed unit as <c>{"value", "unit"}</c>), and as strict when reading (unknown
/// or repeated members, wrong types, negative counts and other templates' documents are errors naming the JSON path).
/// </summary>
internal static class DescriptorJson
{
    public static void Write(Utf8JsonWriter writer, IReport report)
    {
        var template = report.Template;
        writer.WriteStartObject();
        writer.WriteString("template", template.Id);
        if (report.Year is { } year)
            writer.WriteNumber("year", year);
        else
            writer.WriteNull("year");
        if (report.Agency is { } agency)
            writer.WriteString("agency", agency);
        else
            writer.WriteNull("agency");

        // Cells in index order are the depth-first walk of sections, tables, rows and columns (CellOrder).
        int next = 0;
        foreach (var section in template.Sections)
        {
            writer.WritePropertyName(section.Id);
            if (section.IsSingleTable)
            {
                WriteRows(writer, report, section.Tables[0], section.Tables[0].Rows, ref next);
                continue;
            }

            writer.WriteStartObject();
            foreach (var table in section.Tables)
            {
                writer.WritePropertyName(table.Id);
                WriteRows(writer, report, table, table.Rows, ref next);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter writer, IReport report, TableDescriptor table, IReadOnlyList<RowDescriptor> rows, ref int next)
    {
        writer.WriteStartObject();
        foreach (var row in rows)
        {
            writer.WritePropertyName(row.Id);
            if (row.IsGroup)
            {
                WriteRows(writer, report, table, row.Children, ref next);
                continue;
            }

            writer.WriteStartObject();
            foreach (var column in table.Columns)
            {
                writer.WritePropertyName(column.Id);
                WriteValue(writer, column, report.GetCell(next++));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, ColumnDescriptor column, CellValue value)
    {
        if (value.IsBlank)
        {
            writer.WriteNullValue();
            return;
        }

        if (column.Kind != ValueKind.Amount)
        {
            writer.WriteNumberValue(value.ToInt32()!.Value);
        }
        else if (column.HasReportedUnit)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", value.Number!.Value);
            if (value.Unit == AmountUnit.Unknown)
                writer.WriteNull("unit");
            else
                writer.WriteString("unit", value.Unit.ToSymbol());
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNumberValue(value.ToDecimal(column.AmountUnit)!.Value);
        }
    }

    public static IReport Read(ref Utf8JsonReader reader, ReportTemplate template)
    {
        if (reader.TokenType == JsonTokenType.None)
            ReportJsonReader.Next(ref reader, "$");
        ReportJsonReader.ExpectObject(ref reader, "$");
        var cells = new CellValue[template.Cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool seenTemplate = false;
        int? year = null;
        string? agency = null;
        while (ReportJsonReader.Next(ref reader, "$") == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Once(seen, name, "$");
            ReportJsonReader.Next(ref reader, "$");
            switch (name)
            {
                case "template":
                    seenTemplate = true;
                    ReportJsonReader.ReadTemplateId(ref reader, template.Id);
                    break;
                case "year":
                    year = ReportJsonReader.ReadYear(ref reader);
                    break;
                case "agency":
                    agency = ReportJsonReader.ReadAgency(ref reader);
                    break;
                default:
                    var section = template.FindSection(name) ?? throw Unknown(name, "$", Members(template));
                    ReadSection(ref reader, template, section, cells);
                    break;
            }
        }

        if (!seenTemplate)
            throw ReportJsonReader.Error("$", $"缺少 template 成员 / the document has no \"template\" member (expected \"{template.Id}\")");
        return template.CreateReport(cells, year, agency);
    }

    private static void ReadSection(ref Utf8JsonReader reader, ReportTemplate template, SectionDescriptor section, CellValue[] cells)
    {
        string path = "$." + section.Id;
        if (section.IsSingleTable)
        {
            ReadRows(ref reader, section.Tables[0], section.Tables[0].Rows, path, section.Tables[0].Path, cells, template);
            return;
        }

        ReportJsonReader.ExpectObject(ref reader, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReportJsonReader.Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            TableDescriptor? table = null;
            foreach (var candidate in section.Tables)
                if (candidate.Id == name)
                    table = candidate;
            if (table is null)
                throw Unknown(name, path, string.Join(", ", section.Tables.Select(t => t.Id)));
            Once(seen, name, path);
            ReportJsonReader.Next(ref reader, path);
            ReadRows(ref reader, table, table.Rows, path + "." + name, table.Path, cells, template);
        }
    }

    private static void ReadRows(ref Utf8JsonReader reader, TableDescriptor table, IReadOnlyList<RowDescriptor> rows, string path, string idPath, CellValue[] cells, ReportTemplate template)
    {
        ReportJsonReader.ExpectObject(ref reader, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReportJsonReader.Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            RowDescriptor? row = null;
            foreach (var candidate in rows)
                if (candidate.Id == name)
                    row = candidate;
            if (row is null)
                throw Unknown(name, path, string.Join(", ", rows.Select(r => r.Id)));
            Once(seen, name, path);
            ReportJsonReader.Next(ref reader, path);
            string rowPath = path + "." + name;
            if (row.IsGroup)
            {
                ReadRows(ref reader, table, row.Children, rowPath, idPath + "." + name, cells, template);
                continue;
            }

            ReportJsonReader.ExpectObject(ref reader, rowPath);
            var seenColumns = new HashSet<string>(StringComparer.Ordinal);
            while (ReportJsonReader.Next(ref reader, rowPath) == JsonTokenType.PropertyName)
            {
                var columnId = reader.GetString()!;
                var cell = template.FindCell(idPath + "." + name + "." + columnId)
                    ?? throw Unknown(columnId, rowPath, string.Join(", ", table.Columns.Select(c => c.Id)));
                Once(seenColumns, columnId, rowPath);
                ReportJsonReader.Next(ref reader, rowPath);
                cells[cell.Index] = ReadValue(ref reader, cell.Column, rowPath, columnId);
            }
        }
    }

    private static CellValue ReadValue(ref Utf8JsonReader reader, ColumnDescriptor column, string parent, string name) => column.Kind switch
    {
        ValueKind.Count => CellValue.FromInt32(ReportJsonReader.ReadCount(ref reader, parent, name)),
        ValueKind.SignedCount => CellValue.FromInt32(ReportJsonReader.ReadSignedCount(ref reader, parent, name)),
        _ when column.HasReportedUnit => CellValue.FromAmount(ReportJsonReader.ReadAmount(ref reader, parent, name)),
        _ => CellValue.FromDecimal(ReportJsonReader.ReadDecimal(ref reader, parent, name), column.AmountUnit),
    };

    // A repeated member is an error, as in the generated readers.
    private static void Once(HashSet<string> seen, string name, string path)
    {
        bool again = !seen.Add(name);
        ReportJsonReader.CheckFirst(ref again, path, name);
    }

    private static string Members(ReportTemplate template) =>
        "template, year, agency, " + string.Join(", ", template.Sections.Select(s => s.Id));

    private static JsonException Unknown(string name, string path, string expected) =>
        ReportJsonReader.Error(path + "." + name, $"未知成员 \"{name}\" / unknown member \"{name}\"; expected one of: {expected}");
}
