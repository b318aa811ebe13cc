using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using GovInfoReports.Templates;

namespace GovInfoReports.Serialization;

/// <summary>
/// Reads and writes report documents of any registered template — packaged or added by a user
/// project — choosing the template from the document's <c>template</c> member. Uses the generated
/// converters: no reflection, trimming- and AOT-safe. (For a known type, plain
/// <c>JsonSerializer.Serialize(report)</c> / <c>JsonSerializer.Deserialize&lt;Report2021&gt;(json)</c> does the same.)
/// </summary>
/// <remarks>
/// A document is an object: <c>{"template": "2021", "year": 2021, "agency": "…", "proactiveDisclosure": {…}, "applications": {…}, "reviews": {…}}</c>;
/// member names are the template's ids, a blank cell is <c>null</c>. Reading is strict: an unknown or
/// duplicate member, a value of the wrong JSON type, an integer overflow, a negative count and a missing
/// or unknown <c>template</c> member each throw a <see cref="JsonException"/> whose message starts with the JSON path.
/// </remarks>
public static class ReportJson
{
    /// <summary>Reads a report document, whatever its template.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The typed report (e.g. a <c>Report2021</c>).</returns>
    /// <exception cref="JsonException">The document is not valid JSON or not a valid report.</exception>
    public static IReport Deserialize(string json) =>
        Deserialize(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a UTF-8 report document, whatever its template.</summary>
    /// <remarks>
    /// A document laid out as the converters write it (members in the template's order, compact or indented) is
    /// read in one pass over its bytes (<see cref="ReportTemplate.TryReadCanonicalJson"/>); any other valid document
    /// is read with <see cref="Utf8JsonReader"/>, and an invalid one gets that reader's error. A leading byte order
    /// mark is skipped.
    /// </remarks>
    /// <param name="utf8Json">The document as UTF-8.</param>
    /// <returns>The typed report.</returns>
    /// <exception cref="JsonException">The document is not valid JSON or not a valid report.</exception>
    public static IReport Deserialize(ReadOnlySpan<byte> utf8Json) => Deserialize(utf8Json, TemplateRegistry.All);

    /// <summary>
    /// Reads a report document of one of <paramref name="templates"/> (for example the registered ones and templates
    /// loaded at run time with <see cref="ReportTemplate.Load(string)"/>), chosen by its <c>template</c> member.
    /// </summary>
    /// <param name="utf8Json">The document as UTF-8.</param>
    /// <param name="templates">The templates the document may be of.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The document is not a valid report of any of the templates; the message names the JSON path.</exception>
    public static IReport Deserialize(ReadOnlySpan<byte> utf8Json, IReadOnlyList<ReportTemplate> templates)
    {
        if (templates is null)
            throw new ArgumentNullException(nameof(templates));
        // A byte order mark, as Windows editors save UTF-8 (JsonSerializer skips it too).
        if (utf8Json.StartsWith("\uFEFF"u8))
            utf8Json = utf8Json.Slice(3);

        try
        {
            // A document as the converters write it is read in one pass over its bytes; any other goes to the tokenizer.
            foreach (var candidate in templates)
                if (candidate.TryReadCanonicalJson(utf8Json) is { } fast)
                    return fast;

            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            var template = FindTemplate(reader, templates);
            var report = template.ReadJson(ref reader);
            if (reader.Read())
                throw ReportJsonReader.Error("$", "文档结束后还有内容 / there is more content after the report document");
            return report;
        }
        catch (JsonException ex) when (ex.Path is null)
        {
            // The reader's own syntax errors carry no path: give them the document's.
            throw ReportJsonReader.Error("$", "不是有效的 JSON / not valid JSON: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reads a string's bytes only when asked for it: invalid UTF-8 or a lone surrogate escape
            // (\ud800) surfaces then, as InvalidOperationException. It is the document's fault, like any syntax error.
            throw ReportJsonReader.Error("$", "字符串不是有效的 UTF-8 或 UTF-16 / a string is not valid UTF-8 or UTF-16: " + ex.Message);
        }
    }

    /// <summary>Writes a report document as UTF-8 JSON.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public static byte[] SerializeToUtf8Bytes(IReport report, bool indented = false)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            report.Template.WriteJson(writer, report);
        return buffer.ToArray();
    }

    /// <summary>Writes a report document as a JSON string (Chinese text unescaped).</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public static string Serialize(IReport report, bool indented = false) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(report, indented));

    // Looks ahead (on a copy of the reader) for the top-level "template" member.
    private static ReportTemplate FindTemplate(Utf8JsonReader reader, IReadOnlyList<ReportTemplate> templates)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw ReportJsonReader.Error("$", "报告文档应为 JSON 对象 / a report document is a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isTemplate = reader.ValueTextEquals("template"u8);
            reader.Read();
            if (!isTemplate)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
                throw ReportJsonReader.WrongType(ref reader, "$.template", "a string (the template id)");
            var id = reader.GetString()!;
            foreach (var template in templates)
                if (string.Equals(template.Id, id, StringComparison.Ordinal))
                    return template;
            throw ReportJsonReader.Error("$.template", $"未知模板 \"{id}\" / unknown template \"{id}\"; known: {string.Join(", ", Ids(templates))}");
        }

        throw ReportJsonReader.Error("$", "缺少 template 成员 / the document has no \"template\" member");
    }

    private static string[] Ids(IReadOnlyList<ReportTemplate> all)
    {
        var ids = new string[all.Count];
        for (int i = 0; i < ids.Length; i++)
            ids[i] = all[i].Id;
        return ids;
    }
}
