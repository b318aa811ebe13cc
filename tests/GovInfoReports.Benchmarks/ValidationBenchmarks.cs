using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// Validation of a valid report (every rule holds: no finding) and of an invalid one (two mistyped totals:
/// three error findings), per template. The baseline is the same cross-checks done as a script would: a
/// loop over a list of checks reading a <see cref="Dictionary{TKey, TValue}"/> of cell values keyed by
/// cell path, a blank cell counting as 0, one message string per failed check. Its checks are built from
/// the template's <see cref="RuleDescriptor"/> data — one per active rule instance, cross-year rules
/// excepted — so it runs exactly the checks <c>report.Validate()</c> runs (GlobalSetup checks both find
/// the same number of failures). Compared: the generated <c>report.Validate()</c> and the descriptor
/// interpreter <see cref="ReportValidator.Interpret"/>.
/// </summary>
public class ValidationBenchmarks
{
    private bool _is2019;
    private IReport _report = null!;
    private Report2019 _report2019 = null!;
    private Report2021 _report2021 = null!;
    private Dictionary<string, decimal?> _cells = null!;
    private DictionaryCheck[] _checks = null!;

    /// <summary>The template of the report.</summary>
    [Params("2019", "2021")]
    public string Template { get; set; } = "2019";

    /// <summary><c>valid</c>: every rule holds; <c>invalid</c>: two totals mistyped (E1, E2 and E4 fail).</summary>
    [Params("valid", "invalid")]
    public string Report { get; set; } = "valid";

    [GlobalSetup]
    public void Setup()
    {
        var template = SampleReports.Template(Template);
        _is2019 = Template == "2019";
        var valid = SampleReports.Valid(template, seed: 2021);
        SampleReports.Check(valid, expectValid: true);
        _report = Report == "valid" ? valid : SampleReports.Invalid(valid);
        var findings = SampleReports.Check(_report, expectValid: Report == "valid");
        if (_is2019)
            _report2019 = (Report2019)_report;
        else
            _report2021 = (Report2021)_report;

        _cells = template.Cells.ToDictionary(
            c => c.Path,
            c => _report.GetCell(c.Index) is var v && c.Kind == ValueKind.Amount ? v.ToDecimal(AmountUnit.Yuan) : v.Number);
        _checks = template.Rules
            .Where(r => r.Status == RuleStatus.Active && !r.IsCrossYear)
            .SelectMany(r => r.Instances)
            .Select(DictionaryCheck.From)
            .ToArray();

        int failures = Dictionary_loop();
        if (failures != findings.Count)
            throw new InvalidOperationException($"The dictionary checks find {failures} failures, Validate() {findings.Count}: " + string.Join("; ", findings));
        Console.WriteLine($"// {Template} {Report}: {_checks.Length} checks, {findings.Count} findings ({string.Join(", ", findings.Select(f => f.RuleId + (f.Context is null ? "" : "/" + f.Context)))})");
    }

    [Benchmark(Baseline = true, Description = "Dictionary<string, decimal?> loop")]
    public int Dictionary_loop()
    {
        List<string>? failures = null;
        foreach (var check in _checks)
        {
            if (check.WhenLeft is not null && !Holds(Sum(check.WhenLeft), check.WhenComparison, Sum(check.WhenRight!), 0))
                continue;
            decimal left = Sum(check.Left), right = Sum(check.Right);
            if (!Holds(left, check.Comparison, right, check.Tolerance))
                (failures ??= new List<string>()).Add(string.Create(CultureInfo.InvariantCulture, $"{check.Rule} {check.Context}: {left} {check.Operator} {right}, off by {left - right}"));
        }

        return failures?.Count ?? 0;
    }

    [Benchmark(Description = "report.Validate() (generated)")]
    public int Generated() => _is2019 ? _report2019.Validate().Count : _report2021.Validate().Count;

    [Benchmark(Description = "ReportValidator.Interpret (descriptors)")]
    public int Interpreted() => ReportValidator.Interpret(_report).Count;

    private decimal Sum(Term[] terms)
    {
        decimal sum = 0;
        foreach (var term in terms)
        {
            decimal value = term.Constant;
            foreach (var path in term.Paths)
                value += _cells.TryGetValue(path, out var cell) ? cell ?? 0 : 0;
            sum += term.Negative ? -value : value;
        }

        return sum;
    }

    private static bool Holds(decimal left, ComparisonOperator comparison, decimal right, decimal tolerance) => comparison switch
    {
        ComparisonOperator.Equal => Math.Abs(left - right) <= tolerance,
        ComparisonOperator.LessOrEqual => left <= right + tolerance,
        ComparisonOperator.GreaterOrEqual => left + tolerance >= right,
        ComparisonOperator.Less => left < right + tolerance,
        _ => left + tolerance > right,
    };

    /// <summary>One term of a check: the cells it adds up (by path) or a constant, with its sign.</summary>
    private sealed record Term(bool Negative, string[] Paths, decimal Constant);

    /// <summary>One check of the script: <c>sum(left) op sum(right)</c>, optionally only when a precondition holds.</summary>
    private sealed record DictionaryCheck(
        string Rule, string? Context, Term[] Left, ComparisonOperator Comparison, Term[] Right, decimal Tolerance,
        Term[]? WhenLeft, ComparisonOperator WhenComparison, Term[]? WhenRight)
    {
        public string Operator => Comparison switch
        {
            ComparisonOperator.Equal => "==",
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.GreaterOrEqual => ">=",
            ComparisonOperator.Less => "<",
            _ => ">",
        };

        public static DictionaryCheck From(RuleInstance instance)
        {
            static Term[] Terms(IReadOnlyList<RuleTerm> terms) =>
                terms.Select(t => new Term(t.Negative, t.Paths.ToArray(), t.Constant)).ToArray();
            var when = instance.When;
            return new DictionaryCheck(
                instance.Rule.Id,
                instance.Context,
                Terms(instance.Assertion.Left),
                instance.Assertion.Comparison,
                Terms(instance.Assertion.Right),
                instance.Rule.Tolerance ?? 0,
                when is null ? null : Terms(when.Left),
                when?.Comparison ?? ComparisonOperator.Equal,
                when is null ? null : Terms(when.Right));
        }
    }
}
