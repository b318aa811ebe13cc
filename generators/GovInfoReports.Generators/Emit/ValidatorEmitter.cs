using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// Emits the validator of one template: the rules as data (<c>CreateRules</c>, for messages, overrides and
/// the interpreter) and <c>Validate</c>, straight-line C# with one block per rule instance. Count rules
/// compare exact sums of <c>long</c>; rules over money compare intervals (a value with d decimals stands
/// for v ± ½·10^−d). A valid report allocates nothing. With default options every active instance is checked
/// without asking the context (ValidationRun.ChecksEveryActiveInstance); deprecated rules are data only. Cross-year rules are data only: they need the
/// previous year's report, which may be of another template (ReportValidator.ValidateCrossYear).
/// </summary>
internal static class ValidatorEmitter
{
    private const string V = "global::GovInfoReports.Validation.";

    public static string HintName(TemplateModel template) => template.TypeName + ".Validation.g.cs";

    public static string Emit(TemplateModel template, string ns)
    {
        var members = CellLayout.Of(template).ToDictionary(c => c.Path, c => c.MemberPath);
        var names = RuleNames(template);
        var w = CodeWriter.GeneratedFile(CodeWriter.FromTemplate(template.Id), ns);
        w.Open("public sealed partial record " + template.TypeName);
        EmitRuleIndexes(w, template, names);
        w.Doc(
            "Checks this report against the rules of template " + template.Id + " (cross-year rules excepted): " + RuleList(template) + ".",
            "Blank cells count as 0 unless the options say otherwise; the findings name them. Validating a valid report allocates nothing.");
        w.Line("/// <param name=\"options\">The language of the messages, blank-cell handling, severity overrides and cell statuses; <see langword=\"null\"/> for the defaults.</param>");
        w.Line("/// <returns>The findings; empty when every rule holds.</returns>");
        w.Open("public global::System.Collections.Generic.IReadOnlyList<" + V + "ValidationFinding> Validate(" + V + "ValidationOptions? options = null)");
        w.Line("var context = new " + V + "ValidationRun(this, options);");
        w.Line("bool all = context.ChecksEveryActiveInstance; // default options: no per-instance Begin call");
        var checkedRules = new List<int>();
        for (int r = 0; r < template.Rules.Count; r++)
        {
            var rule = template.Rules[r];
            if (rule.IsCrossYear)
                w.Line("// " + rule.Id + ": a cross-year rule, checked by ReportValidator.ValidateCrossYear against the previous year's report.");
            else if (rule.Deprecated)
                w.Line("// " + rule.Id + ": deprecated, kept as data (messages, the interpreter), never checked.");
            else
            {
                for (int start = 0; start < rule.Instances.Count; start += InstancesPerMethod)
                    w.Line(RuleMethod(rule, names[r], start) + "(ref context, all); // " + rule.Id);
                checkedRules.Add(r);
            }
        }

        w.Line("return context.Findings;");
        w.Close();

        // One method per rule (per InstancesPerMethod instances): a single method with every instance grows
        // past the JIT's size limits for optimization (hundreds of nullable temporaries), and the unoptimized
        // code it then gets runs several times slower.
        foreach (int r in checkedRules)
        {
            var rule = template.Rules[r];
            bool intervals = UsesIntervals(rule);
            for (int start = 0; start < rule.Instances.Count; start += InstancesPerMethod)
            {
                int end = System.Math.Min(rule.Instances.Count, start + InstancesPerMethod);
                w.Line();
                w.Line("// " + rule.Id + ": " + rule.Assert + (rule.When is null ? "" : "   when " + rule.When)
                    + (start == 0 && end == rule.Instances.Count ? "" : "   (instances " + start.ToString(CultureInfo.InvariantCulture) + " to " + (end - 1).ToString(CultureInfo.InvariantCulture) + ")"));
                w.Open("private void " + RuleMethod(rule, names[r], start) + "(ref " + V + "ValidationRun context, bool all)");
                // Instances are counted, not numbered in the text: a row or column added to a table adds its own
                // blocks and renumbers none of the others.
                w.Line("int instance = " + start.ToString(CultureInfo.InvariantCulture) + ";");
                for (int i = start; i < end; i++)
                {
                    EmitInstance(w, names[r], rule.Instances[i], intervals, members);
                    if (i + 1 < end)
                        w.Line("instance++;");
                }

                w.Close();
            }
        }

        EmitRules(w, template);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private const int InstancesPerMethod = 32;

    private static string RuleMethod(RuleModel rule, string name, int start) =>
        "Validate" + name
        + (rule.Instances.Count <= InstancesPerMethod ? "" : "_" + start.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A C# name per rule, from its id (<c>E5.applications</c> → <c>Rule_E5_applications</c>); a second rule whose id
    /// gives the same name gets its position appended. Generated code names rules, not their positions, so that adding
    /// a rule to a template changes the generated code by that rule, not by renumbering the rules after it.
    /// </summary>
    private static string[] RuleNames(TemplateModel template)
    {
        var names = new string[template.Rules.Count];
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        for (int r = 0; r < names.Length; r++)
        {
            var chars = template.Rules[r].Id.Select(c => c < 128 && char.IsLetterOrDigit(c) ? c : '_').ToArray();
            var name = "Rule_" + new string(chars);
            if (!taken.Add(name))
            {
                name += "_" + r.ToString(CultureInfo.InvariantCulture);
                taken.Add(name);
            }

            names[r] = name;
        }

        return names;
    }

    // Each rule's position in CreateRules as a constant defined from the one before it: adding a rule changes its own
    // line and the next one's, not the numbers of all the rules after it.
    private static void EmitRuleIndexes(CodeWriter w, TemplateModel template, string[] names)
    {
        if (names.Length == 0)
            return;
        w.Line("// The rules' positions in CreateRules (file order), each defined from the one before.");
        for (int r = 0; r < names.Length; r++)
            w.Line("private const int " + names[r] + " = " + (r == 0 ? "0" : names[r - 1] + " + 1") + "; // " + template.Rules[r].Id);
        w.Line();
    }

    private static string RuleList(TemplateModel template) =>
        template.Rules.Count == 0 ? "none" : string.Join(", ", template.Rules.Select(r => r.Id).Distinct());

    private static bool UsesIntervals(RuleModel rule) =>
        rule.Tolerance is not null
        || rule.Instances.Any(i => Terms(i).Any(t => (t.Constant?.Contains('.') ?? false) || t.Cells.Any(c => c.Kind == ValueKindModel.Amount)));

    private static IEnumerable<TermModel> Terms(RuleInstanceModel instance) =>
        instance.Assertion.Left.Concat(instance.Assertion.Right)
            .Concat(instance.When is null ? Enumerable.Empty<TermModel>() : instance.When.Left.Concat(instance.When.Right));

    private static void EmitInstance(CodeWriter w, string rule, RuleInstanceModel instance, bool intervals, Dictionary<string, string> members)
    {
        string begin = "all || context.Begin(" + rule + ", instance)";
        if (instance.When is { } when)
            begin = "(" + begin + ") && " + Condition(when, intervals, members);
        w.Open("if (" + begin + ")" + (instance.Context is null ? "" : " // " + instance.Context));
        if (intervals)
        {
            w.Line(V + "Interval left = " + IntervalSide(instance.Assertion.Left, members) + ";");
            w.Line(V + "Interval right = " + IntervalSide(instance.Assertion.Right, members) + ";");
            w.Line("context.Check(" + rule + ", instance, left, right);");
        }
        else
        {
            w.Line("long left = " + CountSide(instance.Assertion.Left, members) + ";");
            w.Line("long right = " + CountSide(instance.Assertion.Right, members) + ";");
            w.Line("if (!(left " + instance.Assertion.Operator.Symbol() + " right)) context.Fail(" + rule + ", instance, left, right);");
        }

        w.Close();
    }

    // The precondition is compared without the rule's tolerance: the tolerance belongs to the assertion.
    private static string Condition(ComparisonModel when, bool intervals, Dictionary<string, string> members) =>
        intervals
            ? V + "Interval.Holds(" + IntervalSide(when.Left, members) + ", " + V + "ComparisonOperator." + when.Operator + ", " + IntervalSide(when.Right, members) + ")"
            : "(" + CountSide(when.Left, members) + ") " + when.Operator.Symbol() + " (" + CountSide(when.Right, members) + ")";

    // (long) on the first value makes every addition 64-bit: no overflow from Int32 counts.
    private static string CountSide(EquatableArray<TermModel> terms, Dictionary<string, string> members)
    {
        var text = new System.Text.StringBuilder();
        foreach (var term in terms)
        {
            var values = term.Constant is { } constant
                ? new[] { constant }
                : term.Cells.Select(c => "(this." + members[c.Path] + " ?? 0)").ToArray();
            foreach (var value in values)
            {
                if (text.Length == 0)
                    text.Append(term.Negative ? "-(long)" : "(long)");
                else
                    text.Append(term.Negative ? " - " : " + ");
                text.Append(value);
            }
        }

        return text.ToString();
    }

    private static string IntervalSide(EquatableArray<TermModel> terms, Dictionary<string, string> members)
    {
        var parts = new List<string> { "default(" + V + "Interval)" };
        foreach (var term in terms)
        {
            var values = term.Constant is { } constant
                ? new[] { V + "Interval.Exact(" + Decimal(constant) + ")" }
                : term.Cells.Select(c => V + "Interval.Of(this." + members[c.Path] + UnitArgument(c) + ")").ToArray();
            foreach (var value in values)
                parts.Add((term.Negative ? "- " : "+ ") + value);
        }

        return string.Join(" ", parts);
    }

    private static string UnitArgument(TermCell cell) => cell.Kind == ValueKindModel.Amount && cell.Unit is { } unit
        ? ", global::GovInfoReports.AmountUnit." + (unit == "万元" ? "TenThousandYuan" : "Yuan")
        : "";

    private static string Decimal(string text) => text + "m";

    private static void EmitRules(CodeWriter w, TemplateModel template)
    {
        w.Line();
        w.Doc("The rules of template " + template.Id + " as data, in file order (indices match Validate).");
        w.Open("private static " + V + "RuleDescriptor[] CreateRules() => new " + V + "RuleDescriptor[]");
        foreach (var rule in template.Rules)
        {
            w.Line("new " + V + "RuleDescriptor(");
            w.Line("    " + CodeWriter.Literal(rule.Id) + ", " + V + "Severity." + rule.Severity + ", " + V + "RuleStatus." + (rule.Deprecated ? "Deprecated" : "Active")
                + ", " + V + "RuleEach." + rule.Each + ", " + CodeWriter.Literal(rule.Scope) + ",");
            w.Line("    " + CodeWriter.Literal(rule.Assert) + ", " + CodeWriter.Literal(rule.When) + ", " + (rule.Tolerance is null ? "null" : Decimal(rule.Tolerance)) + ",");
            w.Line("    " + CodeWriter.Literal(rule.MessageZh) + ", " + CodeWriter.Literal(rule.MessageEn) + ",");
            w.Line("    new " + V + "RuleInstance[]");
            w.Line("    {");
            foreach (var instance in rule.Instances)
            {
                w.Line("        new(" + CodeWriter.Literal(instance.Context) + ", " + ComparisonData(instance.Assertion)
                    + (instance.When is null ? "" : ", " + ComparisonData(instance.When)) + "),");
            }

            w.Line("    }),");
        }

        w.Close("};");
    }

    private static string ComparisonData(ComparisonModel comparison) =>
        "new " + V + "RuleComparison(" + TermsData(comparison.Left) + ", " + V + "ComparisonOperator." + comparison.Operator + ", " + TermsData(comparison.Right) + ")";

    private static string TermsData(EquatableArray<TermModel> terms) =>
        "new " + V + "RuleTerm[] { " + string.Join(", ", terms.Select(TermData)) + " }";

    private static string TermData(TermModel term)
    {
        var paths = term.Cells.Count == 0
            ? "global::System.Array.Empty<string>()"
            : "new[] { " + string.Join(", ", term.Cells.Select(c => CodeWriter.Literal(c.Path))) + " }";
        var text = "new(" + (term.Negative ? "true" : "false") + ", " + CodeWriter.Literal(term.Text) + ", " + paths;
        if (term.Constant is not null || term.Previous || term.IsSum)
            text += ", " + (term.Constant is null ? "0m" : Decimal(term.Constant)) + ", " + (term.Previous ? "true" : "false") + ", " + (term.IsSum ? "true" : "false");
        return text + ")";
    }
}
