using System;
using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// What an extraction finding is about. Extraction findings describe what could not be read with certainty
/// from the text; they are never about the report's arithmetic (that is <see cref="ValidationFinding"/>).
/// </summary>
public enum ExtractionIssue
{
    /// <summary>EX01: the text is not a government information disclosure annual report.</summary>
    NotAReport = 1,

    /// <summary>EX02: the report's tables contain no numbers (tables printed as images, or stripped).</summary>
    NoTableValues = 2,

    /// <summary>EX03: the tables follow a template that does not apply to the report year.</summary>
    TemplateYearMismatch = 3,

    /// <summary>EX04: the text holds header words of more than one template.</summary>
    MixedTemplates = 4,

    /// <summary>EX05: the template was given in the options and differs from what the text shows.</summary>
    TemplateOverridden = 5,

    /// <summary>EX06: no report year was found in the text.</summary>
    YearNotFound = 6,

    /// <summary>EX07: a table of the template was not found at all.</summary>
    TableNotFound = 7,

    /// <summary>EX08: a row of the template was not found.</summary>
    RowNotFound = 8,

    /// <summary>EX09: the numbers after a row label do not fit its columns; the cells are left empty, not shifted.</summary>
    CellCountMismatch = 9,

    /// <summary>EX10: extra cells beyond the known column count were ignored.</summary>
    StrayCells = 10,

    /// <summary>EX11: a cell's text could not be read as a number.</summary>
    UnparseableCell = 11,

    /// <summary>EX12: a number that the column cannot hold (a fraction or negative value in a count column).</summary>
    InvalidValue = 12,

    /// <summary>EX13: a row that is not part of the template; its numbers were ignored.</summary>
    UnknownRow = 13,

    /// <summary>EX14: a table printed with another template's columns; its numbers were not read.</summary>
    ForeignColumns = 14,

    /// <summary>EX15: a table recognised only from fragments of its header; its numbers read in template order.</summary>
    HeaderFromFragments = 15,

    /// <summary>EX16: a row label that matched only approximately (truncated or misspelt).</summary>
    ApproximateLabel = 16,

    /// <summary>EX17: a cell carries a note besides its number (e.g. <c>22（其中修订16件）</c>); the note is kept with the cell.</summary>
    AnnotatedCell = 17,

    /// <summary>EX18: a row appears twice; the later occurrence was ignored.</summary>
    DuplicateRow = 18,

    /// <summary>EX19: an amount printed without a unit where the template does not fix one.</summary>
    AmountUnitUnknown = 19,

    /// <summary>EX20: the sub-row labels of a group are absent; its numbers were assigned by position.</summary>
    RowsByPosition = 20,

    /// <summary>
    /// EX21: the template's tables are there but every cell found is empty: the blank form, or a report that fills in no
    /// number. The cells keep their status (blank); the report holds no values.
    /// </summary>
    BlankForm = 21,

    /// <summary>
    /// EX22: rows' labels stand apart from their numbers (a converter pulled wrapped labels away): the lines of numbers
    /// that follow were paired with those rows in template order, as many lines as rows, each filling its row.
    /// </summary>
    RowsPairedByPosition = 22,
}

/// <summary>Stable codes and default severities of <see cref="ExtractionIssue"/>.</summary>
public static class ExtractionIssues
{
    /// <summary>The stable code, <c>EX01</c> … <c>EX22</c>.</summary>
    public static string Code(this ExtractionIssue issue) =>
        "EX" + ((int)issue).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The severity a finding of this kind has.</summary>
    public static Severity Severity(this ExtractionIssue issue) => issue switch
    {
        ExtractionIssue.NotAReport => Validation.Severity.Error,
        ExtractionIssue.TemplateOverridden or ExtractionIssue.HeaderFromFragments or ExtractionIssue.ApproximateLabel
            or ExtractionIssue.AnnotatedCell or ExtractionIssue.AmountUnitUnknown or ExtractionIssue.RowsByPosition or ExtractionIssue.RowsPairedByPosition
            or ExtractionIssue.StrayCells => Validation.Severity.Info,
        _ => Validation.Severity.Warning,
    };
}

/// <summary>
/// Something the extraction could not read with certainty: a missing, ambiguous or unparseable cell, an
/// unknown row, a template/year disagreement. It is the extraction's finding, not the report's.
/// </summary>
public sealed class ExtractionFinding
{
    internal ExtractionFinding(ExtractionIssue issue, string message, IReadOnlyList<CellDescriptor> cells, SourcePosition? position, string? text)
    {
        Issue = issue;
        Message = message;
        Cells = cells;
        Position = position;
        Text = text;
    }

    /// <summary>What the finding is about.</summary>
    public ExtractionIssue Issue { get; }

    /// <summary>The stable code (<c>EX01</c> …).</summary>
    public string Code => Issue.Code();

    /// <summary>The severity.</summary>
    public Severity Severity => Issue.Severity();

    /// <summary>The message, in the language of <see cref="ReadOptions.Language"/>.</summary>
    public string Message { get; }

    /// <summary>The template cells concerned (empty when the finding is about the whole text).</summary>
    public IReadOnlyList<CellDescriptor> Cells { get; }

    /// <summary>Where in the input the finding is, when it is about a place.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The text concerned (a label, a cell), as printed.</summary>
    public string? Text { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Code + " " + Severity.ToString().ToLowerInvariant() + (Position is { } p ? " at " + p : "") + ": " + Message;
}
