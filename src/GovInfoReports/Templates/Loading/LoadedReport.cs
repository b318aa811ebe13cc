using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports;

/// <summary>
/// A report of a template loaded at run time (<see cref="ReportTemplate.Load(string)"/>): its values by cell, read
/// through the template's descriptor. JSON, CSV, validation, extraction and rendering take it as they take a generated
/// record; the typed records (<c>Report2021</c>, a user's compiled template) remain the compiled path.
/// </summary>
public sealed class LoadedReport : IReport, IEquatable<LoadedReport>
{
    private readonly CellValue[] _cells;

    internal LoadedReport(ReportTemplate template, CellValue[] cells, int? year, string? agency)
    {
        Template = template;
        _cells = cells;
        Year = year;
        Agency = agency;
    }

    /// <inheritdoc />
    public ReportTemplate Template { get; }

    /// <inheritdoc />
    public int? Year { get; }

    /// <inheritdoc />
    public string? Agency { get; }

    /// <inheritdoc />
    public CellValue GetCell(int index)
    {
        if ((uint)index >= (uint)_cells.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Template {Template.Id} has {_cells.Length} cells. 模板 {Template.Id} 有 {_cells.Length} 个单元格。");
        return _cells[index];
    }

    /// <summary>The value of the cell at an id path (e.g. <c>applications.newlyReceived.total</c>).</summary>
    /// <param name="path">The cell's id path.</param>
    /// <exception cref="KeyNotFoundException">The template has no such cell.</exception>
    public CellValue this[string path] =>
        Template.FindCell(path) is { } cell ? _cells[cell.Index] : throw new KeyNotFoundException($"Template {Template.Id} has no cell '{path}'. 模板 {Template.Id} 没有单元格 '{path}'。");

    /// <inheritdoc />
    public bool Equals(LoadedReport? other)
    {
        if (other is null || !ReferenceEquals(Template, other.Template) || Year != other.Year || !string.Equals(Agency, other.Agency, StringComparison.Ordinal))
            return false;
        return _cells.AsSpan().SequenceEqual(other._cells);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LoadedReport);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Template.Id);
        hash.Add(Year);
        hash.Add(Agency);
        foreach (var cell in _cells)
            hash.Add(cell);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Template.TypeName} {Year} {Agency}";
}
