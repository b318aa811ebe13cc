using System;
using System.Collections.Generic;
using System.Text;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>
/// The findings of aligning a report with one template, and the catalogue of their messages (Chinese and English).
/// Each message is made in the read's language only, and only while its kind has fewer than
/// <see cref="MaxFindingsPerIssue"/> findings.
/// </summary>
internal sealed class MatchFindings
{
    /// <summary>
    /// The most findings of one kind a read lists (a report has at most a few hundred cells, so only a file built or
    /// broken to repeat a row reaches it); the rest are counted in one more finding, which keeps a read's memory bounded.
    /// </summary>
    public const int MaxFindingsPerIssue = 1_000;

    private static readonly int IssueSlots = MaxIssue() + 1;

    private readonly CellDescriptor[] _cells;
    private readonly CellSheet _sheet;
    private readonly int[] _issueCounts = new int[IssueSlots];
    private TokenList _tokens = TokenList.Empty;
    private bool _chinese;

    public MatchFindings(CellDescriptor[] cells, CellSheet sheet)
    {
        _cells = cells;
        _sheet = sheet;
    }

    public List<ExtractionFinding> List { get; } = new();

    public void Reset(TokenList tokens, bool chinese)
    {
        _tokens = tokens;
        _chinese = chinese;
        List.Clear();
        Array.Clear(_issueCounts, 0, _issueCounts.Length);
    }

    /// <summary>Drops the references to the read's tokens and findings.</summary>
    public void Release()
    {
        _tokens = TokenList.Empty;
        List.Clear();
    }

    public void ApproximateLabel(int start, int consumed, RowDescriptor row) =>
        Add(ExtractionIssue.ApproximateLabel, start, Array.Empty<int>(), () => _chinese
            ? $"“{Raw(start, consumed)}”按行“{row.FullLabel}”读取（标签不完整或有误）。"
            : $"“{Raw(start, consumed)}” was read as row “{row.FullLabel}” (the label is truncated or misspelt).");

    public void ForeignColumns(int start, int consumed, TableDescriptor table, int[] cells) =>
        Add(ExtractionIssue.ForeignColumns, start, cells, () => _chinese
            ? $"表“{Describe(table)}”的表头“{Raw(start, consumed)}”属于其他模板，本表数字未读取。"
            : $"Table “{Describe(table)}” has the header “{Raw(start, consumed)}” of another template; its numbers were not read.");

    public void RowsByPosition(int token, RowDescriptor group, int cellCount) =>
        Add(ExtractionIssue.RowsByPosition, token, Array.Empty<int>(), () => _chinese
            ? $"“{group.FullLabel}”下各行的标签缺失，{cellCount} 个数字按模板顺序读取。"
            : $"The sub-row labels of “{group.FullLabel}” are missing; its {cellCount} numbers were read in template order.");

    public void RowsPairedByPosition(int token, RowDescriptor first, RowDescriptor last, int rows) =>
        Add(ExtractionIssue.RowsPairedByPosition, token, Array.Empty<int>(), () => _chinese
            ? $"行“{first.FullLabel}”至“{last.FullLabel}”的标签与数字分开排列：其后 {rows} 行数字按模板顺序与这 {rows} 行配对。"
            : $"The labels of rows “{first.FullLabel}” to “{last.FullLabel}” stand apart from their numbers: the {rows} lines of numbers after them were paired with these {rows} rows in template order.");

    public void StrayCells(List<int> strays) =>
        Add(ExtractionIssue.StrayCells, strays[0], Array.Empty<int>(), () => _chinese
            ? $"表头中多出 {strays.Count} 个单元格（“{_tokens.Raw(strays[0])}”），已忽略。"
            : $"{strays.Count} extra cell(s) in a table header (“{_tokens.Raw(strays[0])}”) were ignored.");

    public void DuplicateRow(int token, RowDescriptor? row, TableDescriptor? table, int count) =>
        Add(ExtractionIssue.DuplicateRow, token, Array.Empty<int>(), () => _chinese
            ? $"{What(row, table, english: false)}再次出现，后一次的 {count} 个数字未读取。"
            : $"{What(row, table, english: true)} appears again; the {count} number(s) of the later one were not read.");

    public void StrayCell(RowDescriptor? row, TableDescriptor? table, int expected, int stray) =>
        Add(ExtractionIssue.StrayCells, stray, Array.Empty<int>(), () => _chinese
            ? $"{What(row, table, english: false)}有 {expected + 1} 个单元格，多出的“{_tokens.Raw(stray)}”已按列数忽略。"
            : $"{What(row, table, english: true)} has {expected + 1} cells; the extra “{_tokens.Raw(stray)}” was ignored by the known column count.");

    public void DuplicatedCell(int token, int[] cells, RowDescriptor? row, TableDescriptor? table, int count, int duplicate) =>
        Add(ExtractionIssue.CellCountMismatch, token, cells, () => _chinese
            ? $"{What(row, table, english: false)}后有 {count} 个数字，比列数多一个，且“{_tokens.Raw(duplicate)}”连续出现两次：无法确定哪一个是多余的，这些单元格留空（不移位）。"
            : $"{What(row, table, english: true)} is followed by {count} numbers, one more than its {cells.Length} column(s), and “{_tokens.Raw(duplicate)}” is printed twice in a row: which one is extra cannot be told, so the cells are left empty (not shifted).");

    public void CellCountMismatch(int token, int[] cells, RowDescriptor? row, TableDescriptor? table, int count) =>
        Add(ExtractionIssue.CellCountMismatch, token, cells, () => _chinese
            ? $"{What(row, table, english: false)}后有 {count} 个数字，应为 {cells.Length} 个：无法确定对应的列，这些单元格留空（不移位）。"
            : $"{What(row, table, english: true)} is followed by {count} number(s) for {cells.Length} column(s): which column each belongs to cannot be told, so the cells are left empty (not shifted).");

    public void RowsApartMismatch(int token, int[] cells, RowDescriptor first, RowDescriptor last, int rows, int lines) =>
        Add(ExtractionIssue.CellCountMismatch, token, cells, () => _chinese
            ? $"行“{first.FullLabel}”至“{last.FullLabel}”的标签与数字分开排列，其后的 {lines} 行数字与这 {rows} 行对不上：无法确定哪行数字属于哪一行，这些单元格留空。"
            : $"The labels of rows “{first.FullLabel}” to “{last.FullLabel}” stand apart from their numbers, and the {lines} line(s) of numbers after them do not match these {rows} rows: which numbers belong to which row cannot be told, so the cells are left empty.");

    public void HeaderFromFragments(List<int> fragments, TableDescriptor table) =>
        Add(ExtractionIssue.HeaderFromFragments, fragments[0], Array.Empty<int>(), () => _chinese
            ? $"表“{Describe(table)}”只剩表头残片“{Raw(fragments)}”，其后 {table.Cells.Count} 个数字按模板顺序读取。"
            : $"Table “{Describe(table)}” survives only as header fragments “{Raw(fragments)}”; the {table.Cells.Count} numbers after them were read in template order.");

    public void UnknownRow(List<int> words, int count) =>
        Add(ExtractionIssue.UnknownRow, words[0], Array.Empty<int>(), () => _chinese
            ? $"“{Raw(words)}”不是模板中的行，其后 {count} 个数字未读取。"
            : $"“{Raw(words)}” is not a row of the template; the {count} number(s) after it were not read.");

    public void UnparseableCell(int token, int cell) =>
        Add(ExtractionIssue.UnparseableCell, token, new[] { cell }, () => _chinese
            ? $"单元格“{_tokens.Raw(token)}”（{CellName(_cells[cell])}）不是可读的数字。"
            : $"Cell “{_tokens.Raw(token)}” ({CellName(_cells[cell], english: true)}) is not a readable number.");

    public void NotACount(int token, int cell, bool signed) =>
        Add(ExtractionIssue.InvalidValue, token, new[] { cell }, () => _chinese
            ? $"单元格“{_tokens.Raw(token)}”（{CellName(_cells[cell])}）应为{(signed ? "整数" : "非负整数")}，未读取。"
            : $"Cell “{_tokens.Raw(token)}” ({CellName(_cells[cell], english: true)}) must be {(signed ? "a whole number" : "a whole number ≥ 0")}; it was not read.");

    public void NegativeAmount(int token, int cell) =>
        Add(ExtractionIssue.InvalidValue, token, new[] { cell }, () => _chinese
            ? $"金额“{_tokens.Raw(token)}”（{CellName(_cells[cell])}）为负数，未读取。"
            : $"The amount “{_tokens.Raw(token)}” ({CellName(_cells[cell], english: true)}) is negative; it was not read.");

    public void AmountUnitUnknown(int token, int cell) =>
        Add(ExtractionIssue.AmountUnitUnknown, token, Array.Empty<int>(), () => _chinese
            ? $"金额“{_tokens.Raw(token)}”（{CellName(_cells[cell])}）未注明单位（元或万元），单位记为未知。"
            : $"The amount “{_tokens.Raw(token)}” ({CellName(_cells[cell], english: true)}) has no unit (元 or 万元); its unit is recorded as unknown.");

    public void AnnotatedCell(int token, int cell, CellValue value, string note) =>
        Add(ExtractionIssue.AnnotatedCell, token, Array.Empty<int>(), () => _chinese
            ? $"单元格“{_tokens.Raw(token)}”（{CellName(_cells[cell])}）读作 {value}，注释“{note}”随单元格保留。"
            : $"Cell “{_tokens.Raw(token)}” ({CellName(_cells[cell], english: true)}) was read as {value}; the note “{note}” is kept with the cell.");

    public void TableNotFound(TableDescriptor table, int[] cells) =>
        Add(ExtractionIssue.TableNotFound, -1, cells, () => _chinese
            ? $"未找到表“{Describe(table)}”，其 {cells.Length} 个单元格缺失。"
            : $"Table “{Describe(table)}” was not found; its {cells.Length} cells are missing.");

    public void RowNotFound(string label, List<int> missing, bool labelSeen) =>
        Add(ExtractionIssue.RowNotFound, -1, missing, () => (_chinese, labelSeen) switch
        {
            (true, true) => $"行“{label}”的标签后没有数字，{missing.Count} 个单元格缺失。",
            (false, true) => $"Row “{label}” has no numbers after its label; {missing.Count} cell(s) are missing.",
            (true, false) => $"未找到行“{label}”，{missing.Count} 个单元格缺失。",
            _ => $"Row “{label}” was not found; {missing.Count} cell(s) are missing.",
        });

    /// <summary>One finding per kind past <see cref="MaxFindingsPerIssue"/>, counting those not listed.</summary>
    public void AddUnlistedCounts()
    {
        for (int issue = 0; issue < _issueCounts.Length; issue++)
        {
            int more = _issueCounts[issue] - MaxFindingsPerIssue;
            if (more <= 0)
                continue;
            string code = ((ExtractionIssue)issue).Code();
            List.Add(new ExtractionFinding((ExtractionIssue)issue,
                _chinese
                    ? $"另有 {more} 条 {code} 未列出（每种最多列出 {MaxFindingsPerIssue} 条）。"
                    : $"{more} more {code} findings are not listed (at most {MaxFindingsPerIssue} of a kind are).",
                Array.Empty<CellDescriptor>(), null, null));
        }
    }

    /// <summary>
    /// Records a finding at token <paramref name="token"/> (-1: no position) naming <paramref name="cells"/>, which are
    /// then covered (explained). Past <see cref="MaxFindingsPerIssue"/> of its kind it is only counted, and its message
    /// is not made (a file of 100,000 repeated rows made 100,000).
    /// </summary>
    private void Add(ExtractionIssue issue, int token, IReadOnlyList<int> cells, Func<string> message)
    {
        for (int i = 0; i < cells.Count; i++)
            _sheet.Covered[cells[i]] = true;
        if (++_issueCounts[(int)issue] > MaxFindingsPerIssue)
            return;
        var descriptors = new CellDescriptor[cells.Count];
        for (int i = 0; i < cells.Count; i++)
            descriptors[i] = _cells[cells[i]];
        SourcePosition? position = token >= 0 ? _tokens[token].Position : null;
        string? text = token >= 0 ? _tokens.Raw(token) : null;
        List.Add(new ExtractionFinding(issue, message(), descriptors, position, text));
    }

    private string Raw(int start, int consumed)
    {
        var builder = new StringBuilder();
        for (int i = start; i < start + consumed; i++)
            builder.Append(_tokens.Raw(i));
        return builder.ToString();
    }

    private string Raw(List<int> tokens)
    {
        var builder = new StringBuilder();
        foreach (int t in tokens)
        {
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(_tokens.Raw(t));
            if (builder.Length > 40)
                break;
        }

        return builder.ToString();
    }

    /// <summary>What a finding about a row of numbers names: the row, or else the (single-row) table.</summary>
    private static string What(RowDescriptor? row, TableDescriptor? table, bool english) => row is not null
        ? (english ? $"Row “{row.FullLabel}”" : $"行“{row.FullLabel}”")
        : (english ? $"Table “{Describe(table!)}”" : $"表“{Describe(table!)}”");

    public static string Describe(TableDescriptor table) =>
        table.Section.IsSingleTable || table.Caption is null ? table.Section.FullHeading : table.Caption;

    private static string CellName(CellDescriptor cell, bool english = false) =>
        english ? cell.Path : cell.Row.FullLabel + " / " + cell.Column.Label;

    private static int MaxIssue()
    {
        int max = 0;
        foreach (var issue in Enum.GetValues<ExtractionIssue>())
            max = Math.Max(max, (int)issue);
        return max;
    }
}
