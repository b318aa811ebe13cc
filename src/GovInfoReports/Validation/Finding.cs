using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>A cell a finding involves, with its value in the report it was read from.</summary>
public sealed class FindingCell
{
    internal FindingCell(CellDescriptor cell, CellValue value, CellStatus status, bool previous)
    {
        Cell = cell;
        Value = value;
        Status = status;
        IsPrevious = previous;
    }

    /// <summary>The cell's descriptor (template, section, table, row and column, with ids and labels).</summary>
    public CellDescriptor Cell { get; }

    /// <summary>The cell's value.</summary>
    public CellValue Value { get; }

    /// <summary>Whether the cell was reported, blank or missing.</summary>
    public CellStatus Status { get; }

    /// <summary>Whether the cell belongs to the previous year's report (cross-year rules).</summary>
    public bool IsPrevious { get; }

    /// <summary>The template id.</summary>
    public string Template => Cell.Section.Template.Id;

    /// <summary>The section id.</summary>
    public string Section => Cell.Section.Id;

    /// <summary>The row's id path within its section (<see cref="CellDescriptor.RowPath"/>).</summary>
    public string Row => Cell.RowPath;

    /// <summary>The column id.</summary>
    public string Column => Cell.Column.Id;

    /// <summary>The official row label, e.g. <c>1.属于国家秘密</c>.</summary>
    public string RowLabel => Cell.Row.FullLabel;

    /// <summary>The official column label, e.g. <c>自然人</c>.</summary>
    public string ColumnLabel => Cell.Column.Label;

    /// <summary>The JSON pointer of the cell in its report document, e.g. <c>/applications/newlyReceived/total</c>.</summary>
    public string JsonPointer => Cell.JsonPointer;

    /// <inheritdoc />
    public override string ToString() => (IsPrevious ? "previous." : "") + Cell.Path + "=" + (Value.IsBlank ? Status.ToText() : Value.ToString());
}

/// <summary>What a rule found in a report: a failed check, or a check that could not be made.</summary>
public sealed class ValidationFinding
{
    internal ValidationFinding(RuleInstance instance, Severity severity, FindingKind kind, IReadOnlyList<FindingCell> cells, Interval left, Interval right, string message)
    {
        Instance = instance;
        Severity = severity;
        Kind = kind;
        Cells = cells;
        Left = left;
        Right = right;
        Message = message;
        var blank = new List<FindingCell>();
        foreach (var cell in cells)
            if (cell.Value.IsBlank)
                blank.Add(cell);
        BlankCells = blank;
    }

    /// <summary>The rule.</summary>
    public RuleDescriptor Rule => Instance.Rule;

    /// <summary>The rule id, e.g. <c>E1</c>.</summary>
    public string RuleId => Instance.Rule.Id;

    /// <summary>
    /// The column id (each: column), row path (each: row) or cell path (each: cell) the finding is about;
    /// <see langword="null"/> for a rule without <c>each</c> and for a not-assessable finding, which speaks for the whole rule.
    /// </summary>
    public string? Context => Kind == FindingKind.NotAssessable ? null : Instance.Context;

    /// <summary>The rule instance (which column, row or cell; for a not-assessable finding, the first instance that could not be checked).</summary>
    public RuleInstance Instance { get; }

    /// <summary>The severity (after any override of the run).</summary>
    public Severity Severity { get; }

    /// <summary>Failed, or not assessable.</summary>
    public FindingKind Kind { get; }

    /// <summary>Every cell the instance involves, left side first.</summary>
    public IReadOnlyList<FindingCell> Cells { get; }

    /// <summary>The cells among <see cref="Cells"/> that were blank (counted as 0) or missing.</summary>
    public IReadOnlyList<FindingCell> BlankCells { get; }

    /// <summary>The value of the left side (an interval for money; exact for counts). Money is in 元.</summary>
    public Interval Left { get; }

    /// <summary>The value of the right side.</summary>
    public Interval Right { get; }

    /// <summary>Left minus right, as reported (middles of the intervals).</summary>
    public decimal Difference => Left.Mid - Right.Mid;

    /// <summary>The explanation with numbers, in the language the validation asked for.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} {Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>A rule's severity or status changed for one validation run, without regenerating.</summary>
/// <param name="Severity">The severity to report instead of the declared one; <see langword="null"/> to keep it.</param>
/// <param name="Disabled">Whether the rule is not run.</param>
public readonly record struct RuleOverride(Severity? Severity = null, bool Disabled = false)
{
    /// <summary>Do not run the rule.</summary>
    public static RuleOverride Disable => new(null, true);

    /// <summary>Report the rule's findings with another severity.</summary>
    /// <param name="severity">The severity.</param>
    public static RuleOverride WithSeverity(Severity severity) => new(severity, false);
}

/// <summary>How a report is validated.</summary>
public sealed class ValidationOptions
{
    /// <summary>The defaults: Chinese messages, blank cells count as 0, every active rule, no statuses.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The language of the messages.</summary>
    public MessageLanguage Language { get; init; }

    /// <summary>How rules treat blank cells.</summary>
    public BlankCellHandling BlankCells { get; init; }

    /// <summary>Per rule id: another severity, or disabled (as EBA deactivates rules between releases).</summary>
    public IReadOnlyDictionary<string, RuleOverride>? Overrides { get; init; }

    /// <summary>
    /// The status of each cell (in <see cref="ReportTemplate.Cells"/> order), as extraction found them. A rule
    /// instance that needs a <see cref="CellStatus.Missing"/> cell is not checked; the rule gets one
    /// <see cref="FindingKind.NotAssessable"/> finding instead of a false arithmetic error.
    /// </summary>
    public IReadOnlyList<CellStatus>? Statuses { get; init; }

    /// <summary>The statuses of the previous year's report, for cross-year rules.</summary>
    public IReadOnlyList<CellStatus>? PreviousStatuses { get; init; }
}
