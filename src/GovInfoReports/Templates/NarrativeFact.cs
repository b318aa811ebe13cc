using System;
using System.Collections.Generic;
using GovInfoReports.Validation;

namespace GovInfoReports.Templates;

/// <summary>
/// A narrative fact of a template (<c>"narrative"</c> in its file): phrases of a report's prose that state the value of a
/// cell or of a sum of cells (<c>收到政府信息公开申请{n}件</c> → <c>applications.newlyReceived.total</c>). Extraction finds
/// them in the text around the tables (<see cref="Extraction.ReadResult.Narrative"/>); a stated number that differs from
/// the table is a finding of this fact's id and severity (<see cref="Extraction.ReadResult.CheckNarrative"/>).
/// </summary>
public sealed class NarrativeFact
{
    /// <summary>Creates a fact. Called by generated code and by the template loader.</summary>
    /// <param name="id">The fact's id, e.g. <c>N1</c>: the rule id of its findings.</param>
    /// <param name="description">What it states, for people.</param>
    /// <param name="severity">The severity of a disagreement (warning or info: prose is looser than tables).</param>
    /// <param name="cells">The id paths of the cells whose value, or sum, the phrases state.</param>
    /// <param name="phrases">The phrases, each with one <c>{n}</c> where the number stands; spaces in the text are ignored.</param>
    public NarrativeFact(string id, string? description, Severity severity, IReadOnlyList<string> cells, IReadOnlyList<string> phrases)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Description = description;
        Severity = severity;
        Cells = cells ?? throw new ArgumentNullException(nameof(cells));
        Phrases = phrases ?? throw new ArgumentNullException(nameof(phrases));
    }

    /// <summary>The fact's id: the rule id of its findings.</summary>
    public string Id { get; }

    /// <summary>What it states, for people.</summary>
    public string? Description { get; }

    /// <summary>The severity of a disagreement.</summary>
    public Severity Severity { get; }

    /// <summary>The id paths of the cells whose value, or sum, the phrases state.</summary>
    public IReadOnlyList<string> Cells { get; }

    /// <summary>The phrases, each with one <c>{n}</c> where the number stands.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <inheritdoc />
    public override string ToString() => Id + " " + string.Join(" + ", Cells);
}
