using System;
using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// The alignment stage for one template: walks the token stream once, recognising labels (<see cref="LabelMatcher"/>)
/// and placing the numbers after each in the cells it names (<see cref="CellPlacer"/>). No backtracking; numbers that
/// do not fit are left unassigned with a finding, never shifted.
/// </summary>
internal sealed class TemplateMatcher
{
    // A matcher's arrays, sets and lists are per thread and reused from read to read (Rent / Return): a fresh matcher
    // per template per read was a third of what a read allocated. At most MaxPooled per thread.
    private const int MaxPooled = 8;

    [ThreadStatic]
    private static List<TemplateMatcher>? t_pool;

    private readonly TemplatePosition _position = new();
    private readonly LabelMatcher _labels;
    private readonly CellPlacer _placer;
    private readonly HashSet<RowDescriptor> _seenRows = new();
    private TokenList _tokens = TokenList.Empty;
    private bool _inUse;

    private TemplateMatcher(TemplateVocabulary vocabulary, ReportWording wording)
    {
        Vocabulary = vocabulary;
        Cells = new CellSheet(vocabulary);
        Findings = new MatchFindings(vocabulary.Cells, Cells);
        _labels = new LabelMatcher(vocabulary, _position);
        _placer = new CellPlacer(vocabulary, Cells, Findings, _position, wording);
    }

    public TemplateVocabulary Vocabulary { get; }

    /// <summary>The template's cells as read.</summary>
    public CellSheet Cells { get; }

    public MatchFindings Findings { get; }

    /// <summary>Whether any number or blank cell appeared inside a table of the template.</summary>
    public bool SawTableNumbers { get; private set; }

    /// <summary>Whether any heading, caption, row label or header of the template was recognised.</summary>
    public bool AnyLabel { get; private set; }

    /// <summary>A matcher of <paramref name="vocabulary"/> for one read (the thread's, when free); give it back with <see cref="Return"/>.</summary>
    public static TemplateMatcher Rent(TemplateVocabulary vocabulary, ReportWording wording, IReadOnlyList<TemplateVocabulary> others, TokenList tokens, MessageLanguage language)
    {
        var pool = t_pool ??= new List<TemplateMatcher>();
        TemplateMatcher? matcher = null;
        foreach (var pooled in pool)
        {
            if (pooled.Vocabulary == vocabulary && !pooled._inUse)
            {
                matcher = pooled;
                break;
            }
        }

        if (matcher is null)
        {
            matcher = new TemplateMatcher(vocabulary, wording);
            if (pool.Count < MaxPooled)
                pool.Add(matcher);
        }

        matcher.Reset(others, tokens, language);
        return matcher;
    }

    /// <summary>Ends the read: the matcher drops its references to the read's tokens and findings.</summary>
    public void Return()
    {
        _inUse = false;
        _tokens = TokenList.Empty;
        _labels.Release();
        _placer.Release();
        Findings.Release();
    }

    private void Reset(IReadOnlyList<TemplateVocabulary> others, TokenList tokens, MessageLanguage language)
    {
        _inUse = true;
        _tokens = tokens;
        Cells.Reset();
        Findings.Reset(tokens, language != MessageLanguage.English);
        _labels.Reset(tokens, others);
        _placer.Reset(tokens);
        _position.Clear();
        _seenRows.Clear();
        SawTableNumbers = false;
        AnyLabel = false;
    }

    /// <summary>Aligns the whole token stream.</summary>
    public void Run()
    {
        int i = 0;
        while (i < _tokens.Count)
        {
            ref readonly var token = ref _tokens[i];
            if (token.IsSlot)
            {
                SawTableNumbers |= _placer.AddNumber(i, token.Implied);
                i++;
            }
            else if (token.Narrative)
            {
                _placer.Flush();
                _position.Clear();
                i++;
            }
            else
            {
                i += OnText(i);
            }
        }

        _placer.Flush();
    }

    /// <summary>Aligns the text starting at token <paramref name="start"/>; returns how many tokens it took.</summary>
    private int OnText(int start)
    {
        var match = _labels.Match(start, out int consumed);
        if (match.Kind != MatchKind.None)
            AnyLabel = true;
        switch (match.Kind)
        {
            case MatchKind.Section:
                _placer.Flush();
                _position.AtSection((SectionDescriptor)match.Target!);
                ExpectSingleRowTable();
                return consumed;
            case MatchKind.Caption:
                _placer.Flush();
                _position.AtTable((TableDescriptor)match.Target!);
                ExpectSingleRowTable();
                return consumed;
            case MatchKind.Row:
                OnRow((RowDescriptor)match.Target!, match.Approximate, start, consumed);
                return consumed;
            case MatchKind.Header:
                OnHeader(match.Column, start, consumed);
                return consumed;
            case MatchKind.Foreign:
                _placer.Flush();
                if (_position.Table is { } table && _placer.MarkForeign(table))
                    Findings.ForeignColumns(start, consumed, table, Vocabulary.TableCells(table));
                return consumed;
            default:
                return OnUnknownText(start);
        }
    }

    private void OnRow(RowDescriptor row, bool approximate, int start, int consumed)
    {
        _placer.NextRow(row, _tokens[start + consumed - 1].Line);
        _position.AtRow(row);
        _seenRows.Add(row);
        if (approximate)
            Findings.ApproximateLabel(start, consumed, row);
    }

    /// <summary>
    /// A column header of the current table. Between a row's label and its numbers (a header repeated on a new page)
    /// it changes nothing; elsewhere it ends the numbers before it.
    /// </summary>
    private void OnHeader(int? column, int start, int consumed)
    {
        if (column is { } index)
            _placer.RecordHeaderUnit(_position.Table!, index, _tokens.JoinedKey(start, start + consumed - 1).Text);
        if (_placer.AwaitsRowNumbers)
            return;
        _placer.Flush();
        ExpectSingleRowTable();
    }

    /// <summary>
    /// Text that is no label: a heading of no section of the template ends the current table; a bracketed note after a
    /// label is passed over; other text is an unknown row, whose numbers are not read.
    /// </summary>
    private int OnUnknownText(int start)
    {
        int cellEnd = _tokens.CellEnd(start);
        if (_labels.Facts(_tokens.JoinedKey(start, cellEnd)).LooksLikeHeading)
        {
            _placer.Flush();
            _position.Clear();
            return cellEnd - start + 1;
        }

        bool note = _tokens.KeyOf(start)!.Text[0] == '(';
        if (!_placer.AfterUnknownText && _placer.AwaitsRowNumbers && note)
            return 1;
        _placer.AddUnknownText(start);
        return 1;
    }

    /// <summary>In a single-row table, the numbers that follow fill the table's one row.</summary>
    private void ExpectSingleRowTable()
    {
        if (_position.Table is { Layout: TableLayout.SingleRow } table)
            _placer.Expect(Expected.SingleRow, null, table);
    }

    /// <summary>
    /// Adds the findings for tables and rows not found. Called only for the template chosen: the other candidates'
    /// missing tables are no finding of the read, and nothing else depends on them.
    /// </summary>
    public void Finish()
    {
        MissingCells.Report(Vocabulary, Cells, _seenRows, Findings);
        Findings.AddUnlistedCounts();
    }
}
