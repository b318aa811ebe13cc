using System.Linq;

namespace GovInfoReports.Generators.Model;

// The equatable models: what a template file means, with nothing position- or compilation-dependent
// in them, so they are the incremental pipeline's cache keys. Column sets are already resolved into
// each table's columns; ColumnSetName keeps the set's name for the shared row type.

/// <summary>A whole template file.</summary>
internal sealed record TemplateModel(
    string Id,
    string TypeName,
    string Title,
    string Basis,
    int FromYear,
    int? ToYear,
    EquatableArray<string> Markers,
    EquatableArray<SectionModel> Sections,
    EquatableArray<RuleModel> Rules,
    string? Revises = null)
{
    /// <summary>The narrative facts (<c>"narrative"</c>): phrases of the report's prose that state a cell's value.</summary>
    public EquatableArray<NarrativeModel> Narrative { get; init; } = EquatableArray<NarrativeModel>.Empty;

    /// <summary>The required parts of the report's text (<c>"parts"</c>): headings a report must have, with something under them.</summary>
    public EquatableArray<PartModel> Parts { get; init; } = EquatableArray<PartModel>.Empty;

    /// <summary>How the report states the information-processing fees it charged (<c>"fee"</c>), or <see langword="null"/>.</summary>
    public FeeModel? Fee { get; init; }
}

/// <summary>The fee statement of 六、其他需要报告的事项: the words that name the fee, and those that say none was charged.</summary>
internal sealed record FeeModel(EquatableArray<string> Subjects, EquatableArray<string> None);

/// <summary>A required part of a report (一、总体情况, 五、存在的主要问题及改进情况, …): its heading and the other ways reports word it.</summary>
internal sealed record PartModel(string Id, string Heading, EquatableArray<string> Aliases, RuleSeverityModel Severity);

/// <summary>
/// A narrative fact: phrases of a report's prose (<c>收到政府信息公开申请{n}件</c>) that state the value of a cell or of
/// a sum of cells, checked against the tables with its own id and severity.
/// </summary>
internal sealed record NarrativeModel(
    string Id,
    string? Description,
    RuleSeverityModel Severity,
    EquatableArray<string> Cells,
    EquatableArray<string> Phrases);

/// <summary>A numbered section (二、三、四、…).</summary>
internal sealed record SectionModel(
    string Id,
    string Number,
    string Heading,
    EquatableArray<string> Aliases,
    bool IsSingleTable,
    EquatableArray<TableModel> Tables);

/// <summary>A table: columns (resolved) and rows.</summary>
internal sealed record TableModel(
    string Id,
    string? Caption,
    EquatableArray<string> Aliases,
    string? RowHeader,
    string? Note,
    string? ColumnsCaption,
    TableLayoutModel Layout,
    string? ColumnSetName,
    EquatableArray<ColumnModel> Columns,
    EquatableArray<RowModel> Rows);

/// <summary>A value column.</summary>
internal sealed record ColumnModel(
    string Id,
    string Label,
    EquatableArray<string> Aliases,
    string? Group,
    ValueKindModel Kind,
    string? Unit);

/// <summary>A row; with children it is a group row that holds no values.</summary>
internal sealed record RowModel(
    string Id,
    string? Number,
    string Label,
    EquatableArray<string> Aliases,
    EquatableArray<RowModel> Children)
{
    public bool IsGroup => Children.Count > 0;
}

internal enum ValueKindModel
{
    Count,
    SignedCount,
    Amount,
}

internal enum TableLayoutModel
{
    Grid,
    SingleRow,
}

/// <summary>A rule's severity (<c>"severity"</c>).</summary>
internal enum RuleSeverityModel
{
    Error,
    Warning,
    Info,
}

/// <summary>What a rule is applied to (<c>"each"</c>): once, or once per column, row or cell of its table.</summary>
internal enum RuleEachModel
{
    None,
    Column,
    Row,
    Cell,
}

/// <summary>The comparison a rule asserts (<c>==</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&gt;</c>).</summary>
internal enum ComparisonOperatorModel
{
    Equal,
    LessOrEqual,
    GreaterOrEqual,
    Less,
    Greater,
}

/// <summary>
/// The spellings of the rule model's choices: in template files and in C#. The enums' member names are those of the
/// runtime's Severity, RuleEach and ComparisonOperator, which the generated code names.
/// </summary>
internal static class RuleModelText
{
    /// <summary>The operator as written in a rule and in C#.</summary>
    public static string Symbol(this ComparisonOperatorModel op) => op switch
    {
        ComparisonOperatorModel.Equal => "==",
        ComparisonOperatorModel.LessOrEqual => "<=",
        ComparisonOperatorModel.GreaterOrEqual => ">=",
        ComparisonOperatorModel.Less => "<",
        _ => ">",
    };

    /// <summary>The operator of a rule expression's symbol.</summary>
    public static ComparisonOperatorModel Operator(string symbol) => symbol switch
    {
        "==" => ComparisonOperatorModel.Equal,
        "<=" => ComparisonOperatorModel.LessOrEqual,
        ">=" => ComparisonOperatorModel.GreaterOrEqual,
        "<" => ComparisonOperatorModel.Less,
        ">" => ComparisonOperatorModel.Greater,
        _ => throw new System.ArgumentException("not a comparison operator: " + symbol, nameof(symbol)),
    };

    /// <summary>The severity of its template-file spelling (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
    public static RuleSeverityModel Severity(string text) => text switch
    {
        "warning" => RuleSeverityModel.Warning,
        "info" => RuleSeverityModel.Info,
        _ => RuleSeverityModel.Error,
    };

    /// <summary>The <c>each</c> of its template-file spelling (<c>column</c>, <c>row</c>, <c>cell</c>; <c>none</c> when absent).</summary>
    public static RuleEachModel Each(string text) => text switch
    {
        "column" => RuleEachModel.Column,
        "row" => RuleEachModel.Row,
        "cell" => RuleEachModel.Cell,
        _ => RuleEachModel.None,
    };
}

/// <summary>A bound rule: its declaration and one instance per column, row or cell it applies to.</summary>
internal sealed record RuleModel(
    string Id,
    RuleSeverityModel Severity,
    bool Deprecated,
    RuleEachModel Each,
    string Scope,
    string Assert,
    string? When,
    string? Tolerance,
    string? MessageZh,
    string? MessageEn,
    EquatableArray<RuleInstanceModel> Instances)
{
    /// <summary>Whether any instance reads the previous year's report (run by the runtime, not compiled).</summary>
    public bool IsCrossYear => Instances.Any(i => i.Assertion.HasPrevious || (i.When?.HasPrevious ?? false));
}

/// <summary>One application of a rule (for one column, row or cell, or the only one).</summary>
internal sealed record RuleInstanceModel(string? Context, ComparisonModel Assertion, ComparisonModel? When);

/// <summary><c>left op right</c>, each side a signed sum of terms.</summary>
internal sealed record ComparisonModel(EquatableArray<TermModel> Left, ComparisonOperatorModel Operator, EquatableArray<TermModel> Right)
{
    public bool HasPrevious => Left.Any(t => t.Previous) || Right.Any(t => t.Previous);
}

/// <summary>A cell, a sum over a group's cells, or a constant; Cells are full id paths with their value kinds.</summary>
internal sealed record TermModel(bool Negative, string Text, EquatableArray<TermCell> Cells, string? Constant, bool Previous, bool IsSum);

/// <summary>A cell a term reads: its full id path and what the generated code needs to read it.</summary>
internal sealed record TermCell(string Path, ValueKindModel Kind, string? Unit);
