using System;
using System.Collections.Generic;
using GovInfoReports.Validation;

namespace GovInfoReports.Templates;

/// <summary>
/// A required part of a report's text (<c>"parts"</c> in its template file): a numbered heading such as
/// <c>五、存在的主要问题及改进情况</c> that a report must have, with something under it. Reports number and word their
/// headings in their own ways, so a part is found by its heading or an alias in a numbered heading line, whatever the
/// number (<see cref="Extraction.ReadResult.CheckParts"/>).
/// </summary>
public sealed class ReportPart
{
    /// <summary>Creates a part. Called by generated code and by the template loader.</summary>
    /// <param name="id">The part's id, e.g. <c>P5</c>: the rule id of its findings.</param>
    /// <param name="heading">The heading as the format words it, without its number.</param>
    /// <param name="aliases">Other wordings reports use.</param>
    /// <param name="severity">The severity of a missing or empty part.</param>
    public ReportPart(string id, string heading, IReadOnlyList<string> aliases, Severity severity)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Heading = heading ?? throw new ArgumentNullException(nameof(heading));
        Aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));
        Severity = severity;
    }

    /// <summary>The part's id: the rule id of its findings.</summary>
    public string Id { get; }

    /// <summary>The heading as the format words it, without its number.</summary>
    public string Heading { get; }

    /// <summary>Other wordings reports use.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The severity of a missing or empty part.</summary>
    public Severity Severity { get; }

    /// <inheritdoc />
    public override string ToString() => Id + " " + Heading;
}
