using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>Renders finding messages that explain with numbers, in Chinese (labels) or English (ids).</summary>
internal static class RuleMessages
{
    public const string DefaultZh = "{context}{expression}，差 {difference}";
    public const string DefaultEn = "{context}{expression}, off by {difference}";

    public static string Failure(RuleInstance instance, List<FindingCell> cells, Interval left, Interval right, MessageLanguage language)
    {
        bool zh = language == MessageLanguage.Chinese;
        var rule = instance.Rule;
        var expression = new StringBuilder();
        AppendSide(expression, instance.Assertion.Left, instance, cells, zh);
        expression.Append(' ').Append(Negated(instance.Assertion.Comparison)).Append(' ');
        AppendSide(expression, instance.Assertion.Right, instance, cells, zh);
        var template = (zh ? rule.MessageZh : rule.MessageEn) ?? (zh ? DefaultZh : DefaultEn);
        return template
            .Replace("{context}", Context(instance, zh))
            .Replace("{expression}", expression.ToString())
            .Replace("{difference}", Number(left.Mid - right.Mid))
            .Replace("{left}", Number(left.Mid))
            .Replace("{right}", Number(right.Mid))
            .Replace("{rule}", rule.Id);
    }

    public static string NotAssessable(RuleInstance instance, List<string> missing, MessageLanguage language) =>
        language == MessageLanguage.Chinese
            ? $"无法核对 {instance.Rule.Id}（{instance.Rule.Assert}）：缺少 {string.Join("、", missing)}"
            : $"{instance.Rule.Id} ({instance.Rule.Assert}) is not assessable: missing {string.Join(", ", missing)}";

    private static string Context(RuleInstance instance, bool zh)
    {
        if (instance.Context is not { } context)
            return "";
        var template = instance.Rule.Template;
        switch (instance.Rule.Each)
        {
            case RuleEach.Column:
                foreach (var cell in instance.Cells)
                    if (cell.Column.Id == context)
                        return zh ? cell.Column.Label + "列：" : "column " + context + ": ";
                break;
            case RuleEach.Row:
                foreach (var cell in instance.Cells)
                    if (cell.Table.Path + "." + cell.Row.Path == context)
                        return zh ? cell.Row.Label + "行：" : "row " + context + ": ";
                break;
            case RuleEach.Cell:
                if (template.FindCell(context) is { } c)
                    return zh ? c.Row.Label + "·" + c.Column.Label + "：" : "cell " + context + ": ";
                break;
        }

        return zh ? context + "：" : context + ": ";
    }

    private static void AppendSide(StringBuilder text, IReadOnlyList<RuleTerm> terms, RuleInstance instance, List<FindingCell> cells, bool zh)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (i > 0)
                text.Append(term.Negative ? " - " : " + ");
            else if (term.Negative)
                text.Append('-');
            if (term.Paths.Count == 0)
            {
                text.Append(Number(term.Constant));
                continue;
            }

            text.Append(zh ? Label(term, instance, cells) : term.Text);
            text.Append('(').Append(Value(term, cells, zh)).Append(')');
        }
    }

    private static string Label(RuleTerm term, RuleInstance instance, List<FindingCell> cells)
    {
        var first = FindCell(term, term.Paths[0], cells);
        if (first is null)
            return term.Text;
        string prefix = term.IsPrevious ? "上年" : "";
        if (term.IsSum)
            return prefix + "Σ" + (first.Row.Parent?.Label ?? first.Row.Label);
        return prefix + instance.Rule.Each switch
        {
            RuleEach.Column => first.Row.Label,
            RuleEach.Row => first.Column.Label,
            RuleEach.Cell => first.Row.Label + "·" + first.Column.Label,
            _ => first.Row.Label + "·" + first.Column.Label,
        };
    }

    private static CellDescriptor? FindCell(RuleTerm term, string path, List<FindingCell> cells)
    {
        foreach (var cell in cells)
            if (cell.IsPrevious == term.IsPrevious && cell.Cell.Path == path)
                return cell.Cell;
        return null;
    }

    private static string Value(RuleTerm term, List<FindingCell> cells, bool zh)
    {
        if (term.Paths.Count == 1)
        {
            foreach (var cell in cells)
            {
                if (cell.IsPrevious != term.IsPrevious || cell.Cell.Path != term.Paths[0])
                    continue;
                if (cell.Value.IsBlank)
                    return cell.Status == CellStatus.Missing ? (zh ? "缺" : "missing") : (zh ? "空" : "blank");
                return cell.Value.ToString();
            }

            return zh ? "缺" : "missing";
        }

        Interval sum = default;
        bool amount = false;
        foreach (var path in term.Paths)
        {
            foreach (var cell in cells)
            {
                if (cell.IsPrevious == term.IsPrevious && cell.Cell.Path == path)
                {
                    sum += Interval.Of(cell.Cell, cell.Value);
                    amount |= cell.Cell.Kind == ValueKind.Amount;
                    break;
                }
            }
        }

        return Number(sum.Mid) + (amount ? "元" : "");
    }

    private static string Negated(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.Equal => "≠",
        ComparisonOperator.LessOrEqual => ">",
        ComparisonOperator.GreaterOrEqual => "<",
        ComparisonOperator.Less => "≥",
        _ => "≤",
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
