using System;
using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// Which template a read's tokens follow: each candidate is aligned (most tables first, skipping one that could not
/// win), and the one whose tables the text shows wins — most tables with cells read, then most cells; the report year
/// and the templates' markers break ties. Holds the read's matchers until <see cref="Dispose"/>.
/// </summary>
internal sealed class TemplateChoice : IDisposable
{
    private readonly ReadPlan _plan;
    private readonly TemplateMatcher?[] _matchers;
    private readonly List<string>[] _markers;
    private readonly int? _year;

    private TemplateChoice(ReadPlan plan, TokenList tokens, int? year)
    {
        _plan = plan;
        _year = year;
        _matchers = new TemplateMatcher?[plan.Templates.Length];
        _markers = MarkersFound(plan, tokens.KeyText);
    }

    /// <summary>The index of the template whose tables the text shows best.</summary>
    public int Best { get; private set; }

    public TemplateMatcher BestMatcher => _matchers[Best]!;

    /// <summary>Aligns the tokens with the candidates of <paramref name="plan"/>; with a template forced, with all of them.</summary>
    public static TemplateChoice Make(ReadPlan plan, TokenList tokens, bool forced, int? year, MessageLanguage language)
    {
        var choice = new TemplateChoice(plan, tokens, year);
        try
        {
            choice.RunMatchers(tokens, forced, language);
            return choice;
        }
        catch
        {
            choice.Dispose();
            throw;
        }
    }

    public TemplateMatcher Matcher(int template) => _matchers[template]!;

    /// <summary>The markers of template <paramref name="template"/> found in the text (as keys).</summary>
    public List<string> Markers(int template) => _markers[template];

    /// <summary>Whether no cell and no number of any candidate's tables was found.</summary>
    public bool NothingFound
    {
        get
        {
            if (BestMatcher.Cells.Found > 0)
                return false;
            foreach (var matcher in _matchers)
                if (matcher?.SawTableNumbers == true)
                    return false;
            return true;
        }
    }

    /// <summary>Whether any label or marker of any candidate was recognised.</summary>
    public bool AnyLabelOrMarker
    {
        get
        {
            for (int i = 0; i < _matchers.Length; i++)
                if (_matchers[i]?.AnyLabel == true || _markers[i].Count > 0)
                    return true;
            return false;
        }
    }

    /// <summary>With nothing found: the template the text's markers name, else the only one for its year, else none.</summary>
    public ReportTemplate? TemplateWithoutValues()
    {
        int byMarkers = 0;
        for (int i = 1; i < _markers.Length; i++)
            if (_markers[i].Count > _markers[byMarkers].Count)
                byMarkers = i;
        if (_markers[byMarkers].Count > 0)
            return _plan.Templates[byMarkers];
        if (_year is not { } year)
            return null;
        ReportTemplate? only = null;
        foreach (var candidate in _plan.Templates)
        {
            if (!candidate.AppliesTo(year))
                continue;
            if (only is not null)
                return null;
            only = candidate;
        }

        return only;
    }

    /// <summary>The markers of template <paramref name="other"/> found in a text read as <paramref name="chosen"/> that are foreign to it.</summary>
    public List<string> ForeignMarkers(int other, int chosen)
    {
        var foreign = new List<string>();
        // A template's revision keeps much of it (and names it): their wordings are no sign of mixing.
        if (other == chosen || _markers[chosen].Count == 0 || Revises(chosen, other) || Revises(other, chosen))
            return foreign;
        foreach (string marker in _markers[other])
            if (_plan.IsForeignMarker(other, chosen, marker) && !_markers[chosen].Contains(marker))
                foreign.Add(marker);
        return foreign;
    }

    public void Dispose()
    {
        foreach (var matcher in _matchers)
            matcher?.Return();
    }

    private static List<string>[] MarkersFound(ReadPlan plan, ReadOnlySpan<char> keyText)
    {
        // The keys of the label tokens, concatenated: a marker is found across a label broken over cells.
        var found = new List<string>[plan.Templates.Length];
        for (int i = 0; i < found.Length; i++)
        {
            found[i] = new List<string>();
            foreach (string marker in plan.Vocabularies[i].Markers)
                if (keyText.IndexOf(marker.AsSpan(), StringComparison.Ordinal) >= 0)
                    found[i].Add(marker);
        }

        return found;
    }

    /// <summary>
    /// Runs the matchers, most tables first. A template that could not beat the best so far even if every one of its
    /// tables and cells were found is not matched at all: it cannot be chosen (and its other outputs matter only when
    /// nothing was found, or with a forced template, when all run). A complete 2019 report (7 tables) is thus matched
    /// once, not also against 2021 (6 tables).
    /// </summary>
    private void RunMatchers(TokenList tokens, bool forced, MessageLanguage language)
    {
        TemplateMatcher? leader = null;
        foreach (int i in _plan.Order)
        {
            if (!forced && leader is not null && CannotBeat(_plan.Templates[i], leader.Cells))
                continue;
            var matcher = TemplateMatcher.Rent(_plan.Vocabularies[i], _plan.Wording, _plan.Others[i], tokens, language);
            _matchers[i] = matcher;
            matcher.Run();
            if (leader is null || Ahead(matcher.Cells, leader.Cells))
                leader = matcher;
        }

        int best = -1;
        for (int i = 0; i < _matchers.Length; i++)
            if (_matchers[i] is not null && (best < 0 || Better(i, best)))
                best = i;
        Best = best;
    }

    private static bool Ahead(CellSheet a, CellSheet b) =>
        a.TablesFound > b.TablesFound || (a.TablesFound == b.TablesFound && a.Found > b.Found);

    /// <summary>Whether <paramref name="template"/> would lose to <paramref name="leader"/>'s result even with every table and cell found.</summary>
    private static bool CannotBeat(ReportTemplate template, CellSheet leader) =>
        template.Tables.Count < leader.TablesFound || (template.Tables.Count == leader.TablesFound && template.Cells.Count < leader.Found);

    /// <summary>The template whose tables the text shows wins: most tables with cells read, then most cells; then the year, then the markers.</summary>
    private bool Better(int a, int b)
    {
        CellSheet sa = _matchers[a]!.Cells, sb = _matchers[b]!.Cells;
        if (sa.TablesFound != sb.TablesFound)
            return sa.TablesFound > sb.TablesFound;
        if (sa.Found != sb.Found)
            return sa.Found > sb.Found;
        bool aYear = _year is { } y1 && _plan.Templates[a].AppliesTo(y1), bYear = _year is { } y2 && _plan.Templates[b].AppliesTo(y2);
        if (aYear != bYear)
            return aYear;
        // Both fit and the year is one both apply to: a template's revision is the newer reading.
        if (aYear && Revises(a, b) != Revises(b, a))
            return Revises(a, b);
        return _markers[a].Count > _markers[b].Count;
    }

    /// <summary>Whether template <paramref name="a"/> declares that it revises template <paramref name="b"/>.</summary>
    private bool Revises(int a, int b) => _plan.Templates[a].Revises is { } id && id == _plan.Templates[b].Id;
}
