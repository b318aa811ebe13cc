using System;
using System.Collections.Generic;
using System.ComponentModel;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>
/// The state of one validation run, used by the generated validators: which rules run, which instances
/// can be checked, and the findings (allocated only when there is one, so validating a valid report
/// allocates nothing). Public for generated code; use <c>report.Validate(options)</c> instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValidationRun
{
    private readonly IReport _report;
    private readonly IReport? _previous;
    private readonly ValidationOptions _options;
    private readonly IReadOnlyList<RuleDescriptor> _rules;
    private List<ValidationFinding>? _findings;
    private bool[]? _reportedNotAssessable;
    private readonly bool _checksEveryActiveInstance;

    /// <summary>Starts a run over <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    public ValidationRun(IReport report, ValidationOptions? options)
        : this(report, null, options)
    {
    }

    internal ValidationRun(IReport report, IReport? previous, ValidationOptions? options)
    {
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _previous = previous;
        _options = options ?? ValidationOptions.Default;
        _rules = report.Template.Rules;
        _findings = null;
        _reportedNotAssessable = null;
        _checksEveryActiveInstance = !AnyMissing(_options.Statuses)
            && _options.BlankCells != BlankCellHandling.SkipRule
            && !DisablesAny(_options.Overrides);
        if (_options.Statuses is { } statuses && statuses.Count != report.Template.Cells.Count)
            throw new ArgumentException($"Template {report.Template.Id} has {report.Template.Cells.Count} cells, but {statuses.Count} statuses were given.", nameof(options));
    }

    /// <summary>
    /// Whether <see cref="Begin"/> returns <see langword="true"/> for every instance of every active rule: no cell
    /// is missing (no statuses, or none <see cref="CellStatus.Missing"/>), blank cells count as 0 and no override
    /// disables a rule. The generated
    /// validators then check every active instance without calling <see cref="Begin"/> — the fast path that
    /// lets a valid report be checked in straight-line integer code.
    /// </summary>
    public readonly bool ChecksEveryActiveInstance => _checksEveryActiveInstance;

    /// <summary>The findings so far (an empty array when there are none).</summary>
    public readonly IReadOnlyList<ValidationFinding> Findings => (IReadOnlyList<ValidationFinding>?)_findings ?? Array.Empty<ValidationFinding>();

    /// <summary>
    /// Whether instance <paramref name="instance"/> of rule <paramref name="rule"/> is to be checked: the rule is active
    /// and not disabled, no cell it needs is missing (else one not-assessable finding for the rule), and, when blank
    /// cells skip rules, none is blank.
    /// </summary>
    /// <param name="rule">The rule's index in the template.</param>
    /// <param name="instance">The instance's index in the rule.</param>
    public bool Begin(int rule, int instance)
    {
        var descriptor = _rules[rule];
        if (!IsEnabled(descriptor))
            return false;
        var cells = descriptor.Instances[instance].Cells;
        if (_options.Statuses is { } statuses)
        {
            for (int i = 0; i < cells.Count; i++)
            {
                if (statuses[cells[i].Index] == CellStatus.Missing)
                {
                    NotAssessable(descriptor.Instances[instance]);
                    return false;
                }
            }
        }

        if (_options.BlankCells == BlankCellHandling.SkipRule)
        {
            for (int i = 0; i < cells.Count; i++)
                if (_report.GetCell(cells[i].Index).IsBlank)
                    return false;
        }

        return true;
    }

    /// <summary>Records a failure of a count rule (the generated code compared the sums exactly).</summary>
    /// <param name="rule">The rule's index.</param>
    /// <param name="instance">The instance's index.</param>
    /// <param name="left">The left side.</param>
    /// <param name="right">The right side.</param>
    public void Fail(int rule, int instance, long left, long right) =>
        Add(Failure(_rules[rule].Instances[instance], Interval.Exact(left), Interval.Exact(right)));

    /// <summary>Checks a rule over money (interval semantics, with the rule's tolerance) and records a failure.</summary>
    /// <param name="rule">The rule's index.</param>
    /// <param name="instance">The instance's index.</param>
    /// <param name="left">The left side.</param>
    /// <param name="right">The right side.</param>
    public void Check(int rule, int instance, Interval left, Interval right)
    {
        var descriptor = _rules[rule];
        var comparison = descriptor.Instances[instance].Assertion.Comparison;
        if (!Interval.Holds(left, comparison, right, descriptor.Tolerance ?? 0))
            Add(Failure(descriptor.Instances[instance], left, right));
    }

    /// <summary>Runs one instance through the interpreter (cross-year rules, hand-made templates).</summary>
    internal void Interpret(RuleInstance instance)
    {
        if (!Begin(instance.Rule.Index, instance.Index))
            return;
        if (instance.Rule.IsCrossYear && !PreviousAssessable(instance))
            return;
        if (instance.When is { } when)
        {
            var (wl, wr) = RuleEngine.Evaluate(when, _report, _previous);
            if (!Interval.Holds(wl, when.Comparison, wr))
                return;
        }

        var (left, right) = RuleEngine.Evaluate(instance.Assertion, _report, _previous);
        if (!Interval.Holds(left, instance.Assertion.Comparison, right, instance.Rule.Tolerance ?? 0))
            Add(Failure(instance, left, right));
    }

    private bool PreviousAssessable(RuleInstance instance)
    {
        var missing = new List<string>();
        foreach (var term in RuleEngine.Terms(instance))
        {
            if (!term.IsPrevious)
                continue;
            foreach (var path in term.Paths)
            {
                var cell = _previous!.Template.FindCell(path);
                if (cell is null)
                    return false;   // last year's format has no such cell (2019 → 2021): the rule does not apply to the pair
                if (_options.PreviousStatuses is { } s && s[cell.Index] == CellStatus.Missing)
                    missing.Add("previous." + path);
                else if (_options.BlankCells == BlankCellHandling.SkipRule && _previous.GetCell(cell.Index).IsBlank)
                    return false;
            }
        }

        if (missing.Count == 0)
            return true;
        NotAssessable(instance, missing);
        return false;
    }

    private static bool AnyMissing(IReadOnlyList<CellStatus>? statuses)
    {
        if (statuses is null)
            return false;
        for (int i = 0; i < statuses.Count; i++)
            if (statuses[i] == CellStatus.Missing)
                return true;
        return false;
    }

    private static bool DisablesAny(IReadOnlyDictionary<string, RuleOverride>? overrides)
    {
        if (overrides is null)
            return false;
        foreach (var pair in overrides)
            if (pair.Value.Disabled)
                return true;
        return false;
    }

    private readonly bool IsEnabled(RuleDescriptor rule)
    {
        if (_options.Overrides is { } overrides && overrides.TryGetValue(rule.Id, out var o))
            return !o.Disabled && rule.Status == RuleStatus.Active;
        return rule.Status == RuleStatus.Active;
    }

    private readonly Severity SeverityOf(RuleDescriptor rule) =>
        _options.Overrides is { } overrides && overrides.TryGetValue(rule.Id, out var o) && o.Severity is { } s ? s : rule.Severity;

    private void NotAssessable(RuleInstance instance, List<string>? previousMissing = null)
    {
        var rule = instance.Rule;
        _reportedNotAssessable ??= new bool[_rules.Count];
        if (_reportedNotAssessable[rule.Index])
            return;
        _reportedNotAssessable[rule.Index] = true;
        var cells = Cells(instance);
        var missing = new List<string>();
        foreach (var cell in cells)
            if (cell.Status == CellStatus.Missing)
                missing.Add((cell.IsPrevious ? "previous." : "") + cell.Cell.Path);
        if (previousMissing is not null)
            missing.AddRange(previousMissing);
        Add(new ValidationFinding(instance, SeverityOf(rule), FindingKind.NotAssessable, cells, default, default,
            RuleMessages.NotAssessable(instance, missing, _options.Language)));
    }

    private ValidationFinding Failure(RuleInstance instance, Interval left, Interval right)
    {
        var cells = Cells(instance);
        return new ValidationFinding(instance, SeverityOf(instance.Rule), FindingKind.Failed, cells, left, right,
            RuleMessages.Failure(instance, cells, left, right, _options.Language));
    }

    private readonly List<FindingCell> Cells(RuleInstance instance)
    {
        var cells = new List<FindingCell>();
        foreach (var term in RuleEngine.Terms(instance))
        {
            if (term.IsPrevious)
            {
                if (_previous is null)
                    continue;
                foreach (var path in term.Paths)
                {
                    if (_previous.Template.FindCell(path) is not { } cell)
                        continue;
                    var value = _previous.GetCell(cell.Index);
                    cells.Add(new FindingCell(cell, value, StatusOf(_options.PreviousStatuses, cell, value), previous: true));
                }

                continue;
            }

            foreach (var cell in term.Cells)
            {
                bool seen = false;
                foreach (var c in cells)
                    seen |= !c.IsPrevious && ReferenceEquals(c.Cell, cell);
                if (seen)
                    continue;
                var value = _report.GetCell(cell.Index);
                cells.Add(new FindingCell(cell, value, StatusOf(_options.Statuses, cell, value), previous: false));
            }
        }

        return cells;
    }

    private static CellStatus StatusOf(IReadOnlyList<CellStatus>? statuses, CellDescriptor cell, CellValue value) =>
        statuses is not null ? statuses[cell.Index] : value.IsBlank ? CellStatus.Blank : CellStatus.Reported;

    private void Add(ValidationFinding finding) => (_findings ??= new List<ValidationFinding>()).Add(finding);
}
