namespace GovInfoReports.Extraction;

/// <summary>
/// The numbers that decide how far a printed label may differ from a template's and still be read as it. They are
/// kept in one place, each with its reason; a change to one changes what is read, so the tests of approximate labels
/// and headings (and the sample reports) pin them.
/// </summary>
internal static class MatchThresholds
{
    /// <summary>
    /// A key with a Chinese list number (<c>五、</c>) and at least this many characters after it looks like a section
    /// heading, of this template or not: it ends the current table. Shorter ones (<c>一、其他</c>) are row labels.
    /// </summary>
    public const int MinHeadingLength = 4;

    /// <summary>A section heading is recognised from at least this many characters (shorter text is too common to name a section).</summary>
    public const int MinSectionKeyLength = 4;

    /// <summary>
    /// A label whose list number differs from the only row it names is still that row when the text after the number is
    /// at least this long (the number is the misprint, not the label).
    /// </summary>
    public const int MinLabelOverridingNumber = 4;

    /// <summary>A truncated label is read as a row of the current table from at least this many characters.</summary>
    public const int MinTruncatedLabelLength = 3;

    /// <summary>… and when it holds at least this share (in percent) of the row's label: a shorter start names too little.</summary>
    public const int MinTruncatedLabelPercent = 60;

    /// <summary>
    /// A misspelt label with the right list number under the current group is read as that row when at least this share of
    /// its characters (as multisets, relative to the longer) are the row label's (<see cref="LabelForms.Similarity"/>).
    /// </summary>
    public const double MinMisspeltSimilarity = 0.5;
}
