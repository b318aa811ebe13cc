using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>A required part of the report's text is missing, or its heading has nothing under it.</summary>
/// <param name="Part">The part.</param>
/// <param name="Location">Where its heading is, when it is there (empty); <see langword="null"/> when it is missing.</param>
/// <param name="Message">What is wrong, in the requested language.</param>
public sealed record PartFinding(ReportPart Part, PartLocation? Location, string Message)
{
    /// <summary>The part's id: the finding's rule id.</summary>
    public string RuleId => Part.Id;

    /// <summary>The part's severity.</summary>
    public Severity Severity => Part.Severity;

    /// <summary>Whether the heading is there with nothing under it (else the part is missing).</summary>
    public bool IsEmpty => Location is not null;

    internal static string Describe(ReportPart part, PartLocation? location, bool english) =>
        location is { } at
            ? english
                ? $"The part \"{part.Heading}\" at line {at.Position.Line} has nothing under its heading."
                : $"“{part.Heading}”部分（第 {at.Position.Line} 行）标题下没有内容。"
            : english
                ? $"The report has no part \"{part.Heading}\" (a heading that names it was not found)."
                : $"报告缺少“{part.Heading}”部分（未找到其标题）。";

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} {Severity.ToString().ToLowerInvariant()}: {Message}";
}
