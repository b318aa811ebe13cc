using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using GovInfoReports.Extraction;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Batch;

/// <summary>Whose problem a finding is.</summary>
internal enum FindingSource
{
    /// <summary>The report's: its numbers do not add up, or it uses the wrong format.</summary>
    Report,

    /// <summary>The extraction's: a cell could not be read with certainty, so a check could not be made.</summary>
    Extraction,

    /// <summary>The input file's: it cannot be read, is empty, is not text, or holds no report.</summary>
    Input,
}

/// <summary>One finding about one file, as the tool reports it.</summary>
/// <param name="Rule">The rule id (E1, X1, …), extraction code (EX01…) or input code (IN01…).</param>
/// <param name="Severity">The severity.</param>
/// <param name="Source">Whose problem it is.</param>
/// <param name="Message">The message, in the chosen language.</param>
/// <param name="Cells">The id paths of the cells involved (<c>previous.</c> for the previous year's).</param>
/// <param name="Position">Where in the text, when known.</param>
/// <param name="Fingerprint">A stable id of the finding (rule, report identity and cells), for suppression files.</param>
internal sealed record ToolFinding(string Rule, Severity Severity, FindingSource Source, string Message, IReadOnlyList<string> Cells, SourcePosition? Position, string Fingerprint)
{
    /// <summary>For a PDF input: the page and box of the cell the finding stands at.</summary>
    public GovInfoReports.Documents.PageBox? Box { get; init; }

    /// <summary>The severity as the tool's outputs write it.</summary>
    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The source as the tool's outputs write it.</summary>
    public string SourceText => Source switch
    {
        FindingSource.Report => "report",
        FindingSource.Extraction => "extraction",
        _ => "input",
    };

    /// <summary>
    /// A fingerprint from what identifies a finding across runs and re-extractions: the rule, the report
    /// (template, agency — or the file name when the agency is unknown — and year), the cells and the finding's
    /// context. Values are left out, so a suppression still holds when a number is corrected elsewhere.
    /// </summary>
    public static string Compute(string rule, string? template, string? agency, string file, int? year, IEnumerable<string> cells, string? context)
    {
        var text = new StringBuilder();
        text.Append(rule).Append('\n').Append(template).Append('\n').Append(agency ?? System.IO.Path.GetFileName(file)).Append('\n').Append(year).Append('\n');
        foreach (var cell in cells)
            text.Append(cell).Append(',');
        text.Append('\n').Append(context);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}

/// <summary>What the tool found in one input file.</summary>
internal sealed class FileResult
{
    public FileResult(int index, string file)
    {
        Index = index;
        File = file;
    }

    /// <summary>The file's position in the run's input order.</summary>
    public int Index { get; }

    /// <summary>The file, as the user's path names it.</summary>
    public string File { get; }

    /// <summary>The encoding the text was decoded from.</summary>
    public string? Encoding { get; set; }

    /// <summary>True when the file could not be read at all (an I/O error: exit code 2).</summary>
    public bool Unreadable { get; set; }

    /// <summary>True for a file of a format the tool does not read (.doc, .xls, an image, an archive …): an IN12 warning.</summary>
    public bool Unsupported { get; set; }

    /// <summary>The recognised template's id, or null when no report was recognised.</summary>
    public string? Template { get; set; }

    /// <summary>The report year, when found.</summary>
    public int? Year { get; set; }

    /// <summary>The reporting agency, when found.</summary>
    public string? Agency { get; set; }

    /// <summary>True when every cell of the template was read (reported or blank) and some cell holds a value.</summary>
    public bool Complete { get; set; }

    /// <summary>True for a blank form: the template's tables with every cell found empty (EX21).</summary>
    public bool BlankForm { get; set; }

    /// <summary>The number of template cells that could not be read.</summary>
    public int MissingCells { get; set; }

    /// <summary>The number of cells of the template.</summary>
    public int TotalCells { get; set; }

    /// <summary>The findings, suppressed ones removed.</summary>
    public List<ToolFinding> Findings { get; } = new();

    /// <summary>The fingerprints given so far (suppressed findings' included), and per fingerprint the next occurrence number to try for a repeat.</summary>
    internal Dictionary<string, int> Fingerprints { get; } = new(StringComparer.Ordinal);

    /// <summary>The number of findings a suppression file hid.</summary>
    public int Suppressed { get; set; }

    /// <summary>The report, kept only while a command needs it (export, extract, cross-year checks).</summary>
    public IReport? Report { get; set; }

    /// <summary>The cell statuses of <see cref="Report"/>, kept with it.</summary>
    public IReadOnlyList<CellStatus>? Statuses { get; set; }

    /// <summary>Where each cell of <see cref="Report"/> was read, kept with it for cross-year findings.</summary>
    public IReadOnlyList<SourcePosition?>? Positions { get; set; }

    /// <summary>The report's prose (lines that hold no cell), kept for the cross-year comparison of texts.</summary>
    public string? Prose { get; set; }

    /// <summary>The report as a JSON document (extract).</summary>
    public string? Json { get; set; }

    /// <summary>Where each cell was read, as a JSON object by cell path (extract --sources).</summary>
    public string? Sources { get; set; }

    /// <summary>The worst severity among the findings, or null when there are none.</summary>
    public Severity? Worst
    {
        get
        {
            Severity? worst = null;
            foreach (var finding in Findings)
                if (worst is null || finding.Severity > worst)
                    worst = finding.Severity;
            return worst;
        }
    }
}
