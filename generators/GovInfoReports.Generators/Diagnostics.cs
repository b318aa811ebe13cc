namespace GovInfoReports.Generators;

/// <summary>
/// Every diagnostic about template files, in one place. In a build they are reported by
/// <c>TemplateFileAnalyzer</c> at the exact line and column inside the template file (the generator
/// itself reports nothing and simply generates no code for a file with errors); at run time
/// <c>ReportTemplate.Load</c> and <c>govinfo check</c> report the same ones, from the same parser. This file
/// needs no Roslyn: it is compiled into the runtime too. README.md lists them with their fixes.
/// </summary>
internal static class Diagnostics
{
    public static readonly DiagnosticDefinition InvalidJson = Error(
        "GIR001", "Template file is not valid JSON",
        "模板文件不是有效的 JSON / The template file is not valid JSON: {0}");

    public static readonly DiagnosticDefinition MissingMember = Error(
        "GIR002", "Required member missing",
        "缺少必需的成员 '{0}' / {1} needs the member '{0}'");

    public static readonly DiagnosticDefinition DuplicateId = Error(
        "GIR003", "Duplicate id",
        "id '{0}' 重复 / Duplicate id '{0}': {1} ids must be unique");

    public static readonly DiagnosticDefinition UnknownColumnSet = Error(
        "GIR004", "Unknown column set",
        "未知的列集 '{0}' / Unknown column set '{0}'; the template defines: {1}");

    public static readonly DiagnosticDefinition UnknownValueKind = Error(
        "GIR005", "Unknown value kind",
        "未知的值类型 '{0}' / Unknown value kind '{0}'; use count, signedCount or amount");

    public static readonly DiagnosticDefinition WrongType = Error(
        "GIR006", "Member has the wrong JSON type",
        "'{0}' 的类型错误 / '{0}' must be {1}, not {2}");

    public static readonly DiagnosticDefinition UnknownMember = new(
        "GIR007", "Unknown member",
        "未知的成员 '{0}'，已忽略 / Unknown member '{0}' in {1}; it is ignored (expected one of: {2})",
        isError: false);

    public static readonly DiagnosticDefinition InvalidIdentifier = Error(
        "GIR008", "Invalid identifier",
        "'{0}' 不是有效的标识符 / '{0}' is not a valid {1}: {2}");

    public static readonly DiagnosticDefinition DuplicateMember = Error(
        "GIR009", "Duplicate JSON member",
        "成员 '{0}' 重复 / The member '{0}' appears more than once in this object");

    public static readonly DiagnosticDefinition InvalidUnit = Error(
        "GIR010", "Invalid unit",
        "单位 '{0}' 无效 / The unit '{0}' is not valid for a {1} column: {2}");

    public static readonly DiagnosticDefinition NameClash = Error(
        "GIR011", "Generated C# names clash",
        "生成的 C# 名称冲突 / '{0}' would generate the C# name '{1}', which {2}");

    public static readonly DiagnosticDefinition EmptyList = Error(
        "GIR012", "Empty list",
        "'{0}' 不能为空 / '{0}' must not be empty");

    public static readonly DiagnosticDefinition InvalidValue = Error(
        "GIR013", "Invalid value",
        "'{0}' 的值无效 / Invalid value for '{0}': {1}");

    public static readonly DiagnosticDefinition SectionShape = Error(
        "GIR014", "Section is neither a table nor a list of tables",
        "节 '{0}' 结构错误 / Section '{0}' must have either 'tables', or 'columns' and 'rows' (one table), {1}");

    // Reported at the end of the compilation (it compares all template files): tagged so that IDEs run it in full builds only.
    public static readonly DiagnosticDefinition DuplicateTemplate = Error(
        "GIR015", "Duplicate template",
        "模板 {0} '{1}' 重复 / Another template file ({2}) already uses the {0} '{1}'",
        compilationEnd: true);

    public static readonly DiagnosticDefinition RuleSyntax = Error(
        "GIR016", "Rule expression syntax error",
        "规则表达式语法错误 / Syntax error in the rule expression: {0}");

    public static readonly DiagnosticDefinition UnknownRulePath = Error(
        "GIR017", "Unknown path in a rule",
        "规则中的路径 '{0}' 无法解析 / The path '{0}' does not name {1} in {2}{3}");

    public static readonly DiagnosticDefinition MixedKinds = Error(
        "GIR018", "Rule compares counts with amounts",
        "规则比较了计数与金额 / Rule '{0}' compares counts ({1}) with amounts ({2}); declare a \"tolerance\" if that is meant");

    public static readonly DiagnosticDefinition EachNeedsGrid = Error(
        "GIR019", "'each' over something that is not one table",
        "'each' 只能用于单个表格 / 'each: {0}' needs the rule to be declared in a table (or a section that is one table), but it is declared in {1}");

    public static readonly DiagnosticDefinition InternalError = Error(
        "GIR099", "Internal error while reading a template",
        "读取模板时发生内部错误 / Internal error while reading the template ({0}); please report it with the template file");

    /// <summary>Every diagnostic, in id order.</summary>
    public static readonly DiagnosticDefinition UnknownNarrativeCell = Error(
        "GIR020", "Unknown cell in a narrative fact",
        "叙述事实中的单元格 '{0}' 不存在 / The narrative fact '{1}' names '{0}', which is not a cell of the template");

    public static readonly DiagnosticDefinition[] All =
    {
        InvalidJson, MissingMember, DuplicateId, UnknownColumnSet, UnknownValueKind, WrongType, UnknownMember, InvalidIdentifier,
        DuplicateMember, InvalidUnit, NameClash, EmptyList, InvalidValue, SectionShape, DuplicateTemplate, RuleSyntax,
        UnknownRulePath, MixedKinds, EachNeedsGrid, UnknownNarrativeCell, InternalError,
    };

    private static DiagnosticDefinition Error(string id, string title, string message, bool compilationEnd = false) =>
        new(id, title, message, isError: true, compilationEnd);
}

/// <summary>One kind of template diagnostic: id, title, message format, severity. Roslyn-free (see <see cref="Diagnostics"/>).</summary>
internal sealed class DiagnosticDefinition
{
    public DiagnosticDefinition(string id, string title, string messageFormat, bool isError, bool compilationEnd = false)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        IsError = isError;
        IsCompilationEnd = compilationEnd;
    }

    public string Id { get; }

    public string Title { get; }

    public string MessageFormat { get; }

    /// <summary>An error (no code is generated for the file); otherwise a warning.</summary>
    public bool IsError { get; }

    /// <summary>Found by comparing all template files at the end of a compilation (IDEs run those in full builds only).</summary>
    public bool IsCompilationEnd { get; }

    public const string Category = "GovInfoReports.Templates";

    /// <summary>The message with its arguments, formatted as the compiler formats it.</summary>
    public string Format(object[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}
