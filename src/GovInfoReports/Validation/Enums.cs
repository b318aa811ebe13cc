namespace GovInfoReports.Validation;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; not a defect.</summary>
    Info = 0,

    /// <summary>Probably a defect (a soft check, or a cross-year expectation).</summary>
    Warning = 1,

    /// <summary>The numbers contradict the template (a 勾稽关系 or a structural total does not hold).</summary>
    Error = 2,
}

/// <summary>Whether a rule is run.</summary>
public enum RuleStatus
{
    /// <summary>Run.</summary>
    Active = 0,

    /// <summary>Kept for reference but not run (as EBA deactivates rules between releases).</summary>
    Deprecated = 1,
}

/// <summary>What a rule is applied to, once per instance.</summary>
public enum RuleEach
{
    /// <summary>Once: the rule's paths name cells.</summary>
    None = 0,

    /// <summary>Once per column of a grid: the rule's paths name rows.</summary>
    Column = 1,

    /// <summary>Once per data row of a grid: the rule's paths name columns.</summary>
    Row = 2,

    /// <summary>Once per cell of a grid: the rule's one path is <c>this</c>.</summary>
    Cell = 3,
}

/// <summary>The comparison a rule asserts.</summary>
public enum ComparisonOperator
{
    /// <summary><c>==</c></summary>
    Equal = 0,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual = 1,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual = 2,

    /// <summary><c>&lt;</c></summary>
    Less = 3,

    /// <summary><c>&gt;</c></summary>
    Greater = 4,
}

/// <summary>What a finding says about its rule.</summary>
public enum FindingKind
{
    /// <summary>The rule does not hold for the report's numbers.</summary>
    Failed = 0,

    /// <summary>The rule could not be checked: cells it needs are missing from the source (never a false arithmetic error).</summary>
    NotAssessable = 1,
}

/// <summary>How rules treat blank cells.</summary>
public enum BlankCellHandling
{
    /// <summary>A blank cell counts as 0; a finding names the blank cells it involved (templates.md §6.3).</summary>
    AsZero = 0,

    /// <summary>A rule instance that involves a blank cell is not checked.</summary>
    SkipRule = 1,
}

/// <summary>The language of finding messages.</summary>
public enum MessageLanguage
{
    /// <summary>Chinese, with the template's labels.</summary>
    Chinese = 0,

    /// <summary>English, with the template's ids.</summary>
    English = 1,
}
