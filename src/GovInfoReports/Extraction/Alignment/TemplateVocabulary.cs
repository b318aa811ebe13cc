using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>
/// The label keys of one template, built once from its descriptor: section headings, table captions, row labels
/// (with and without list numbers and notes), column headers, detection markers. Everything extraction knows
/// about a template comes from here, so a new template file is extracted with no new code.
/// </summary>
internal sealed class TemplateVocabulary
{
    // Vocabularies of the default wording by template, and of any other wording by wording and template.
    private static readonly ConditionalWeakTable<ReportTemplate, TemplateVocabulary> DefaultCache = new();
    private static readonly ConditionalWeakTable<ReportWording, ConditionalWeakTable<ReportTemplate, TemplateVocabulary>> OtherCaches = new();

    private readonly ReportWording _wording;

    private readonly Dictionary<string, SectionDescriptor> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableDescriptor?> _captions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RowDescriptor>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RowDescriptor>> _rowBases = new(StringComparer.Ordinal);
    private readonly Dictionary<RowDescriptor, string> _rowNumbers = new();
    private readonly Dictionary<RowDescriptor, string[]> _rowLabels = new();
    private readonly Dictionary<TableDescriptor, Dictionary<string, int>> _headers = new();
    private readonly Dictionary<TableDescriptor, HashSet<char>> _headerChars = new();
    private readonly Dictionary<RowDescriptor, int[]> _rowCells = new();
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<TableDescriptor, int[]> _tableCells = new();
    private readonly Dictionary<TableDescriptor, List<RowDescriptor>> _tableRows = new();

    private readonly Dictionary<TableDescriptor, int> _tableIndexes = new();

    private TemplateVocabulary(ReportTemplate template, ReportWording wording)
    {
        Template = template;
        _wording = wording;
        Cells = new CellDescriptor[template.Cells.Count];
        for (int i = 0; i < Cells.Length; i++)
            Cells[i] = template.Cells[i];
        for (int t = 0; t < template.Tables.Count; t++)
            _tableIndexes[template.Tables[t]] = t;
        foreach (var section in template.Sections)
        {
            AddSection(section.Heading, section);
            foreach (var alias in section.Aliases)
                AddSection(alias, section);
            foreach (var table in section.Tables)
                AddTable(table);
        }

        TableOfCell = IndexCells(template);
        foreach (var keys in new IEnumerable<string>[] { _sections.Keys, _captions.Keys, _rows.Keys, _rowBases.Keys })
            foreach (string key in keys)
                AddPrefixes(key);
        foreach (var headers in _headers.Values)
            foreach (string key in headers.Keys)
                AddPrefixes(key);

        var markers = new List<string>();
        foreach (var marker in template.Markers)
            markers.Add(ReportText.LabelKey(marker));
        Markers = markers.ToArray();
    }

    /// <summary>The cells of each row and each table, in template order; returns the table of each cell.</summary>
    private int[] IndexCells(ReportTemplate template)
    {
        var leafCells = new Dictionary<RowDescriptor, List<int>>();
        foreach (var cell in template.Cells)
        {
            if (!leafCells.TryGetValue(cell.Row, out var list))
                leafCells[cell.Row] = list = new List<int>();
            list.Add(cell.Index);
        }

        foreach (var pair in leafCells)
            _rowCells[pair.Key] = pair.Value.ToArray();

        var tableOfCell = new int[Cells.Length];
        for (int t = 0; t < template.Tables.Count; t++)
        {
            var table = template.Tables[t];
            foreach (var row in _tableRows[table])
                RowCells(row);
            var cells = new int[table.Cells.Count];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = table.Cells[i].Index;
                tableOfCell[cells[i]] = t;
            }

            _tableCells[table] = cells;
        }

        return tableOfCell;
    }

    /// <summary>The vocabulary of <paramref name="template"/> read with <paramref name="wording"/> (made once, then shared by all threads).</summary>
    public static TemplateVocabulary For(ReportTemplate template, ReportWording wording)
    {
        if (ReferenceEquals(wording, ReportWording.Default))
            return DefaultCache.GetValue(template, static t => new TemplateVocabulary(t, ReportWording.Default));
        var cache = OtherCaches.GetValue(wording, static _ => new ConditionalWeakTable<ReportTemplate, TemplateVocabulary>());
        return cache.GetValue(template, t => new TemplateVocabulary(t, wording));
    }

    public ReportTemplate Template { get; }

    /// <summary>The template's cells by index, as an array.</summary>
    public CellDescriptor[] Cells { get; }

    /// <summary>Per cell index: the index of its table in the template's <see cref="ReportTemplate.Tables"/>.</summary>
    public int[] TableOfCell { get; }

    /// <summary>The index of <paramref name="table"/> in the template's <see cref="ReportTemplate.Tables"/>.</summary>
    public int TableIndex(TableDescriptor table) => _tableIndexes[table];

    /// <summary>Detection markers, as keys.</summary>
    public string[] Markers { get; }

    /// <summary>
    /// Whether text with the key <paramref name="key"/> is this template's own wording: one of its markers, or (without
    /// a list number) part of one of its labels.
    /// </summary>
    public bool HasWording(string key)
    {
        if (Array.IndexOf(Markers, key) >= 0)
            return true;
        LabelForms.SplitNumber(key, out string rest);
        foreach (string label in AllKeys)
            if (label.Contains(rest))
                return true;
        return false;
    }

    /// <summary>Every column-header key of every table (for recognising another template's headers).</summary>
    public HashSet<string> AllHeaderKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Every label key of the template: headings, captions, rows, headers.</summary>
    public HashSet<string> AllKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether text whose key is <paramref name="key"/> could still grow into a label of the template by appending
    /// more words (its label part, without list number and notes, is a prefix of a known label).
    /// </summary>
    public bool CouldExtend(string key) => Facts(key).CouldExtend;

    /// <summary>
    /// What the vocabulary knows about <paramref name="key"/>, computed once per distinct key and kept (up to
    /// <see cref="MaxCachedFacts"/> keys): the label words of these reports repeat from file to file, so matching
    /// a known word costs one lookup instead of splitting, trimming and several lookups each time.
    /// </summary>
    public KeyFacts Facts(string key)
    {
        if (_facts.TryGetValue(key, out var facts))
            return facts;
        facts = new KeyFacts(this, key);
        // ConcurrentDictionary.Count takes every lock of the table: an own counter (approximate under races,
        // which only moves the bound by a few keys) keeps a miss cheap once the cache is full.
        if (Volatile.Read(ref _factCount) < MaxCachedFacts && _facts.TryAdd(key, facts))
            Interlocked.Increment(ref _factCount);
        return facts;
    }

    private const int MaxCachedFacts = 1 << 16;

    /// <summary>In a table's header index: a header of no column (a group, the row header, the caption, the note).</summary>
    private const int NoColumn = -1;

    private int _factCount;

    private readonly ConcurrentDictionary<string, KeyFacts> _facts = new(StringComparer.Ordinal);

    internal RowCandidate[]? Candidates(IReadOnlyList<RowDescriptor>? rows)
    {
        if (rows is null)
            return null;
        var candidates = new RowCandidate[rows.Count];
        for (int i = 0; i < candidates.Length; i++)
            candidates[i] = new RowCandidate(rows[i], RowNumber(rows[i]), TableIndex(rows[i].Table));
        return candidates;
    }

    internal bool ComputeCouldExtend(string key, string rest)
    {
        if (_prefixes.Contains(key))
            return true;
        if (rest.Length == 0 || _prefixes.Contains(rest))
            return true;
        string bare = LabelForms.RemoveNotes(rest);
        return bare.Length < rest.Length && _prefixes.Contains(bare);
    }

    private void AddPrefixes(string key)
    {
        for (int length = 1; length <= key.Length; length++)
            _prefixes.Add(key.Substring(0, length));
    }

    internal SectionDescriptor? ComputeSection(string rest)
    {
        if (rest.Length < MatchThresholds.MinSectionKeyLength)
            return null;
        if (_sections.TryGetValue(rest, out var section))
            return section;
        string bare = LabelForms.RemoveNotes(rest);
        return bare.Length >= MatchThresholds.MinSectionKeyLength && _sections.TryGetValue(bare, out section) ? section : null;
    }

    /// <summary>The table whose caption (or caption alias) is <paramref name="key"/>; none when two tables share it.</summary>
    internal TableDescriptor? CaptionOf(string key) => _captions.TryGetValue(key, out var table) ? table : null;

    /// <summary>Candidate rows for a label without its number (exact key, then key without notes).</summary>
    internal IReadOnlyList<RowDescriptor>? ComputeRowCandidates(string rest, bool withoutNotes)
    {
        var index = withoutNotes ? _rowBases : _rows;
        string key = withoutNotes ? LabelForms.RemoveNotes(rest) : rest;
        return key.Length > 0 && index.TryGetValue(key, out var rows) ? rows : null;
    }

    public string RowNumber(RowDescriptor row) => _rowNumbers[row];

    /// <summary>Every row of a table, groups included, in template order.</summary>
    public IReadOnlyList<RowDescriptor> TableRows(TableDescriptor table) => _tableRows[table];

    /// <summary>The template cell indexes of a table, in template order.</summary>
    public int[] TableCells(TableDescriptor table) => _tableCells[table];

    /// <summary>The template cell indexes of a row, in column order; for a group, those of all its leaves.</summary>
    public int[] RowCells(RowDescriptor row)
    {
        if (_rowCells.TryGetValue(row, out var cells))
            return cells;
        var all = new List<int>();
        foreach (var child in row.Children)
            all.AddRange(RowCells(child));
        return _rowCells[row] = all.ToArray();
    }

    /// <summary>The row's label keys without number: the label and its aliases.</summary>
    public string[] RowLabels(RowDescriptor row) => _rowLabels[row];

    /// <summary>
    /// What <paramref name="key"/> (whose <see cref="KeyFacts.Bare"/> form is <paramref name="bare"/>) is in the header of
    /// <paramref name="table"/>: a column's label or alias; another header (a column group, the row header, the columns
    /// caption, the note, a generic header of the wording, or for single-row tables a row label); or none.
    /// </summary>
    internal HeaderMatch FindHeader(TableDescriptor table, string key, string bare)
    {
        var headers = _headers[table];
        if (headers.TryGetValue(key, out int column) || (bare.Length > 0 && headers.TryGetValue(bare, out column)))
            return column >= 0 ? HeaderMatch.OfColumn(column) : HeaderMatch.OtherHeader;
        return _wording.IsGenericHeader(bare) ? HeaderMatch.OtherHeader : HeaderMatch.None;
    }

    /// <summary>Whether every character of the keys occurs in <paramref name="table"/>'s header vocabulary.</summary>
    public bool IsHeaderFragment(TableDescriptor table, string key)
    {
        var chars = _headerChars[table];
        foreach (char c in key)
            if (!chars.Contains(c))
                return false;
        return true;
    }

    private void AddSection(string heading, SectionDescriptor section)
    {
        string key = ReportText.LabelKey(heading);
        LabelForms.SplitNumber(key, out string rest);
        _sections[rest] = section;
        AllKeys.Add(rest);
    }

    private void AddTable(TableDescriptor table)
    {
        if (table.Caption is { } caption)
            AddCaption(caption, table);
        foreach (var alias in table.Aliases)
            AddCaption(alias, table);

        var headers = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new HashSet<char>();
        void Header(string? text, int column)
        {
            if (text is null)
                return;
            string key = ReportText.LabelKey(text);
            if (key.Length == 0)
                return;
            if (!headers.TryGetValue(key, out int existing) || existing < 0)
                headers[key] = column;
            string bare = LabelForms.RemoveNotes(key);
            if (bare.Length > 0 && bare != key && !headers.ContainsKey(bare))
                headers[bare] = column;
            AllHeaderKeys.Add(key);
            AllKeys.Add(key);
            foreach (char c in key)
                chars.Add(c);
        }

        Header(table.RowHeader, NoColumn);
        Header(table.ColumnsCaption, NoColumn);
        Header(table.Note, NoColumn);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            Header(column.Label, c);
            foreach (var alias in column.Aliases)
                Header(alias, c);
            Header(column.Group, NoColumn);
        }

        _headers[table] = headers;
        _headerChars[table] = chars;
        _tableRows[table] = new List<RowDescriptor>();
        AddRows(table, table.Rows);
    }

    private void AddRows(TableDescriptor table, IReadOnlyList<RowDescriptor> rows)
    {
        foreach (var row in rows)
        {
            _tableRows[table].Add(row);
            string number = row.Number is null ? "" : LabelForms.SplitNumber(ReportText.LabelKey(row.Number + "x"), out _);
            _rowNumbers[row] = number;
            var labels = new List<string>();
            foreach (string text in Concat(row.Label, row.Aliases))
            {
                string key = ReportText.LabelKey(text);
                // Aliases may carry their own number; index them by the label after it.
                LabelForms.SplitNumber(key, out string rest);
                if (rest.Length == 0)
                    continue;
                labels.Add(rest);
                AllKeys.Add(rest);
                if (table.Layout == TableLayout.SingleRow)
                    AddSingleRowHeader(table, rest);
                else
                    IndexRowLabel(row, rest);
            }

            _rowLabels[row] = labels.ToArray();
            AddRows(table, row.Children);
        }
    }

    /// <summary>The rows of a single-row table are printed as column-group headers.</summary>
    private void AddSingleRowHeader(TableDescriptor table, string label)
    {
        var headers = _headers[table];
        if (!headers.ContainsKey(label))
            headers[label] = NoColumn;
        AllHeaderKeys.Add(label);
        foreach (char c in label)
            _headerChars[table].Add(c);
    }

    /// <summary>Indexes a row by its label key, without notes, and with the wording's label variants.</summary>
    private void IndexRowLabel(RowDescriptor row, string label)
    {
        Index(_rows, label, row);
        string bare = LabelForms.RemoveNotes(label);
        if (bare.Length > 0)
            Index(_rowBases, bare, row);

        // Words printed in place of a label's own (the wording's label variants); only inside known labels.
        foreach (var (printed, standsFor) in _wording.LabelVariants)
        {
            if (!label.Contains(standsFor))
                continue;
            Index(_rows, label.Replace(standsFor, printed), row);
            if (bare.Length > 0)
                Index(_rowBases, bare.Replace(standsFor, printed), row);
        }
    }

    private static IEnumerable<string> Concat(string first, IReadOnlyList<string> rest)
    {
        yield return first;
        foreach (var item in rest)
            yield return item;
    }

    private static void Index(Dictionary<string, List<RowDescriptor>> index, string key, RowDescriptor row)
    {
        if (!index.TryGetValue(key, out var rows))
            index[key] = rows = new List<RowDescriptor>();
        if (!rows.Contains(row))
            rows.Add(row);
    }

    private void AddCaption(string caption, TableDescriptor table)
    {
        string key = ReportText.LabelKey(caption);
        AllKeys.Add(key);
        // A caption shared by two tables identifies neither.
        _captions[key] = _captions.TryGetValue(key, out var existing) && existing != table ? null : table;
    }
}
