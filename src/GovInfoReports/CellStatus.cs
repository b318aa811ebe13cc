namespace GovInfoReports;

/// <summary>Where a cell's value came from: what the tidy export's <c>status</c> column says.</summary>
public enum CellStatus
{
    /// <summary>The report gives a value for the cell.</summary>
    Reported = 0,

    /// <summary>The report shows the cell but leaves it empty (or writes a dash).</summary>
    Blank = 1,

    /// <summary>The cell was not found in the source at all (for example, the table was truncated).</summary>
    Missing = 2,
}

/// <summary>Conversions between <see cref="CellStatus"/> and its text form in exports.</summary>
public static class CellStatuses
{
    /// <summary>The text form: <c>reported</c>, <c>blank</c> or <c>missing</c>.</summary>
    /// <param name="status">The status.</param>
    public static string ToText(this CellStatus status) => status switch
    {
        CellStatus.Reported => "reported",
        CellStatus.Blank => "blank",
        CellStatus.Missing => "missing",
        _ => throw new System.ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Reads the text form (<c>reported</c>, <c>blank</c> or <c>missing</c>, exactly).</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status, when the text is one of the three words.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a status.</returns>
    public static bool TryParse(string? text, out CellStatus status)
    {
        switch (text)
        {
            case "reported":
                status = CellStatus.Reported;
                return true;
            case "blank":
                status = CellStatus.Blank;
                return true;
            case "missing":
                status = CellStatus.Missing;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
