using System;

namespace GovInfoReports.Extraction;

/// <summary>
/// A key of report text (<see cref="ReportText.Key"/>) interned per thread (<see cref="ReportText.WordKeyOf"/>,
/// <see cref="ReportText.WordKeyOf"/>), carrying what matching asks of it again and again: what a template's
/// vocabulary knows of it, whether it is another template's header, and the keys it was joined into. The labels of
/// these reports repeat from file to file, so matching a word seen before reads these fields of the object it already
/// holds, instead of hashing the key's text into shared memo tables.
/// </summary>
/// <remarks>
/// An instance belongs to the thread that interned it (and is only used by that thread's reads), so its memo fields
/// need no synchronisation. Each memo holds the last two answers; an answer not held is computed again, never wrong.
/// </remarks>
internal sealed class TextKey
{
    private TemplateVocabulary? _vocabulary0;
    private KeyFacts? _facts0;
    private TemplateVocabulary? _vocabulary1;
    private KeyFacts? _facts1;

    private TextKey? _second0;
    private TextKey? _joined0;
    private TextKey? _second1;
    private TextKey? _joined1;

    private object? _foreignFor;
    private bool _foreign;

    public TextKey(string text)
    {
        Text = text;
        OpenParen = text.IndexOf('(');
    }

    /// <summary>The key.</summary>
    public string Text { get; }

    /// <summary>The index of the key's first <c>(</c> (a bracketed note), or -1.</summary>
    public int OpenParen { get; }

    public int Length => Text.Length;

    /// <summary><see cref="TemplateVocabulary.Facts"/> of this key in <paramref name="vocabulary"/>.</summary>
    public KeyFacts FactsIn(TemplateVocabulary vocabulary)
    {
        if (ReferenceEquals(_vocabulary0, vocabulary))
            return _facts0!;
        if (ReferenceEquals(_vocabulary1, vocabulary))
            return _facts1!;
        var facts = vocabulary.Facts(Text);
        _vocabulary1 = _vocabulary0;
        _facts1 = _facts0;
        _vocabulary0 = vocabulary;
        _facts0 = facts;
        return facts;
    }

    /// <summary>
    /// The answer memoised for <paramref name="others"/> (compared by reference) by <see cref="SetForeign"/>, if any.
    /// </summary>
    public bool TryGetForeign(object others, out bool foreign)
    {
        foreign = _foreign;
        return ReferenceEquals(_foreignFor, others);
    }

    /// <summary>Memoises whether this key is a header of one of <paramref name="others"/>.</summary>
    public void SetForeign(object others, bool foreign)
    {
        _foreignFor = others;
        _foreign = foreign;
    }

    /// <summary>The interned key of this key followed by <paramref name="second"/>.</summary>
    public TextKey Join(TextKey second)
    {
        if (ReferenceEquals(_second0, second))
            return _joined0!;
        if (ReferenceEquals(_second1, second))
            return _joined1!;
        var joined = ReportText.JoinKeys(Text, second.Text);
        _second1 = _second0;
        _joined1 = _joined0;
        _second0 = second;
        _joined0 = joined;
        return joined;
    }

    public override string ToString() => Text;
}
