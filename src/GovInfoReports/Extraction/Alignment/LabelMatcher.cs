using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>What a run of text words was recognised as.</summary>
internal enum MatchKind
{
    None,
    Section,
    Caption,
    Row,
    Header,

    /// <summary>A column header of another template (and of no label of this one).</summary>
    Foreign,
}

/// <summary>A recognised label: what it is, the descriptor it names, and for a column header which column.</summary>
internal readonly struct LabelMatch
{
    public LabelMatch(MatchKind kind, object? target = null, int? column = null, bool approximate = false)
    {
        Kind = kind;
        Target = target;
        Column = column;
        Approximate = approximate;
    }

    public MatchKind Kind { get; }

    /// <summary>The section, table or row named.</summary>
    public object? Target { get; }

    /// <summary>For a header: the column it labels, if it labels one.</summary>
    public int? Column { get; }

    /// <summary>For a row: the label was truncated or misspelt (read by <see cref="MatchThresholds"/>).</summary>
    public bool Approximate { get; }
}

/// <summary>
/// Recognises labels in the token stream against one template's vocabulary: the longest run of text words from a
/// token that is a section heading, a table caption, a row label or a column header of the current table; else an
/// approximate row label; else another template's column header.
/// </summary>
internal sealed class LabelMatcher
{
    /// <summary>A label spans at most this many cells (a label broken over cells or rows).</summary>
    private const int MaxLabelParts = 4;

    /// <summary>A label spans at most this many lines after its first.</summary>
    private const int MaxLabelLineSpan = 3;

    /// <summary>A label has at most this many words.</summary>
    private const int MaxLabelWords = 24;

    /// <summary>A label with a bracketed note still being read is at most this long.</summary>
    private const int MaxNotedLabelLength = 160;

    private readonly TemplateVocabulary _vocabulary;
    private readonly TemplatePosition _position;

    // The label candidates of Match (at most MaxLabelWords): key, facts and last token of each.
    private readonly TextKey[] _endKeys = new TextKey[MaxLabelWords];
    private readonly KeyFacts[] _endFacts = new KeyFacts[MaxLabelWords];
    private readonly int[] _endTokens = new int[MaxLabelWords];

    private IReadOnlyList<TemplateVocabulary> _others = Array.Empty<TemplateVocabulary>();
    private TokenList _tokens = TokenList.Empty;
    private TableDescriptor? _indexedTable;
    private int _indexedTableIndex;

    public LabelMatcher(TemplateVocabulary vocabulary, TemplatePosition position)
    {
        _vocabulary = vocabulary;
        _position = position;
    }

    public void Reset(TokenList tokens, IReadOnlyList<TemplateVocabulary> others)
    {
        _tokens = tokens;
        _others = others;
    }

    public void Release()
    {
        _tokens = TokenList.Empty;
        _others = Array.Empty<TemplateVocabulary>();
        Array.Clear(_endKeys, 0, _endKeys.Length);
        Array.Clear(_endFacts, 0, _endFacts.Length);
    }

    /// <summary>
    /// <see cref="TemplateVocabulary.Facts"/> of <paramref name="key"/>, memoised on the key (<see cref="TextKey"/>): a
    /// key seen before costs a field read instead of hashing its text for the vocabulary's concurrent table.
    /// </summary>
    public KeyFacts Facts(TextKey key) => key.FactsIn(_vocabulary);

    /// <summary>The label starting at text token <paramref name="start"/>, and how many tokens it takes (at least one).</summary>
    public LabelMatch Match(int start, out int consumed)
    {
        int ends = Candidates(start);
        for (int last = ends - 1; last >= 0; last--)
        {
            var match = Classify(_endKeys[last], _endFacts[last]);
            if (match.Kind != MatchKind.None)
            {
                consumed = _endTokens[last] - start + 1;
                return match;
            }
        }

        // No exact match: an approximate row label over the whole cell.
        int cellEnd = _tokens.CellEnd(start);
        var approximate = ApproximateRow(_tokens.JoinedKey(start, cellEnd));
        consumed = approximate.Kind == MatchKind.None ? 1 : cellEnd - start + 1;
        return approximate;
    }

    /// <summary>
    /// The label candidates from <paramref name="start"/>: this word, then following words of the same cell and up to
    /// three more text cells close by, as long as the text so far can still grow into a known label (so the work per
    /// word is bounded). Returns how many there are.
    /// </summary>
    private int Candidates(int start)
    {
        int ends = 0, cells = 1;
        var tokens = _tokens.AsSpan();
        int firstLine = tokens[start].Line;
        TextKey? previous = null;
        for (int k = start; k < tokens.Length && k - start < MaxLabelWords; k++)
        {
            ref readonly var token = ref tokens[k];
            if (k > start)
            {
                // The empty cells between a label's two halves (a label broken over two grid rows or text lines).
                if (token.Implied || token.Gap)
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
            _endKeys[ends] = key;
            _endFacts[ends] = facts;
            _endTokens[ends++] = k;
        }

        return ends;
    }

    /// <summary>A label followed by a bracketed note still being read (<c>规范性文件(行政机关…</c>).</summary>
    private bool CouldBeNote(TextKey key)
    {
        int open = key.OpenParen;
        return open > 0 && key.Length <= MaxNotedLabelLength && _vocabulary.CouldExtend(key.Text.Substring(0, open));
    }

    private LabelMatch Classify(TextKey key, KeyFacts facts)
    {
        if (facts.Section is { } section)
            return new LabelMatch(MatchKind.Section, section);
        if (facts.Caption is { } caption)
            return new LabelMatch(MatchKind.Caption, caption);
        if (FindRow(facts) is { } row)
            return new LabelMatch(MatchKind.Row, row);
        if (_position.Table is { } table)
        {
            var header = facts.Headers[TableIndex(table)];
            if (header.Role != HeaderRole.None)
                return new LabelMatch(MatchKind.Header, table, header.Role == HeaderRole.Column ? header.Column : null);
        }

        return IsForeign(key, facts) ? new LabelMatch(MatchKind.Foreign) : default;
    }

    private RowDescriptor? FindRow(KeyFacts facts) =>
        (facts.Rows is null ? null : Choose(facts.Rows, facts)) ?? (facts.RowBases is null ? null : Choose(facts.RowBases, facts));

    /// <summary>
    /// The row among <paramref name="candidates"/> that the label names where it is printed: the only one in the current
    /// table, else the only one in the current section, else the only one at all; none when that is not one.
    /// </summary>
    private RowDescriptor? Choose(RowCandidate[] candidates, KeyFacts facts)
    {
        string number = facts.Number;
        RowDescriptor? inTable = null, inSection = null, any = null;
        int tableCount = 0, sectionCount = 0, anyCount = 0;
        foreach (ref readonly var candidate in candidates.AsSpan())
        {
            if (number.Length > 0 && candidate.Number != number && !(candidates.Length == 1 && facts.Rest.Length >= MatchThresholds.MinLabelOverridingNumber))
                continue;
            // A bare 其他 or 总计 is a column header, not the row of that name.
            // (Without a number the rest is the key itself, so the key's headers apply.)
            if (number.Length == 0 && candidate.Number.Length > 0 && facts.Headers[candidate.TableIndex].Role == HeaderRole.Column)
                continue;
            anyCount++;
            any = candidate.Row;
            if (_position.Table is not null && candidate.Row.Table == _position.Table)
            {
                tableCount++;
                inTable = candidate.Row;
            }

            if (_position.Section is not null && candidate.Row.Table.Section == _position.Section)
            {
                sectionCount++;
                inSection = candidate.Row;
            }
        }

        if (tableCount == 1)
            return inTable;
        if (tableCount == 0 && sectionCount == 1)
            return inSection;
        return tableCount == 0 && sectionCount == 0 && anyCount == 1 ? any : null;
    }

    /// <summary>A truncated label of the current table, or a misspelt one under the current group (<see cref="MatchThresholds"/>).</summary>
    private LabelMatch ApproximateRow(TextKey key)
    {
        var facts = Facts(key);
        var table = _position.Table;
        if (facts.Rest.Length < MatchThresholds.MinTruncatedLabelLength || table is null || table.Layout == TableLayout.SingleRow)
            return default;
        if (TruncatedRow(table, facts.Number, facts.Rest) is { } truncated)
            return new LabelMatch(MatchKind.Row, truncated, approximate: true);
        return MisspeltRow(facts.Number, facts.Rest) is { } misspelt ? new LabelMatch(MatchKind.Row, misspelt, approximate: true) : default;
    }

    /// <summary>The only row of <paramref name="table"/> with the list number whose label <paramref name="rest"/> starts, by a large enough share.</summary>
    private RowDescriptor? TruncatedRow(TableDescriptor table, string number, string rest)
    {
        RowDescriptor? found = null;
        int count = 0;
        foreach (var row in _vocabulary.TableRows(table))
        {
            if (number.Length > 0 && _vocabulary.RowNumber(row) != number)
                continue;
            foreach (string label in _vocabulary.RowLabels(row))
            {
                if (label.Length > rest.Length && label.StartsWith(rest, StringComparison.Ordinal)
                    && rest.Length * 100 >= label.Length * MatchThresholds.MinTruncatedLabelPercent)
                {
                    if (found != row)
                        count++;
                    found = row;
                    break;
                }
            }
        }

        return count == 1 ? found : null;
    }

    /// <summary>A row of the current group with the list number <paramref name="number"/> whose label is like <paramref name="rest"/>.</summary>
    private RowDescriptor? MisspeltRow(string number, string rest)
    {
        var lastRow = _position.LastRow;
        if (number.Length == 0 || lastRow is null)
            return null;
        var group = lastRow.IsGroup ? lastRow : lastRow.Parent;
        if (group is null)
            return null;
        foreach (var child in group.Children)
        {
            if (_vocabulary.RowNumber(child) != number)
                continue;
            foreach (string label in _vocabulary.RowLabels(child))
                if (LabelForms.Similarity(rest, label) >= MatchThresholds.MinMisspeltSimilarity)
                    return child;
        }

        return null;
    }

    /// <summary>Whether the key is no label of this template but a column header of another.</summary>
    private bool IsForeign(TextKey key, KeyFacts facts)
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
}
