using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Validation;

/// <summary>
/// Validates reports of any template against the rules declared in its template file. Generated report
/// types have a compiled <c>Validate</c> method that does the same without going through descriptors.
/// </summary>
public static class ReportValidator
{
    /// <summary>Checks the rules of the report's template (cross-year rules excepted).</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The findings; empty when every rule holds.</returns>
    public static IReadOnlyList<ValidationFinding> Validate(IReport report, ValidationOptions? options = null)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        return report.Template.Validate(report, options);
    }

    /// <summary>
    /// Checks the rules of the report's template through the descriptors (the interpreter), cross-year rules
    /// excepted. Gives the same findings as the compiled validator; used for templates built without the generator.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The findings; empty when every rule holds.</returns>
    public static IReadOnlyList<ValidationFinding> Interpret(IReport report, ValidationOptions? options = null)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        var context = new ValidationRun(report, options);
        foreach (var rule in report.Template.Rules)
        {
            if (rule.IsCrossYear)
                continue;
            foreach (var instance in rule.Instances)
                context.Interpret(instance);
        }

        return context.Findings;
    }

    /// <summary>
    /// Checks the cross-year rules of <paramref name="current"/>'s template (e.g. X1: this year's 上年结转 equals last
    /// year's 结转下年度继续办理) against the previous year's report of the same agency, which may be of another
    /// template (a 2020 report in the 2019 format before a 2021 report): cells are matched by id path.
    /// </summary>
    /// <param name="current">This year's report.</param>
    /// <param name="previous">The previous year's report of the same agency.</param>
    /// <param name="options">The options (<see cref="ValidationOptions.Statuses"/> for <paramref name="current"/>, <see cref="ValidationOptions.PreviousStatuses"/> for <paramref name="previous"/>).</param>
    /// <returns>The findings; a rule whose cells the previous template lacks is not assessable.</returns>
    /// <exception cref="ArgumentException">Both years are known and <paramref name="previous"/> is not the year before <paramref name="current"/>.</exception>
    public static IReadOnlyList<ValidationFinding> ValidateCrossYear(IReport current, IReport previous, ValidationOptions? options = null)
    {
        if (current is null)
            throw new ArgumentNullException(nameof(current));
        if (previous is null)
            throw new ArgumentNullException(nameof(previous));
        if (current.Year is { } y && previous.Year is { } p && p != y - 1)
            throw new ArgumentException($"The previous report is of {p}, not of {y - 1}. 上一年度报告应为 {y - 1} 年度，而不是 {p} 年度。", nameof(previous));
        if (options?.PreviousStatuses is { } statuses && statuses.Count != previous.Template.Cells.Count)
            throw new ArgumentException($"Template {previous.Template.Id} has {previous.Template.Cells.Count} cells, but {statuses.Count} previous statuses were given.", nameof(options));

        var context = new ValidationRun(current, previous, options);
        foreach (var rule in current.Template.Rules)
        {
            if (!rule.IsCrossYear)
                continue;
            foreach (var instance in rule.Instances)
                context.Interpret(instance);
        }

        return context.Findings;
    }
}
