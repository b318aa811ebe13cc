using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Serialization;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Batch;

/// <summary>What a command needs kept of each file besides its findings.</summary>
internal enum Keep
{
    /// <summary>Findings only (validate).</summary>
    Findings,

    /// <summary>The report and its statuses (export, cross-year checks).</summary>
    Report,

    /// <summary>The report as a JSON document (extract).</summary>
    Json,
}

/// <summary>Reads, extracts and validates one file. Thread-safe: one instance serves every worker.</summary>
internal sealed class FileAnalyzer
{
    private readonly ReadOptions _read;
    private readonly ValidationOptions _validation;
    private readonly Keep _keep;
    private readonly bool _validate;
    private readonly bool _indentJson;
    private readonly Suppressions _suppressions;
    private readonly bool _sources;

    public FileAnalyzer(ReadOptions read, ValidationOptions validation, Keep keep, bool validate, bool indentJson, Suppressions suppressions, bool sources = false, bool prose = false)
    {
        _prose = prose;
        _sources = sources;
        _validate = validate;
        _read = read;
        _validation = validation;
        _keep = keep;
        _indentJson = indentJson;
        _suppressions = suppressions;
    }

    private readonly bool _prose;

    public MessageLanguage Language => _validation.Language;

    public FileResult Analyze(InputFile input)
    {
        var result = new FileResult(input.Index, input.Display);
        try
        {
            AnalyzeText(input, result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.Unreadable = true;
            Add(result, Input("IN01", Severity.Error, Text.Of(_validation.Language, "无法读取文件：" + ex.Message, "The file cannot be read: " + ex.Message), result));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours in one file must not end a run over thousands: it is that file's error row.
            result.Findings.Clear();
            result.Fingerprints.Clear();
            Add(result, Input("IN99", Severity.Error, Text.Of(_validation.Language, "内部错误：" + ex.GetType().Name + ": " + ex.Message, "Internal error: " + ex.GetType().Name + ": " + ex.Message), result));
        }

        return result;
    }

    private void AnalyzeText(InputFile input, FileResult result)
    {
        if (input.Problem is { } problem)
        {
            // Found while the folders were walked (an unreadable folder, a name that is not valid UTF-8, a format the
            // tool does not read): nothing to open.
            result.Unreadable = !problem.Unsupported;
            result.Unsupported = problem.Unsupported;
            Add(result, Input(problem.Code, problem.Unsupported ? Severity.Warning : Severity.Error, Text.Of(_validation.Language, problem.Chinese, problem.English), result));
            return;
        }

        var loaded = ReportDocument.Load(input.Path);
        result.Encoding = loaded.Encoding;
        var language = _validation.Language;
        if (loaded.Document is not { } document)
        {
            // Each problem is one clear row of the file; the run carries on.
            string code = loaded.Problem switch
            {
                DocumentProblem.Empty => "IN02",
                DocumentProblem.Binary => "IN03",
                DocumentProblem.Corrupt => "IN04",
                DocumentProblem.NotAFile => "IN07",
                DocumentProblem.NeedsOcr => "IN10",
                DocumentProblem.Encrypted => "IN11",
                _ => "IN05",
            };
            Add(result, Input(code, Severity.Error, loaded.Message(language)!, result));
            return;
        }

        if (document.Kind == DocumentKind.Pdf && loaded.MessageZh is not null)
        {
            // Some pages are images only (scanned): what is on them is not read.
            Add(result, Input("IN10", Severity.Warning, loaded.Message(language)!, result));
        }

        if (loaded.InvalidSequences > 0)
        {
            // Read as the UTF-8 it is, the damaged places shown as U+FFFD: a warning, as a value there may be lost.
            Add(result, Input("IN06", Severity.Warning, Text.Of(language,
                $"文件中有 {loaded.InvalidSequences} 处无效的 UTF-8 字节，已替换为 U+FFFD 后读取。",
                $"The file has {loaded.InvalidSequences} invalid UTF-8 byte sequence(s); they were replaced by U+FFFD and the file was read."), result));
        }

        var read = ReportReader.Read(document, _read);
        result.Template = read.TemplateId;
        result.Year = read.Year;
        result.Agency = read.Agency;
        if (read.Template is { } template)
        {
            result.TotalCells = template.Cells.Count;
            foreach (var status in read.Statuses)
                if (status == CellStatus.Missing)
                    result.MissingCells++;
        }

        result.Complete = read.Report is not null && read.IsComplete;
        result.BlankForm = read.Report is not null && !read.HoldsValues;

        foreach (var finding in read.Findings)
        {
            var source = finding.Issue switch
            {
                ExtractionIssue.NotAReport or ExtractionIssue.NoTableValues or ExtractionIssue.BlankForm => FindingSource.Input,
                ExtractionIssue.TemplateYearMismatch or ExtractionIssue.MixedTemplates => FindingSource.Report,
                _ => FindingSource.Extraction,
            };
            var cells = finding.Cells.Select(c => c.Path).ToList();

            // Without cells, what the finding is about is its text where it stands.
            string context = finding.Text + (cells.Count == 0 && finding.Position is { } at ? "@" + at.ToString() : "");
            Add(result, new ToolFinding(finding.Code, finding.Severity, source, finding.Message, cells, finding.Position,
                ToolFinding.Compute(finding.Code, result.Template, result.Agency, result.File, result.Year, cells, context))
            {
                Box = finding.Position is { } position ? document.BoxAt(position) : null,
            });
        }

        if (read.Report is not { } report)
            return;

        // Where each cell was read: for the findings' lines, and kept for cross-year findings.
        var positions = read.Positions;
        if (_validate)
        {
            foreach (var finding in read.Validate(_validation))
                Add(result, FromValidation(finding, result, positions, read.BoxOf));

            // The prose against the tables (the templates' narrative facts): the report's problem, at the prose's place.
            foreach (var finding in read.CheckNarrative(_validation))
            {
                var cells = finding.Cells.Select(c => c.Path).ToList();
                Add(result, new ToolFinding(finding.RuleId, finding.Severity, FindingSource.Report, finding.Message, cells, finding.Statement.Position,
                    ToolFinding.Compute(finding.RuleId, result.Template, result.Agency, result.File, result.Year, cells, finding.Statement.Text)));
            }

            // The required parts of the text (一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项).
            foreach (var finding in read.CheckParts(_validation))
                Add(result, new ToolFinding(finding.RuleId, finding.Severity, FindingSource.Report, finding.Message, Array.Empty<string>(), finding.Location?.Position,
                    ToolFinding.Compute(finding.RuleId, result.Template, result.Agency, result.File, result.Year, Array.Empty<string>(), finding.IsEmpty ? "empty" : "missing")));
        }

        if (_prose)
            result.Prose = Prose(document.Text, positions);

        if (_keep == Keep.Report)
        {
            result.Report = report;
            result.Statuses = read.Statuses;
            // A copy: the read's own list keeps the file's text alive, and kept reports last the whole batch.
            result.Positions = positions.ToArray();
        }
        else if (_keep == Keep.Json)
        {
            result.Json = ReportJson.Serialize(report, _indentJson);
            if (_sources)
                result.Sources = Sources(read);
        }
    }

    /// <summary>
    /// The report's prose, for the comparison of an agency's texts from year to year: its lines of ten characters or
    /// more outside the tables (before the first line that holds a cell's value and after the last).
    /// </summary>
    private static string Prose(string text, IReadOnlyList<SourcePosition?> positions)
    {
        int first = int.MaxValue, last = 0;
        foreach (var position in positions)
            if (position is { } p)
            {
                first = Math.Min(first, p.Line);
                last = Math.Max(last, p.Line);
            }

        var prose = new System.Text.StringBuilder();
        int number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length >= 10 && (number < first || number > last))
                prose.Append(trimmed).Append('\n');
        }

        return prose.ToString();
    }

    /// <summary>
    /// Where each cell was read, by cell path: for a PDF its page and box (<c>{"page", "box": [left, top, right, bottom]}</c>,
    /// points from the page's top left), else its line and column. Cells not found in the file are not listed.
    /// </summary>
    private static string Sources(ReadResult read) => Output.ResultWriter.Json(json =>
    {
        json.WriteStartObject();
        foreach (var cell in read.Cells)
        {
            if (cell.Position is not { } position)
                continue;
            json.WriteStartObject(cell.Cell.Path);
            if (cell.Box is { } box)
            {
                Output.ResultWriter.WritePageBox(json, box);
            }
            else
            {
                json.WriteNumber("line", position.Line);
                json.WriteNumber("column", position.Column);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    });

    /// <summary>A validator's finding as the tool reports it: a failed rule is the report's problem, a rule not assessable (cells missing) the extraction's.</summary>
    public static ToolFinding FromValidation(ValidationFinding finding, FileResult result, IReadOnlyList<SourcePosition?> positions, Func<int, GovInfoReports.Documents.PageBox?>? boxes = null)
    {
        var cells = finding.Cells.Select(c => (c.IsPrevious ? "previous." : "") + c.Cell.Path).ToList();
        SourcePosition? position = null;
        GovInfoReports.Documents.PageBox? box = null;
        foreach (var cell in finding.Cells)
        {
            if (!cell.IsPrevious && cell.Cell.Index < positions.Count && positions[cell.Cell.Index] is { } p)
            {
                position = p;
                box = boxes?.Invoke(cell.Cell.Index);
                break;
            }
        }

        // A rule that cannot be checked because cells could not be read is the extraction's uncertainty, not evidence
        // that the report is wrong: it is a warning, whatever the rule's own severity, and never an error.
        bool notAssessable = finding.Kind == FindingKind.NotAssessable;
        var source = notAssessable ? FindingSource.Extraction : FindingSource.Report;
        var severity = notAssessable && finding.Severity == Severity.Error ? Severity.Warning : finding.Severity;
        return new ToolFinding(finding.RuleId, severity, source, finding.Message, cells, position,
            ToolFinding.Compute(finding.RuleId, result.Template, result.Agency, result.File, result.Year, cells, finding.Context))
        {
            Box = box,
        };
    }

    /// <summary>Adds <paramref name="finding"/> unless the suppression file names it.</summary>
    public void Add(FileResult result, ToolFinding finding)
    {
        // Two findings of one file never share a fingerprint: a repeat gets its occurrence number, in the stable finding
        // order. The search for a free number resumes where the last repeat of the same fingerprint left it (linear in
        // the findings: a file of 128,000 repeated rows was quadratic here).
        var fingerprints = result.Fingerprints;
        string first = finding.Fingerprint;
        if (fingerprints.TryGetValue(first, out int occurrence))
        {
            string fingerprint;
            do
            {
                fingerprint = ToolFinding.Compute(finding.Rule, result.Template, result.Agency, result.File, result.Year, finding.Cells, "#" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                occurrence++;
            }
            while (fingerprints.ContainsKey(fingerprint));
            fingerprints[first] = occurrence;
            finding = finding with { Fingerprint = fingerprint };
        }

        // Counted whether suppressed or not, so that the k-th repeat has the same fingerprint whatever is suppressed.
        fingerprints.TryAdd(finding.Fingerprint, 2);
        if (_suppressions.Contains(finding.Fingerprint))
            result.Suppressed++;
        else
            result.Findings.Add(finding);
    }

    private static ToolFinding Input(string code, Severity severity, string message, FileResult result) =>
        new(code, severity, FindingSource.Input, message, Array.Empty<string>(), null,
            ToolFinding.Compute(code, null, null, result.File, null, Array.Empty<string>(), null));
}

/// <summary>Picks the message text of the chosen language.</summary>
internal static class Text
{
    public static string Of(MessageLanguage language, string chinese, string english) =>
        language == MessageLanguage.English ? english : chinese;
}
