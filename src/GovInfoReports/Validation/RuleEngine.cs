using System.Collections.Generic;

namespace GovInfoReports.Validation;

/// <summary>Evaluates rule comparisons from their descriptors (the interpreter behind cross-year rules).</summary>
internal static class RuleEngine
{
    public static (Interval Left, Interval Right) Evaluate(RuleComparison comparison, IReport report, IReport? previous) =>
        (Sum(comparison.Left, report, previous), Sum(comparison.Right, report, previous));

    public static Interval Value(RuleTerm term, IReport report, IReport? previous)
    {
        Interval sum = Interval.Exact(term.Constant);
        if (term.IsPrevious)
        {
            if (previous is null)
                return sum;
            foreach (var path in term.Paths)
                if (previous.Template.FindCell(path) is { } cell)
                    sum += Interval.Of(cell, previous.GetCell(cell.Index));
            return sum;
        }

        var cells = term.Cells;
        for (int i = 0; i < cells.Count; i++)
            sum += Interval.Of(cells[i], report.GetCell(cells[i].Index));
        return sum;
    }

    public static IEnumerable<RuleTerm> Terms(RuleInstance instance)
    {
        foreach (var term in instance.Assertion.Left)
            yield return term;
        foreach (var term in instance.Assertion.Right)
            yield return term;
        if (instance.When is { } when)
        {
            foreach (var term in when.Left)
                yield return term;
            foreach (var term in when.Right)
                yield return term;
        }
    }

    private static Interval Sum(IReadOnlyList<RuleTerm> terms, IReport report, IReport? previous)
    {
        Interval sum = default;
        for (int i = 0; i < terms.Count; i++)
        {
            var value = Value(terms[i], report, previous);
            sum = terms[i].Negative ? sum - value : sum + value;
        }

        return sum;
    }
}
