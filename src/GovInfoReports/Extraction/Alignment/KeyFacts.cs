using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>The template-independent reading of one key and what this vocabulary finds for it.</summary>
internal sealed class KeyFacts
{
    public KeyFacts(TemplateVocabulary vocabulary, string key)
    {
        Number = LabelForms.SplitNumber(key, out string rest);
        Rest = rest;
        Bare = LabelForms.RemoveNotes(key);
        LooksLikeHeading = LabelForms.IsChineseListNumber(Number) && rest.Length >= MatchThresholds.MinHeadingLength;
        CouldExtend = vocabulary.ComputeCouldExtend(key, rest);
        Section = vocabulary.ComputeSection(rest);
        Caption = vocabulary.CaptionOf(key);
        Rows = vocabulary.Candidates(vocabulary.ComputeRowCandidates(rest, withoutNotes: false));
        RowBases = vocabulary.Candidates(vocabulary.ComputeRowCandidates(rest, withoutNotes: true));
        Known = vocabulary.AllKeys.Contains(key) || vocabulary.AllKeys.Contains(Bare);
        IsHeader = vocabulary.AllHeaderKeys.Contains(key) || (Bare.Length > 0 && vocabulary.AllHeaderKeys.Contains(Bare));
        var tables = vocabulary.Template.Tables;
        Headers = new HeaderMatch[tables.Count];
        for (int t = 0; t < tables.Count; t++)
            Headers[t] = vocabulary.FindHeader(tables[t], key, Bare);
    }

    /// <summary>Whether the key (or its <see cref="Bare"/> form) is a label of the template (<see cref="TemplateVocabulary.AllKeys"/>).</summary>
    public bool Known { get; }

    /// <summary>Whether the key (or its <see cref="Bare"/> form) is a column header of the template (<see cref="TemplateVocabulary.AllHeaderKeys"/>).</summary>
    public bool IsHeader { get; }

    /// <summary>Per table (by <see cref="TemplateVocabulary.TableIndex"/>): what the key is in the table's header (<see cref="TemplateVocabulary.FindHeader"/>).</summary>
    public HeaderMatch[] Headers { get; }

    /// <summary>The list number (<see cref="LabelForms.SplitNumber"/>), or empty.</summary>
    public string Number { get; }

    /// <summary>The key after its list number.</summary>
    public string Rest { get; }

    /// <summary>The key without its bracketed notes.</summary>
    public string Bare { get; }

    /// <summary>Whether the key starts like a section heading (<c>五、存在的主要问题…</c>): a Chinese list number and <see cref="MatchThresholds.MinHeadingLength"/> characters after it.</summary>
    public bool LooksLikeHeading { get; }

    /// <summary>See <see cref="TemplateVocabulary.CouldExtend"/>.</summary>
    public bool CouldExtend { get; }

    /// <summary>The section whose heading this is, if any.</summary>
    public SectionDescriptor? Section { get; }

    /// <summary>The table whose caption this is, if any.</summary>
    public TableDescriptor? Caption { get; }

    /// <summary>Rows labelled <see cref="Rest"/>, exactly.</summary>
    public RowCandidate[]? Rows { get; }

    /// <summary>Rows labelled <see cref="Rest"/> once notes are removed.</summary>
    public RowCandidate[]? RowBases { get; }
}

/// <summary>A row a key may label, with what choosing among candidates asks of it (looked up once, not per read).</summary>
internal readonly struct RowCandidate
{
    public RowCandidate(RowDescriptor row, string number, int tableIndex)
    {
        Row = row;
        Number = number;
        TableIndex = tableIndex;
    }

    public RowDescriptor Row { get; }

    /// <summary><see cref="TemplateVocabulary.RowNumber"/> of the row.</summary>
    public string Number { get; }

    /// <summary><see cref="TemplateVocabulary.TableIndex"/> of the row's table.</summary>
    public int TableIndex { get; }
}

/// <summary>What a key is in a table's header (<see cref="KeyFacts.Headers"/>).</summary>
internal enum HeaderRole : byte
{
    /// <summary>No header of the table.</summary>
    None,

    /// <summary>A header of no particular column: a column group, the row header, the columns caption, the note, a generic header.</summary>
    Other,

    /// <summary>The label (or an alias) of a column: <see cref="HeaderMatch.Column"/>.</summary>
    Column,
}

/// <summary>What a key is in a table's header, and for a column label, which column.</summary>
internal readonly record struct HeaderMatch(HeaderRole Role, int Column)
{
    public static HeaderMatch None => default;

    public static HeaderMatch OtherHeader => new(HeaderRole.Other, 0);

    public static HeaderMatch OfColumn(int column) => new(HeaderRole.Column, column);
}
