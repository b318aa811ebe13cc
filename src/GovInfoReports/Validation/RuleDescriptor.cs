using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>
/// One term of a rule side: a cell, the sum of a group's cells (<c>sum(path.*)</c>) or a constant,
/// with its sign. Terms of cross-year rules may refer to the previous year's report (<c>previous.…</c>).
/// </summary>
public sealed class RuleTerm
{
    private CellDescriptor[] _cells = Array.Empty<CellDescriptor>();

    /// <summary>Creates a term. Called by generated code.</summary>
    /// <param name="negative">Whether the term is subtracted.</param>
    /// <param name="text">The term as the template writes it, e.g. <c>results.total</c> or <c>sum(results.withheld.*)</c>.</param>
    /// <param name="paths">The full id paths of the cells the term adds up (one for a cell; none for a constant).</param>
    /// <param name="constant">The value of a constant term.</param>
    /// <param name="previous">Whether the cells are those of the previous year's report.</param>
    /// <param name="isSum">Whether the term is a <c>sum(…)</c>.</param>
    public RuleTerm(bool negative, string text, IReadOnlyList<string> paths, decimal constant = 0, bool previous = false, bool isSum = false)
    {
        Negative = negative;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Paths = paths ?? throw new ArgumentNullException(nameof(paths));
        Constant = constant;
        IsPrevious = previous;
        IsSum = isSum;
    }

    /// <summary>Whether the term is subtracted.</summary>
    public bool Negative { get; }

    /// <summary>The term as written in the template.</summary>
    public string Text { get; }

    /// <summary>The full id paths of the cells the term adds up.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The value of a constant term (no cells).</summary>
    public decimal Constant { get; }

    /// <summary>Whether the cells belong to the previous year's report.</summary>
    public bool IsPrevious { get; }

    /// <summary>Whether the term is a <c>sum(…)</c> over a group.</summary>
    public bool IsSum { get; }

    /// <summary>The cells of the term in the rule's own template (empty for constants and previous-year terms).</summary>
    public IReadOnlyList<CellDescriptor> Cells => _cells;

    internal void Bind(ReportTemplate template)
    {
        if (IsPrevious || Paths.Count == 0)
            return;
        var cells = new CellDescriptor[Paths.Count];
        for (int i = 0; i < cells.Length; i++)
            cells[i] = template.FindCell(Paths[i]) ?? throw new InvalidOperationException($"Rule term {Text}: template {template.Id} has no cell {Paths[i]}.");
        _cells = cells;
    }
}

/// <summary>A comparison between two sums of terms: <c>left op right</c>.</summary>
public sealed class RuleComparison
{
    /// <summary>Creates a comparison. Called by generated code.</summary>
    /// <param name="left">The terms of the left side.</param>
    /// <param name="comparison">The operator.</param>
    /// <param name="right">The terms of the right side.</param>
    public RuleComparison(IReadOnlyList<RuleTerm> left, ComparisonOperator comparison, IReadOnlyList<RuleTerm> right)
    {
        Left = left ?? throw new ArgumentNullException(nameof(left));
        Comparison = comparison;
        Right = right ?? throw new ArgumentNullException(nameof(right));
    }

    /// <summary>The left side.</summary>
    public IReadOnlyList<RuleTerm> Left { get; }

    /// <summary>The operator.</summary>
    public ComparisonOperator Comparison { get; }

    /// <summary>The right side.</summary>
    public IReadOnlyList<RuleTerm> Right { get; }

    internal void Bind(ReportTemplate template)
    {
        foreach (var term in Left)
            term.Bind(template);
        foreach (var term in Right)
            term.Bind(template);
    }
}

/// <summary>One application of a rule: for a rule with <c>each</c>, one per column, row or cell.</summary>
public sealed class RuleInstance
{
    private CellDescriptor[] _cells = Array.Empty<CellDescriptor>();

    /// <summary>Creates an instance. Called by generated code.</summary>
    /// <param name="context">The column id, row path or cell path the instance is for; <see langword="null"/> for a rule without <c>each</c>.</param>
    /// <param name="assertion">What must hold.</param>
    /// <param name="when">The precondition, if any.</param>
    public RuleInstance(string? context, RuleComparison assertion, RuleComparison? when = null)
    {
        Context = context;
        Assertion = assertion ?? throw new ArgumentNullException(nameof(assertion));
        When = when;
    }

    /// <summary>The column id (each column), row path (each row) or cell path (each cell); <see langword="null"/> otherwise.</summary>
    public string? Context { get; }

    /// <summary>What must hold.</summary>
    public RuleComparison Assertion { get; }

    /// <summary>The precondition: the instance is checked only when it holds.</summary>
    public RuleComparison? When { get; }

    /// <summary>The rule the instance belongs to.</summary>
    public RuleDescriptor Rule { get; private set; } = null!;

    /// <summary>The position of the instance in <see cref="RuleDescriptor.Instances"/>.</summary>
    public int Index { get; private set; }

    /// <summary>Every cell of the report's own template the instance reads (assertion and precondition), without repeats.</summary>
    public IReadOnlyList<CellDescriptor> Cells => _cells;

    internal void Bind(RuleDescriptor rule, int index, ReportTemplate template)
    {
        Rule = rule;
        Index = index;
        Assertion.Bind(template);
        When?.Bind(template);
        var cells = new List<CellDescriptor>();
        void Add(IReadOnlyList<RuleTerm> terms)
        {
            foreach (var term in terms)
                foreach (var cell in term.Cells)
                    if (!cells.Contains(cell))
                        cells.Add(cell);
        }

        Add(Assertion.Left);
        Add(Assertion.Right);
        if (When is not null)
        {
            Add(When.Left);
            Add(When.Right);
        }

        _cells = cells.ToArray();
    }
}

/// <summary>
/// A cross-check declared in a template file (a 勾稽关系, a structural total, a soft check or a
/// cross-year expectation), with its instances bound to the template's cells.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Creates a rule. Called by generated code.</summary>
    /// <param name="id">The rule id, e.g. <c>E1</c>.</param>
    /// <param name="severity">The severity of its findings.</param>
    /// <param name="status">Whether it is run.</param>
    /// <param name="each">What it is applied to.</param>
    /// <param name="scope">The id path of the section or table the rule is declared in ("" for the template).</param>
    /// <param name="assert">The assertion as written.</param>
    /// <param name="when">The precondition as written, if any.</param>
    /// <param name="tolerance">An absolute tolerance for the comparison, if declared.</param>
    /// <param name="messageZh">The Chinese message template, if declared.</param>
    /// <param name="messageEn">The English message template, if declared.</param>
    /// <param name="instances">The instances.</param>
    public RuleDescriptor(string id, Severity severity, RuleStatus status, RuleEach each, string scope, string assert, string? when, decimal? tolerance, string? messageZh, string? messageEn, IReadOnlyList<RuleInstance> instances)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Severity = severity;
        Status = status;
        Each = each;
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        Assert = assert ?? throw new ArgumentNullException(nameof(assert));
        WhenText = when;
        Tolerance = tolerance;
        MessageZh = messageZh;
        MessageEn = messageEn;
        Instances = instances ?? throw new ArgumentNullException(nameof(instances));
        foreach (var instance in instances)
        {
            IsCrossYear |= HasPrevious(instance.Assertion) || (instance.When is { } w && HasPrevious(w));
        }
    }

    /// <summary>The rule id, e.g. <c>E1</c> (unique in its template).</summary>
    public string Id { get; }

    /// <summary>The declared severity (a run can override it: <see cref="ValidationOptions.Overrides"/>).</summary>
    public Severity Severity { get; }

    /// <summary>Whether the rule is run.</summary>
    public RuleStatus Status { get; }

    /// <summary>What the rule is applied to.</summary>
    public RuleEach Each { get; }

    /// <summary>The id path of the section or table the rule is declared in ("" for the whole template).</summary>
    public string Scope { get; }

    /// <summary>The assertion as written, e.g. <c>newlyReceived + carriedOver == results.total + carriedForward</c>.</summary>
    public string Assert { get; }

    /// <summary>The precondition as written, if any.</summary>
    public string? WhenText { get; }

    /// <summary>An absolute tolerance declared for the comparison (in the cells' unit; money in 元), if any.</summary>
    public decimal? Tolerance { get; }

    /// <summary>The Chinese message template, if the template declares one.</summary>
    public string? MessageZh { get; }

    /// <summary>The English message template, if the template declares one.</summary>
    public string? MessageEn { get; }

    /// <summary>The instances, e.g. one per column for <c>each: column</c>.</summary>
    public IReadOnlyList<RuleInstance> Instances { get; }

    /// <summary>Whether the rule compares a report with the previous year's (<c>previous.…</c> paths).</summary>
    public bool IsCrossYear { get; }

    /// <summary>The template the rule belongs to.</summary>
    public ReportTemplate Template { get; private set; } = null!;

    /// <summary>The position of the rule in <see cref="ReportTemplate.Rules"/>.</summary>
    public int Index { get; private set; }

    internal void Bind(ReportTemplate template, int index)
    {
        Template = template;
        Index = index;
        for (int i = 0; i < Instances.Count; i++)
            Instances[i].Bind(this, i, template);
    }

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Assert;

    private static bool HasPrevious(RuleComparison comparison)
    {
        foreach (var term in comparison.Left)
            if (term.IsPrevious)
                return true;
        foreach (var term in comparison.Right)
            if (term.IsPrevious)
                return true;
        return false;
    }
}
