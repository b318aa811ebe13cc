using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>Options of <see cref="ReportReader.Read(string, ReadOptions?)"/>.</summary>
public sealed class ReadOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>
    /// Reads the text as this template (by id, e.g. <c>"2021"</c>) instead of detecting it. A warning still says
    /// when the text's tables or year point to another template.
    /// </summary>
    public string? TemplateId { get; init; }

    /// <summary>The report year to use instead of the one found in the text.</summary>
    public int? Year { get; init; }

    /// <summary>The agency name to use instead of the one found in the title.</summary>
    public string? Agency { get; init; }

    /// <summary>The templates to detect among; <see langword="null"/> means every template in <see cref="TemplateRegistry"/>.</summary>
    public IReadOnlyList<ReportTemplate>? Templates { get; init; }

    /// <summary>
    /// The words a report uses around its tables (title, year, page chrome, generic headers, label variants, units and
    /// signs); <see langword="null"/> means <see cref="ReportWording.Default"/>, the library's <c>schema/wording.json</c>.
    /// </summary>
    public ReportWording? Wording { get; init; }

    /// <summary>The language of finding messages (Chinese by default).</summary>
    public MessageLanguage Language { get; init; }
}
