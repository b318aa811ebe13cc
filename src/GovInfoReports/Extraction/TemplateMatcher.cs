using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// Matches the token stream of a report against one template: sections by heading, tables by caption, rows by
/// label, numbers by the known column counts. One pass, no backtracking; numbers that do not fit are left
/// unassigned with a finding, never shifted.
/// </summary>
internal sealed class TemplateMatcher
{
    private const int MaxLabelParts = 4;
    private const int MaxLabelLineSpan = 3;
    private const int MaxLabelWords = 24;
    private const int MaxNotedLabelLength = 160;

    private readonly TemplateVocabulary _vocabulary;
    private readonly ReportTemplate _template;
    private readonly CellDescriptor[] _cells;

    // Set per read (see Rent).
    private IReadOnlyList<TemplateVocabulary> _others = Array.Empty<TemplateVocabulary>();
    private TokenList _tokens = EmptyTokens;
    // Messages are built in the reader's language only (each finding's message is formatted once, not twice).
    private bool _chinese;
    private bool _inUse;
    private bool _resultTaken;

    // Per table (template order): cells found reported and blank (TablesFound counts the tables with any).
    private readonly int[] _tableReported;
    private readonly int[] _tableBlank;
    private readonly List<int> _buffer = new();
    private static readonly int IssueSlots = (int)Enum.GetValues<ExtractionIssue>().Max() + 1;
    private readonly int[] _issueCounts = new int[IssueSlots];     // per issue, the findings added
    // The label candidates of MatchLabel (at most MaxLabelWords): key, facts and last token of each.
    private readonly TextKey[] _endKeys = new TextKey[MaxLabelWords];
    private readonly TemplateVocabulary.KeyFacts[] _endFacts = new TemplateVocabulary.KeyFacts[MaxLabelWords];
    private readonly int[] _endTokens = new int[MaxLabelWords];
    private readonly List<int> _strays = new();
    private readonly List<int> _unknown = new();
    private readonly HashSet<TableDescriptor> _foreign = new();
    private readonly HashSet<RowDescriptor> _seenRows = new();
    private readonly Dictionary<(TableDescriptor Table, int Column), AmountUnit> _headerUnits = new();

    private SectionDescriptor? _section;
    private TableDescriptor? _table;
    private RowDescriptor? _lastRow;
    private Pending _pending;
    private RowDescriptor? _pendingRow;
    private TableDescriptor? _pendingTable;

    // A matcher's arrays, sets and lists are per-thread and reused from read to read (Rent / Return): a fresh matcher
    // per template per read was a third of what a read allocated. At most MaxPooled per thread.
    private const int MaxPooled = 8;

    [ThreadStatic]
    private static List<TemplateMatcher>? t_pool;

    private TemplateMatcher(TemplateVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _template = vocabulary.Template;
        _cells = vocabulary.Cells;
        int count = _cells.Length;
        Values = new CellValue[count];
        Statuses = NewStatuses(count);
        Spans = new CellSource[count];
        Covered = new bool[count];
        _tableReported = new int[vocabulary.Template.Tables.Count];
        _tableBlank = new int[vocabulary.Template.Tables.Count];
    }

    /// <summary>A matcher of <paramref name="vocabulary"/> for one read (the thread's, when free); give it back with <see cref="Return"/>.</summary>
    public static TemplateMatcher Rent(TemplateVocabulary vocabulary, IReadOnlyList<TemplateVocabulary> others, TokenList tokens, MessageLanguage language)
    {
        var pool = t_pool ??= new List<TemplateMatcher>();
        TemplateMatcher? matcher = null;
        foreach (var pooled in pool)
        {
            if (pooled._vocabulary == vocabulary && !pooled._inUse)
            {
                matcher = pooled;
                break;
            }
        }

        if (matcher is null)
        {
            matcher = new TemplateMatcher(vocabulary);
            if (pool.Count < MaxPooled)
            {
                pool.Add(matcher);
            }
        }

        matcher.Reset(others, tokens, language);
        return matcher;
    }

    /// <summary>Ends the read: the matcher drops its references to the read's tokens and findings.</summary>
    public void Return()
    {
        _inUse = false;
        _tokens = EmptyTokens;
        _others = Array.Empty<TemplateVocabulary>();
        Findings.Clear();
        Array.Clear(_endKeys, 0, _endKeys.Length);
        Array.Clear(_endFacts, 0, _endFacts.Length);
    }

    private static readonly TokenList EmptyTokens = new();

    /// <summary>
    /// The cells read (values, statuses, where each was read, notes), to keep beyond the read (the result holds them):
    /// the matcher makes new arrays for its next read.
    /// </summary>
    public (CellValue[] Values, CellStatus[] Statuses, CellSource[] Spans, string?[]? Notes) TakeCells()
    {
        _resultTaken = true;
        return (Values, Statuses, Spans, Notes);
    }

    private static CellStatus[] NewStatuses(int count)
    {
        var statuses = new CellStatus[count];
        statuses.AsSpan().Fill(CellStatus.Missing);
        return statuses;
    }

    private void Reset(IReadOnlyList<TemplateVocabulary> others, TokenList tokens, MessageLanguage language)
    {
        _inUse = true;
        _others = others;

        _tokens = tokens;
        _chinese = language != MessageLanguage.English;
        if (_resultTaken)
        {
            Values = new CellValue[_cells.Length];
            Statuses = NewStatuses(_cells.Length);
            Spans = new CellSource[_cells.Length];
            _resultTaken = false;
        }
        else
        {
            Array.Clear(Values, 0, Values.Length);
            Statuses.AsSpan().Fill(CellStatus.Missing);
            Array.Clear(Spans, 0, Spans.Length);
        }

        Notes = null;
        Array.Clear(Covered, 0, Covered.Length);
        Array.Clear(_tableReported, 0, _tableReported.Length);
        Array.Clear(_tableBlank, 0, _tableBlank.Length);
        _buffer.Clear();
        _strays.Clear();
        _unknown.Clear();
        _foreign.Clear();
        _seenRows.Clear();
        _headerUnits.Clear();
        _section = null;
        _table = null;
        _lastRow = null;
        _pending = Pending.None;
        _pendingRow = null;
        _pendingTable = null;
        Findings.Clear();
        Array.Clear(_issueCounts, 0, _issueCounts.Length);
        Found = 0;
        TablesFound = 0;
        SawTableNumbers = false;
        AnyLabel = false;
    }

    private enum Pending
    {
        None,
        Row,
        Group,
        SingleRow,
        Unknown,
    }

    private enum MatchKind
    {
        None,
        Section,
        Caption,
        Row,
        Header,
        Foreign,
    }

    private readonly struct Match
    {
        public Match(MatchKind kind, object? target = null, int column = -1, bool approximate = false)
        {
            Kind = kind;
            Target = target;
            Column = column;
            Approximate = approximate;
        }

        public MatchKind Kind { get; }

        public object? Target { get; }

        public int Column { get; }

        public bool Approximate { get; }
    }

    public TemplateVocabulary Vocabulary => _vocabulary;

    public CellValue[] Values { get; private set; }

    /// <summary>Per cell: reported, blank, or missing (not found, or not readable).</summary>
    public CellStatus[] Statuses { get; private set; }

    /// <summary>Per cell: where it was read (a default span when it was not).</summary>
    public CellSource[] Spans { get; private set; }

    /// <summary>Per cell: the note printed with it; null when no cell has one.</summary>
    public string?[]? Notes { get; private set; }

    /// <summary>Per cell: whether a finding already explains why it is missing.</summary>
    public bool[] Covered { get; }

    public List<ExtractionFinding> Findings { get; } = new();

    /// <summary>Cells found (reported or blank).</summary>
    public int Found { get; private set; }

    /// <summary>Tables of the template with at least one cell found.</summary>
    public int TablesFound { get; private set; }

    /// <summary>Counts a cell found (reported or blank), and its table when it is the table's first.</summary>
    private void CountFound(int cellIndex, bool blank = false)
    {
        Found++;
        int table = _vocabulary.TableOfCell[cellIndex];
        if (_tableReported[table] == 0 && _tableBlank[table] == 0)
            TablesFound++;
        if (blank)
            _tableBlank[table]++;
        else
            _tableReported[table]++;
    }

    /// <summary>Cells of table <paramref name="table"/> (template index) found reported.</summary>
    public int TableReported(int table) => _tableReported[table];

    /// <summary>Cells of table <paramref name="table"/> (template index) found blank.</summary>
    public int TableBlank(int table) => _tableBlank[table];

    /// <summary>Whether any number or blank cell appeared inside a table of the template.</summary>
    public bool SawTableNumbers { get; private set; }

    /// <summary>Whether any heading, caption, row label or header of the template was recognised.</summary>
    public bool AnyLabel { get; private set; }

    public void Run()
    {
        int i = 0;
        while (i < _tokens.Count)
        {
            ref readonly var token = ref _tokens[i];
            if (token.IsSlot)
            {
                if (token.Implied)
                {
                    // Empty cells of a grid row without numbers: kept only for a row that expects them (see Flush).
                    if (_pending != Pending.None)
                        _buffer.Add(i);
                    i++;
                    continue;
                }

                if (_pending != Pending.None)
                    _buffer.Add(i);
                else if (_table is not null)
                    _strays.Add(i);
                if (_table is not null || _pending is not (Pending.None or Pending.Unknown))
                    SawTableNumbers = true;
                i++;
                continue;
            }

            if (token.Narrative)
            {
                Flush();
                Close();
                i++;
                continue;
            }

            var match = MatchLabel(i, out int consumed);
            switch (match.Kind)
            {
                case MatchKind.Section:
                    Flush();
                    AnyLabel = true;
                    _section = (SectionDescriptor)match.Target!;
                    _table = _section.IsSingleTable ? _section.Tables[0] : null;
                    _lastRow = null;
                    if (_table?.Layout == TableLayout.SingleRow)
                        Expect(Pending.SingleRow, null, _table);
                    break;
                case MatchKind.Caption:
                    Flush();
                    AnyLabel = true;
                    _table = (TableDescriptor)match.Target!;
                    _section = _table.Section;
                    _lastRow = null;
                    if (_table.Layout == TableLayout.SingleRow)
                        Expect(Pending.SingleRow, null, _table);
                    break;
                case MatchKind.Row:
                    Flush();
                    AnyLabel = true;
                    var row = (RowDescriptor)match.Target!;
                    _table = row.Table;
                    _section = row.Table.Section;
                    _lastRow = row;
                    _seenRows.Add(row);
                    if (match.Approximate)
                        AddApproximateLabel(i, consumed, row);
                    Expect(row.IsGroup ? Pending.Group : Pending.Row, row, row.Table);
                    break;
                case MatchKind.Header:
                    AnyLabel = true;
                    RecordHeaderUnit(match.Column, i, consumed);
                    if (_pending is Pending.Row or Pending.Group or Pending.SingleRow && _buffer.Count == 0)
                        break;
                    Flush();
                    if (_table!.Layout == TableLayout.SingleRow)
                        Expect(Pending.SingleRow, null, _table);
                    break;
                case MatchKind.Foreign:
                    Flush();
                    AnyLabel = true;
                    if (_table is not null && _foreign.Add(_table))
                        AddForeignColumns(i, consumed, _table);

                    break;
                default:
                    var key = _tokens.KeyOf(i)!;
                    int cellEnd = CellEnd(i);
                    if (Facts(cellEnd == i ? key : Concat(i, cellEnd)).LooksLikeHeading)
                    {
                        Flush();
                        Close();
                        consumed = cellEnd - i + 1;
                    }
                    else if (_pending == Pending.Unknown && _buffer.Count == 0)
                    {
                        _unknown.Add(i);
                    }
                    else if (_pending is Pending.Row or Pending.Group or Pending.SingleRow && _buffer.Count == 0 && key.Text[0] == '(')
                    {
                        // A bracketed note printed after a label, before its numbers.
                    }
                    else
                    {
                        Flush();
                        _pending = Pending.Unknown;
                        _unknown.Add(i);
                    }

                    break;
            }

            i += consumed;
        }

        Flush();
    }

    // The findings of Run, Flush and Fit are built in methods of their own, so that no interpolated-string handler sits
    // in a hot method's frame (the JIT zeroes such a frame on every call: moving Assign's messages out of it was ~9 % of
    // a read; for these three the gain was within the noise, but the hot paths read more plainly).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddApproximateLabel(int start, int consumed, RowDescriptor row) =>
        Add(ExtractionIssue.ApproximateLabel, start, Array.Empty<int>(), _chinese
            ? $"“{Raw(start, consumed)}”按行“{row.FullLabel}”读取（标签不完整或有误）。"
            : $"“{Raw(start, consumed)}” was read as row “{row.FullLabel}” (the label is truncated or misspelt).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddForeignColumns(int start, int consumed, TableDescriptor table) =>
        Add(ExtractionIssue.ForeignColumns, start, _vocabulary.TableCells(table),
            _chinese
                ? $"表“{Describe(table)}”的表头“{Raw(start, consumed)}”属于其他模板，本表数字未读取。"
                : $"Table “{Describe(table)}” has the header “{Raw(start, consumed)}” of another template; its numbers were not read.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddRowsByPosition(RowDescriptor group, int cellCount) =>
        Add(ExtractionIssue.RowsByPosition, _buffer[0], Array.Empty<int>(),
            _chinese
                ? $"“{group.FullLabel}”下各行的标签缺失，{cellCount} 个数字按模板顺序读取。"
                : $"The sub-row labels of “{group.FullLabel}” are missing; its {cellCount} numbers were read in template order.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddStrays() =>
        Add(ExtractionIssue.StrayCells, _strays[0], Array.Empty<int>(),
            _chinese
                ? $"表头中多出 {_strays.Count} 个单元格（“{_tokens.Raw(_strays[0])}”），已忽略。"
                : $"{_strays.Count} extra cell(s) in a table header (“{_tokens.Raw(_strays[0])}”) were ignored.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddDuplicateRow(RowDescriptor? row, TableDescriptor? table)
    {
        if (Unlisted(ExtractionIssue.DuplicateRow, Array.Empty<int>()))
            return;
        Add(ExtractionIssue.DuplicateRow, _buffer[0], Array.Empty<int>(),
            _chinese
                ? $"{What(row, table, english: false)}再次出现，后一次的 {_buffer.Count} 个数字未读取。"
                : $"{What(row, table, english: true)} appears again; the {_buffer.Count} number(s) of the later one were not read.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddStrayCell(RowDescriptor? row, TableDescriptor? table, int expected, int stray)
    {
        if (Unlisted(ExtractionIssue.StrayCells, Array.Empty<int>()))
            return;
        Add(ExtractionIssue.StrayCells, stray, Array.Empty<int>(),
            _chinese
                ? $"{What(row, table, english: false)}有 {expected + 1} 个单元格，多出的“{_tokens.Raw(stray)}”已按列数忽略。"
                : $"{What(row, table, english: true)} has {expected + 1} cells; the extra “{_tokens.Raw(stray)}” was ignored by the known column count.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddDuplicatedCell(int[] cells, RowDescriptor? row, TableDescriptor? table, int duplicate)
    {
        if (Unlisted(ExtractionIssue.CellCountMismatch, cells))
            return;
        Add(ExtractionIssue.CellCountMismatch, _buffer[0], cells,
            _chinese
                ? $"{What(row, table, english: false)}后有 {_buffer.Count} 个数字，比列数多一个，且“{_tokens.Raw(duplicate)}”连续出现两次：无法确定哪一个是多余的，这些单元格留空（不移位）。"
                : $"{What(row, table, english: true)} is followed by {_buffer.Count} numbers, one more than its {cells.Length} column(s), and “{_tokens.Raw(duplicate)}” is printed twice in a row: which one is extra cannot be told, so the cells are left empty (not shifted).");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddCellCountMismatch(int[] cells, RowDescriptor? row, TableDescriptor? table)
    {
        if (Unlisted(ExtractionIssue.CellCountMismatch, cells))
            return;
        Add(ExtractionIssue.CellCountMismatch, _buffer[0], cells,
            _chinese
                ? $"{What(row, table, english: false)}后有 {_buffer.Count} 个数字，应为 {cells.Length} 个：无法确定对应的列，这些单元格留空（不移位）。"
                : $"{What(row, table, english: true)} is followed by {_buffer.Count} number(s) for {cells.Length} column(s): which column each belongs to cannot be told, so the cells are left empty (not shifted).");
    }

    private void Expect(Pending pending, RowDescriptor? row, TableDescriptor? table)
    {
        _pending = pending;
        _pendingRow = row;
        _pendingTable = table;
    }

    private void Close()
    {
        _table = null;
        _section = null;
        _lastRow = null;
    }

    private Match MatchLabel(int start, out int consumed)
    {
        // Candidates: this word, then following words of the same cell and up to three more text cells close by,
        // as long as the text so far can still grow into a known label (so the work per word is bounded).
        var endKeys = _endKeys;
        var endFacts = _endFacts;
        var endTokens = _endTokens;
        int ends = 0;
        int cells = 1;
        int firstLine = Tok(start).Line;
        var tokens = _tokens.AsSpan();
        TextKey? previous = null;
        for (int k = start; k < tokens.Length && k - start < MaxLabelWords; k++)
        {
            ref readonly var token = ref tokens[k];
            if (k > start)
            {
                // The empty cells of a grid row between a label's two halves (a label broken over two rows).
                if (token.Implied)
                    continue;
                if (token.Kind != TokenKind.Text || token.Narrative || token.Line - firstLine > MaxLabelLineSpan)
                    break;
                if (!token.Joined && ++cells > MaxLabelParts)
                    break;
            }

            var key = _tokens.KeyOf(in token)!;
            if (previous is not null)
                key = previous.Join(key);

            previous = key;

            var facts = Facts(key);
            if (k > start && !facts.CouldExtend && !CouldBeNote(key))
                break;
            endKeys[ends] = key;
            endFacts[ends] = facts;
            endTokens[ends++] = k;
        }

        for (int last = ends - 1; last >= 0; last--)
        {
            var match = Classify(endKeys[last], endFacts[last]);
            if (match.Kind != MatchKind.None)
            {
                consumed = endTokens[last] - start + 1;
                return match;
            }
        }

        // No exact match: an approximate row label over the whole cell.
        int cellEnd = CellEnd(start);
        var approximate = ApproximateRow(cellEnd == start ? _tokens.KeyOf(start)! : Concat(start, cellEnd));
        consumed = approximate.Kind == MatchKind.None ? 1 : cellEnd - start + 1;
        return approximate;
    }

    /// <summary>
    /// <see cref="TemplateVocabulary.Facts"/> of <paramref name="key"/>, memoised on the key (<see cref="TextKey"/>): a
    /// key seen before costs a field read instead of hashing its text for the vocabulary's concurrent table.
    /// </summary>
    private TemplateVocabulary.KeyFacts Facts(TextKey key) => key.FactsIn(_vocabulary);

    /// <summary>A label followed by a bracketed note still being read (<c>规范性文件(行政机关…</c>).</summary>
    private bool CouldBeNote(TextKey key)
    {
        int open = key.OpenParen;
        return open > 0 && key.Length <= MaxNotedLabelLength && _vocabulary.CouldExtend(key.Text.Substring(0, open));
    }

    /// <summary>The last token of the text cell that <paramref name="start"/> is in (its joined words).</summary>
    private int CellEnd(int start)
    {
        int end = start;
        while (end + 1 < _tokens.Count && Tok(end + 1).Kind == TokenKind.Text && Tok(end + 1).Joined)
            end++;
        return end;
    }

    /// <summary>
    /// The keys of tokens <paramref name="start"/> to <paramref name="last"/>, joined as label candidates are
    /// (<see cref="TextKey.Join"/>: a cell read before costs a field read per word).
    /// </summary>
    private TextKey Concat(int start, int last)
    {
        var key = _tokens.KeyOf(start)!;
        for (int i = start + 1; i <= last; i++)
            key = key.Join(_tokens.KeyOf(i)!);
        return key;
    }

    private Match Classify(TextKey key, TemplateVocabulary.KeyFacts facts)
    {
        if (facts.Section is { } section)
            return new Match(MatchKind.Section, section);
        if (facts.Caption is { } caption)
            return new Match(MatchKind.Caption, caption);
        if (FindRow(facts) is { } row)
            return new Match(MatchKind.Row, row);
        if (_table is not null)
        {
            int column = facts.HeaderColumns[TableIndex(_table)];
            if (column >= -1)
                return new Match(MatchKind.Header, _table, column);
        }

        if (IsForeign(key, facts))
            return new Match(MatchKind.Foreign);
        return default;
    }

    private RowDescriptor? FindRow(TemplateVocabulary.KeyFacts facts)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var candidates = pass == 0 ? facts.Rows : facts.RowBases;
            if (candidates is null)
                continue;
            var row = Choose(candidates, facts);
            if (row is not null)
                return row;
        }

        return null;
    }

    private RowDescriptor? Choose(TemplateVocabulary.RowCandidate[] candidates, TemplateVocabulary.KeyFacts facts)
    {
        string number = facts.Number, rest = facts.Rest;
        RowDescriptor? inTable = null, inSection = null, any = null;
        int tableCount = 0, sectionCount = 0, anyCount = 0;
        for (int c = 0; c < candidates.Length; c++)
        {
            ref readonly var candidate = ref candidates[c];
            var row = candidate.Row;
            string rowNumber = candidate.Number;
            if (number.Length > 0 && rowNumber != number && !(candidates.Length == 1 && rest.Length >= 4))
                continue;
            // A bare 其他 or 总计 is a column header, not the row of that name.
            // (Without a number the rest is the key itself, so the key's header columns apply.)
            if (number.Length == 0 && rowNumber.Length > 0 && facts.HeaderColumns[candidate.TableIndex] >= 0)
                continue;
            anyCount++;
            any = row;
            if (_table is not null && row.Table == _table)
            {
                tableCount++;
                inTable = row;
            }

            if (_section is not null && row.Table.Section == _section)
            {
                sectionCount++;
                inSection = row;
            }
        }

        if (tableCount == 1)
            return inTable;
        if (tableCount == 0 && sectionCount == 1)
            return inSection;
        return tableCount == 0 && sectionCount == 0 && anyCount == 1 ? any : null;
    }

    private Match ApproximateRow(TextKey key)
    {
        var facts = Facts(key);
        string number = facts.Number, rest = facts.Rest;
        if (rest.Length < 3 || _table is null || _table.Layout == TableLayout.SingleRow)
            return default;

        // A truncated label: the text is the start of exactly one row label of the current table.
        RowDescriptor? prefixed = null;
        int prefixCount = 0;
        var tableRows = _vocabulary.TableRows(_table);
        for (int r = 0; r < tableRows.Count; r++)
        {
            var row = tableRows[r];
            if (number.Length > 0 && _vocabulary.RowNumber(row) != number)
                continue;
            foreach (string label in _vocabulary.RowLabels(row))
            {
                if (label.Length > rest.Length && label.StartsWith(rest, StringComparison.Ordinal) && rest.Length * 10 >= label.Length * 6)
                {
                    if (prefixed != row)
                        prefixCount++;
                    prefixed = row;
                    break;
                }
            }
        }

        if (prefixCount == 1)
            return new Match(MatchKind.Row, prefixed, approximate: true);

        // A misspelt label with the right list number under the current group.
        if (number.Length == 0 || _lastRow is null)
            return default;
        var group = _lastRow.IsGroup ? _lastRow : _lastRow.Parent;
        if (group is null)
            return default;
        var children = group.Children;
        for (int c = 0; c < children.Count; c++)
        {
            var child = children[c];
            if (_vocabulary.RowNumber(child) != number)
                continue;
            foreach (string label in _vocabulary.RowLabels(child))
                if (LabelForms.Similarity(rest, label) >= 0.5)
                    return new Match(MatchKind.Row, child, approximate: true);
        }

        return default;
    }

    /// <summary>Whether the key is no label of this template but a column header of another.</summary>
    private bool IsForeign(TextKey key, TemplateVocabulary.KeyFacts facts)
    {
        if (facts.Known)
            return false;
        // Memoised on the key, like Facts, for the same other templates (the reader passes the same array while its
        // candidates stay): asking each other vocabulary hashes the key's text once per template.
        if (key.TryGetForeign(_others, out bool foreign))
            return foreign;
        foreign = false;
        for (int o = 0; o < _others.Count && !foreign; o++)
            foreign = _others[o].Facts(key.Text).IsHeader;
        key.SetForeign(_others, foreign);
        return foreign;
    }

    /// <summary>Token <paramref name="index"/>, by reference (the list is not changed while matching).</summary>
    private ref readonly Token Tok(int index) => ref _tokens[index];

    private TableDescriptor? _indexedTable;
    private int _indexedTableIndex;

    /// <summary>The template index of <paramref name="table"/>; the last one asked is remembered (it is nearly always the current table).</summary>
    private int TableIndex(TableDescriptor table)
    {
        if (!ReferenceEquals(table, _indexedTable))
        {
            _indexedTableIndex = _vocabulary.TableIndex(table);
            _indexedTable = table;
        }

        return _indexedTableIndex;
    }

    private void RecordHeaderUnit(int column, int start, int consumed)
    {
        if (column < 0 || _table is null || _table.Columns[column].Kind != ValueKind.Amount)
            return;
        string text = Concat(start, start + consumed - 1).Text;
        int open = text.IndexOf('(');
        if (open < 0)
            return;
        string note = text.Substring(open);
        if (note.Contains("万元"))
            _headerUnits[(_table, column)] = AmountUnit.TenThousandYuan;
        else if (note.Contains("元"))
            _headerUnits[(_table, column)] = AmountUnit.Yuan;
    }

    private void Flush()
    {
        if (_buffer.Count > 0 && AllImplied() && !ImpliedFit())
            _buffer.Clear();
        switch (_pending)
        {
            case Pending.Row when _buffer.Count > 0:
                Fit(_vocabulary.RowCells(_pendingRow!), _pendingRow, null);
                break;
            case Pending.Group when _buffer.Count > 0:
                var group = _pendingRow!;
                var cells = _vocabulary.RowCells(group);
                if (_buffer.Count == cells.Length && !AnyAssigned(cells) && !_foreign.Contains(group.Table))
                    AddRowsByPosition(group, cells.Length);

                Fit(cells, group, null, allowStray: false);
                break;
            case Pending.SingleRow when _buffer.Count > 0:
                Fit(_vocabulary.TableCells(_pendingTable!), null, _pendingTable);
                break;
            case Pending.Unknown when _buffer.Count > 0:
                FlushUnknown();
                break;
        }

        if (_strays.Count > 0)
        {
            AddStrays();
            _strays.Clear();
        }

        _pending = Pending.None;
        _pendingRow = null;
        _pendingTable = null;
        _buffer.Clear();
        _unknown.Clear();
    }

    private bool AllImplied()
    {
        foreach (int t in _buffer)
            if (!Tok(t).Implied)
                return false;
        return true;
    }

    /// <summary>Whether the empty cells of a grid row without numbers fill exactly the row (or single-row table) expected.</summary>
    private bool ImpliedFit() => _pending switch
    {
        Pending.Row => _buffer.Count == _vocabulary.RowCells(_pendingRow!).Length,
        Pending.SingleRow => _buffer.Count == _vocabulary.TableCells(_pendingTable!).Length,
        _ => false,
    };

    private void FlushUnknown()
    {
        var text = new StringBuilder();
        foreach (int t in _unknown)
            text.Append(_tokens.Key(t));
        string key = text.ToString();

        // Header fragments of a later single-row table (e.g. 持 正 果 结 left of 结果维持 …) followed by exactly its numbers.
        int current = _table is null ? -1 : IndexOf(_table);
        for (int t = current + 1; t < _template.Tables.Count && key.Length >= 2; t++)
        {
            var table = _template.Tables[t];
            if (table.Layout != TableLayout.SingleRow || AnyAssigned(_vocabulary.TableCells(table)) || !_vocabulary.IsHeaderFragment(table, key))
                continue;
            if (_buffer.Count != table.Cells.Count)
                break;
            Add(ExtractionIssue.HeaderFromFragments, _unknown[0], Array.Empty<int>(),
                _chinese
                    ? $"表“{Describe(table)}”只剩表头残片“{Raw(_unknown)}”，其后 {table.Cells.Count} 个数字按模板顺序读取。"
                    : $"Table “{Describe(table)}” survives only as header fragments “{Raw(_unknown)}”; the {table.Cells.Count} numbers after them were read in template order.");
            _table = table;
            _section = table.Section;
            Fit(_vocabulary.TableCells(table), null, table);
            return;
        }

        if (_table is null || Unlisted(ExtractionIssue.UnknownRow, Array.Empty<int>()))
            return;
        Add(ExtractionIssue.UnknownRow, _unknown[0], Array.Empty<int>(),
            _chinese
                ? $"“{Raw(_unknown)}”不是模板中的行，其后 {_buffer.Count} 个数字未读取。"
                : $"“{Raw(_unknown)}” is not a row of the template; the {_buffer.Count} number(s) after it were not read.");
    }

    private int IndexOf(TableDescriptor table)
    {
        for (int i = 0; i < _template.Tables.Count; i++)
            if (_template.Tables[i] == table)
                return i;
        return -1;
    }

    private bool AnyAssigned(int[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
            if (Statuses[cells[i]] != CellStatus.Missing)
                return true;
        return false;
    }

    /// <summary>What a finding of <see cref="Fit"/> names: the row, or else the table.</summary>
    private static string What(RowDescriptor? row, TableDescriptor? table, bool english) => row is not null
        ? (english ? $"Row “{row.FullLabel}”" : $"行“{row.FullLabel}”")
        : (english ? $"Table “{Describe(table!)}”" : $"表“{Describe(table!)}”");

    /// <summary>Places the buffered values in <paramref name="cells"/> (those of <paramref name="row"/>, or of the single-row <paramref name="table"/>).</summary>
    private void Fit(int[] cells, RowDescriptor? row, TableDescriptor? table, bool allowStray = true)
    {
        if (_foreign.Contains(_cells[cells[0]].Table))
            return;
        if (AnyAssigned(cells))
        {
            AddDuplicateRow(row, table);
            return;
        }

        int expected = cells.Length;
        var slots = _buffer;
        bool oneExtra = allowStray && slots.Count == expected + 1;
        if (slots.Count == expected || (oneExtra && DuplicateOf(expected) < 0))
        {
            for (int c = 0; c < expected; c++)
                Assign(cells[c], slots[c]);
            if (slots.Count > expected)
                AddStrayCell(row, table, expected, slots[expected]);
            return;
        }

        if (oneExtra)
            AddDuplicatedCell(cells, row, table, slots[DuplicateOf(expected)]);
        else
            AddCellCountMismatch(cells, row, table);
    }

    /// <summary>
    /// For a row of one cell more than its <paramref name="expected"/> columns: a cell printed like the one before it
    /// (a line printed twice) whose removal would read the row otherwise than dropping the last cell does, or -1.
    /// Which copy is the extra one cannot be told then, and the cells stay missing: dropping the last would move
    /// every value after the duplicate one column left.
    /// </summary>
    private int DuplicateOf(int expected)
    {
        for (int i = 1; i <= expected; i++)
        {
            if (!_tokens.PrintedAlike(_buffer[i - 1], _buffer[i]))
                continue;
            // Both readings agree only when every cell from the duplicate to the end is printed alike (0 0 0).
            for (int j = i + 1; j <= expected; j++)
                if (!_tokens.PrintedAlike(_buffer[j - 1], _buffer[j]))
                    return i;
            return -1;
        }

        return -1;
    }

    private void Assign(int cellIndex, int tokenIndex)
    {
        // The commonest cell by far: a count printed as plain digits (no sign, unit or note) in a count column.
        ref readonly var token = ref _tokens[tokenIndex];
        if (token.Kind == TokenKind.Value && token.Extra < 0 && token.FitsInt32 && token.Unit == ValueUnit.None && !token.Negative
            && _cells[cellIndex].Kind is ValueKind.Count or ValueKind.SignedCount)
        {
            Values[cellIndex] = CellValue.FromInt32(token.Int32);
            Statuses[cellIndex] = CellStatus.Reported;
            Spans[cellIndex] = new CellSource(token.Position, token.Start, token.Length);
            CountFound(cellIndex);
            return;
        }

        AssignOther(cellIndex, tokenIndex);
    }

    /// <summary><see cref="Assign"/> of every other token: blanks, amounts, units, notes, and what cannot be read (with findings).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AssignOther(int cellIndex, int tokenIndex)
    {
        var cell = _cells[cellIndex];
        ref readonly var token = ref _tokens[tokenIndex];
        switch (token.Kind)
        {
            case TokenKind.Blank:
                Statuses[cellIndex] = CellStatus.Blank;
                Spans[cellIndex] = new CellSource(token.Position, token.Start, token.Length);
                CountFound(cellIndex, blank: true);
                return;
            case TokenKind.Unparseable:
                Add(ExtractionIssue.UnparseableCell, tokenIndex, new[] { cellIndex },
                    _chinese
                        ? $"单元格“{_tokens.Raw(in token)}”（{CellName(cell)}）不是可读的数字。"
                        : $"Cell “{_tokens.Raw(in token)}” ({CellName(cell, english: true)}) is not a readable number.");
                return;
        }

        CellValue value;
        switch (cell.Kind)
        {
            case ValueKind.Count:
            case ValueKind.SignedCount:
                bool signed = cell.Kind == ValueKind.SignedCount;
                if (!token.FitsInt32 || (token.Negative && !signed) || token.Unit is ValueUnit.Yuan or ValueUnit.TenThousandYuan)
                {
                    Add(ExtractionIssue.InvalidValue, tokenIndex, new[] { cellIndex },
                        _chinese
                            ? $"单元格“{_tokens.Raw(in token)}”（{CellName(cell)}）应为{(signed ? "整数" : "非负整数")}，未读取。"
                            : $"Cell “{_tokens.Raw(in token)}” ({CellName(cell, english: true)}) must be {(signed ? "a whole number" : "a whole number ≥ 0")}; it was not read.");
                    return;
                }

                value = CellValue.FromInt32(token.Int32);
                break;
            default:
                if (token.Negative)
                {
                    Add(ExtractionIssue.InvalidValue, tokenIndex, new[] { cellIndex },
                        _chinese
                            ? $"金额“{_tokens.Raw(in token)}”（{CellName(cell)}）为负数，未读取。"
                            : $"The amount “{_tokens.Raw(in token)}” ({CellName(cell, english: true)}) is negative; it was not read.");
                    return;
                }

                var unit = token.Unit switch
                {
                    ValueUnit.Yuan => AmountUnit.Yuan,
                    ValueUnit.TenThousandYuan => AmountUnit.TenThousandYuan,
                    _ => _headerUnits.TryGetValue((cell.Table, IndexOfColumn(cell)), out var headerUnit) ? headerUnit : AmountUnit.Unknown,
                };
                var target = cell.Column.AmountUnit;
                if (target != AmountUnit.Unknown)
                {
                    decimal number = unit == AmountUnit.Unknown ? _tokens.Number(in token) : new Amount(_tokens.Number(in token), unit).ConvertTo(target)!.Value;
                    value = CellValue.FromAmount(number, target);
                }
                else
                {
                    value = CellValue.FromAmount(_tokens.Number(in token), unit);
                    if (unit == AmountUnit.Unknown)
                        Add(ExtractionIssue.AmountUnitUnknown, tokenIndex, Array.Empty<int>(),
                            _chinese
                                ? $"金额“{_tokens.Raw(in token)}”（{CellName(cell)}）未注明单位（元或万元），单位记为未知。"
                                : $"The amount “{_tokens.Raw(in token)}” ({CellName(cell, english: true)}) has no unit (元 or 万元); its unit is recorded as unknown.");
                }

                break;
        }

        Values[cellIndex] = value;
        Statuses[cellIndex] = CellStatus.Reported;
        Spans[cellIndex] = new CellSource(token.Position, token.Start, token.Length);
        CountFound(cellIndex);
        if (_tokens.Note(in token) is { } note)
        {
            Notes ??= new string?[_cells.Length];
            Notes[cellIndex] = note;
            Add(ExtractionIssue.AnnotatedCell, tokenIndex, Array.Empty<int>(),
                _chinese
                    ? $"单元格“{_tokens.Raw(in token)}”（{CellName(cell)}）读作 {value}，注释“{note}”随单元格保留。"
                    : $"Cell “{_tokens.Raw(in token)}” ({CellName(cell, english: true)}) was read as {value}; the note “{note}” is kept with the cell.");
        }
    }

    private static int IndexOfColumn(CellDescriptor cell)
    {
        var columns = cell.Table.Columns;
        for (int i = 0; i < columns.Count; i++)
            if (columns[i] == cell.Column)
                return i;
        return -1;
    }

    /// <summary>
    /// Adds the findings for tables and rows not found. Called only for the template chosen: the other
    /// candidates' missing tables are no finding of the read, and nothing else depends on them.
    /// </summary>
    public void Finish()
    {
        FindMissing();
        for (int issue = 0; issue < _issueCounts.Length; issue++)
        {
            int more = _issueCounts[issue] - MaxFindingsPerIssue;
            if (more <= 0)
                continue;
            string code = ((ExtractionIssue)issue).Code();
            Findings.Add(new ExtractionFinding((ExtractionIssue)issue,
                _chinese
                    ? $"另有 {more} 条 {code} 未列出（每种最多列出 {MaxFindingsPerIssue} 条）。"
                    : $"{more} more {code} findings are not listed (at most {MaxFindingsPerIssue} of a kind are).",
                Array.Empty<CellDescriptor>(), null, null));
        }
    }

    /// <summary>Names the tables and rows whose cells are still missing and that no finding has named.</summary>
    private void FindMissing()
    {
        var tables = _template.Tables;
        var missing = new List<int>();
        for (int t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var cells = _vocabulary.TableCells(table);
            if (_tableReported[t] + _tableBlank[t] == cells.Length)
                continue; // every cell found: nothing missing
            bool any = false;
            for (int i = 0; i < cells.Length; i++)
                any |= Statuses[cells[i]] != CellStatus.Missing || Covered[cells[i]];
            if (!any)
            {
                Add(ExtractionIssue.TableNotFound, -1, cells,
                    _chinese
                        ? $"未找到表“{Describe(table)}”，其 {cells.Length} 个单元格缺失。"
                        : $"Table “{Describe(table)}” was not found; its {cells.Length} cells are missing.");
                continue;
            }

            var rows = table.DataRows;
            for (int r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                var rowCells = _vocabulary.RowCells(row);
                missing.Clear(); // Add copies the cells it names
                for (int i = 0; i < rowCells.Length; i++)
                    if (Statuses[rowCells[i]] == CellStatus.Missing && !Covered[rowCells[i]])
                        missing.Add(rowCells[i]);
                if (missing.Count == 0)
                    continue;
                string label = table.Layout == TableLayout.SingleRow ? Describe(table) + " / " + row.FullLabel : row.FullLabel;
                if (_seenRows.Contains(row))
                    Add(ExtractionIssue.RowNotFound, -1, missing,
                        _chinese
                            ? $"行“{label}”的标签后没有数字，{missing.Count} 个单元格缺失。"
                            : $"Row “{label}” has no numbers after its label; {missing.Count} cell(s) are missing.");
                else
                    Add(ExtractionIssue.RowNotFound, -1, missing,
                        _chinese
                            ? $"未找到行“{label}”，{missing.Count} 个单元格缺失。"
                            : $"Row “{label}” was not found; {missing.Count} cell(s) are missing.");
            }
        }
    }

    /// <summary>
    /// The most findings of one kind a read lists (a report has at most a few hundred cells, so only a file built or
    /// broken to repeat a row reaches it); the rest are counted in one more finding, which keeps a read's memory bounded.
    /// </summary>
    public const int MaxFindingsPerIssue = 1_000;

    /// <summary>
    /// Whether a finding of <paramref name="issue"/> would be past <see cref="MaxFindingsPerIssue"/>; if so it is counted
    /// (and its cells marked) here, and its message need not be made — a file of 100,000 repeated rows made 100,000.
    /// </summary>
    private bool Unlisted(ExtractionIssue issue, IReadOnlyList<int> cells)
    {
        if (_issueCounts[(int)issue] < MaxFindingsPerIssue)
            return false;
        Add(issue, -1, cells, "");
        return true;
    }

    private void Add(ExtractionIssue issue, int token, IReadOnlyList<int> cells, string message)
    {
        for (int i = 0; i < cells.Count; i++)
            Covered[cells[i]] = true;
        if (++_issueCounts[(int)issue] > MaxFindingsPerIssue)
            return;
        var descriptors = new CellDescriptor[cells.Count];
        for (int i = 0; i < cells.Count; i++)
            descriptors[i] = _cells[cells[i]];

        SourcePosition? position = token >= 0 ? Tok(token).Position : null;
        string? text = token >= 0 ? _tokens.Raw(token) : null;
        Findings.Add(new ExtractionFinding(issue, message, descriptors, position, text));
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

    private static string Describe(TableDescriptor table) =>
        table.Section.IsSingleTable || table.Caption is null ? table.Section.FullHeading : table.Caption;

    private static string CellName(CellDescriptor cell, bool english = false) =>
        english ? cell.Path : cell.Row.FullLabel + " / " + cell.Column.Label;
}
