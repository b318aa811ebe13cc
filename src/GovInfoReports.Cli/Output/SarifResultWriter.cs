using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Cli.Batch;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// <c>validate --format sarif</c>: one SARIF 2.1.0 log, so that findings show in code-scanning tools. Each finding
/// is a result with its rule, level, message, the file and (when known) the line and column, the fingerprint as a
/// partial fingerprint, and whose problem it is as a property. Written at the end of the run (SARIF is one document).
/// </summary>
internal sealed class SarifResultWriter : ResultWriter
{
    private readonly List<(FileResult File, ToolFinding Finding)> _results = new();
    private readonly Dictionary<string, (string? Template, ToolFinding Finding)> _rules = new(StringComparer.Ordinal);

    public SarifResultWriter(TextWriter writer)
        : base(writer)
    {
    }

    public override void Write(FileResult result)
    {
        foreach (var finding in result.Findings)
        {
            _results.Add((result, finding));
            _rules.TryAdd(finding.Rule, (result.Template, finding));
        }

        result.Report = null;
    }

    public override void End()
    {
        var rules = _rules.Keys.Order(StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        Writer.WriteLine(Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "govinfo");
            json.WriteString("version", typeof(SarifResultWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var id in rules)
            {
                var (template, finding) = _rules[id];
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", Describe(id, template));
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(finding));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var (file, finding) in _results)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule);
                json.WriteNumber("ruleIndex", ruleIndex[finding.Rule]);
                json.WriteString("level", Level(finding));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(file.File));
                json.WriteEndObject();
                if (finding.Box is { } box)
                {
                    // A PDF has no lines to point at: the page and the box (points from the page's top left) go in the
                    // location's property bag, as SARIF allows on every object.
                    json.WriteStartObject("properties");
                    ResultWriter.WritePageBox(json, box);
                    json.WriteEndObject();
                }
                else if (finding.Position is { } position)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", position.Line);
                    json.WriteNumber("startColumn", position.Column);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString("govinfo/v1", finding.Fingerprint);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("source", finding.SourceText);
                json.WriteStartArray("cells");
                foreach (var cell in finding.Cells)
                    json.WriteStringValue(cell);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }, indented: true));
    }

    private static string Level(ToolFinding finding) => finding.Severity switch
    {
        Validation.Severity.Error => "error",
        Validation.Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI reference for a path: '/' separators, each segment percent-encoded.</summary>
    private static string Uri(string path) =>
        string.Join("/", path.Replace('\\', '/').Split('/').Select(segment => segment is "." or ".." ? segment : System.Uri.EscapeDataString(segment)));

    private static string Describe(string id, string? template)
    {
        if (template is not null && TemplateRegistry.Find(template) is { } t && t.Rules.FirstOrDefault(r => r.Id == id) is { } rule)
            return $"{rule.Id}: {rule.Assert}";
        if (Enum.GetValues<ExtractionIssue>().FirstOrDefault(i => i.Code() == id) is var issue && issue.Code() == id)
            return $"{id}: {issue}";
        return id switch
        {
            "IN01" => "IN01: the file cannot be read",
            "IN02" => "IN02: the file is empty",
            "IN03" => "IN03: the file is not text, a web page or a Word document",
            "IN04" => "IN04: the Word document or PDF is corrupt",
            "IN05" => "IN05: the file is too large",
            "IN06" => "IN06: invalid UTF-8 bytes were replaced",
            "IN07" => "IN07: not a regular file (named pipe, device or socket)",
            "IN08" => "IN08: a folder cannot be read",
            "IN09" => "IN09: a file name that is not valid UTF-8",
            "IN10" => "IN10: a scanned PDF (pages that are images only) needs OCR",
            "IN11" => "IN11: the PDF needs a password to open",
            "IN99" => "IN99: internal error while reading the file",
            _ => id,
        };
    }
}
