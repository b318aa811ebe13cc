using System.Collections.Generic;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// The prose states a number for a narrative fact that the tables do not hold: both numbers and both places.
/// </summary>
/// <param name="Statement">What the prose says, and where.</param>
/// <param name="TableValue">The value of the fact's cell, or the sum of its cells, in the tables.</param>
/// <param name="Cells">The fact's cells.</param>
/// <param name="TablePosition">Where the (first) cell was read, when known.</param>
/// <param name="Message">What disagrees, in the requested language.</param>
public sealed record NarrativeFinding(NarrativeStatement Statement, decimal TableValue, IReadOnlyList<CellDescriptor> Cells, SourcePosition? TablePosition, string Message)
{
    /// <summary>The fact's id: the finding's rule id.</summary>
    public string RuleId => Statement.Fact.Id;

    /// <summary>The fact's severity.</summary>
    public Severity Severity => Statement.Fact.Severity;

    /// <summary>The message: what the text says and where, what the table holds and where.</summary>
    internal static string Describe(NarrativeStatement statement, decimal table, List<CellDescriptor> cells, SourcePosition? at, bool english)
    {
        string where = at is { } p ? (english ? $" at {p.Line}:{p.Column}" : $"，第 {p.Line} 行") : "";
        string labels = string.Join(english ? " + " : "＋", cells.ConvertAll(c => english ? c.Path : c.Row.FullLabel + "／" + c.Column.Label));
        return english
            ? $"The text says \"{statement.Text}\" ({statement.Value}) at {statement.Position.Line}:{statement.Position.Column}, but the table has {table} ({labels}{where})."
            : $"正文（第 {statement.Position.Line} 行）称“{statement.Text}”（{statement.Value}），而表格为 {table}（{labels}{where}）。";
    }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} {Severity.ToString().ToLowerInvariant()} at {Statement.Position}: {Message}";
}
