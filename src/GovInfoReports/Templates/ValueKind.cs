namespace GovInfoReports.Templates;

/// <summary>What kind of number a template column holds.</summary>
public enum ValueKind
{
    /// <summary>A whole number that cannot be negative (a count of documents, items, applications or cases). C# type <c>int?</c>.</summary>
    Count = 0,

    /// <summary>A whole number that may be negative, such as 本年增/减. C# type <c>int?</c>.</summary>
    SignedCount = 1,

    /// <summary>A money amount that cannot be negative. C# type <c>decimal?</c> in a fixed unit, or <see cref="Amount"/>? when each report states its own unit.</summary>
    Amount = 2,
}

/// <summary>How a table is laid out in the official template.</summary>
public enum TableLayout
{
    /// <summary>One physical row per data row, one physical column per value column.</summary>
    Grid = 0,

    /// <summary>
    /// All data rows laid side by side in a single physical row, their labels becoming column group
    /// headers (section 四: 行政复议 | 行政诉讼 未经复议直接起诉 | 复议后起诉, five outcome columns each).
    /// </summary>
    SingleRow = 1,
}
