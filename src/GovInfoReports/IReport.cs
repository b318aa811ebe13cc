using GovInfoReports.Templates;

namespace GovInfoReports;

/// <summary>
/// A typed annual report of some template (for example <c>Report2019</c> or <c>Report2021</c>), seen
/// through its template's descriptor: the runtime reads and writes any report by cell index, without
/// knowing its C# type and without reflection.
/// </summary>
public interface IReport
{
    /// <summary>The descriptor of the report's template.</summary>
    ReportTemplate Template { get; }

    /// <summary>The report year, when known.</summary>
    int? Year { get; }

    /// <summary>The reporting agency (e.g. 五原县和胜乡人民政府), when known.</summary>
    string? Agency { get; }

    /// <summary>The value of the cell at <paramref name="index"/> in <see cref="ReportTemplate.Cells"/>.</summary>
    /// <param name="index">A cell index.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="index"/> is not a cell index of the template.</exception>
    CellValue GetCell(int index);
}
