using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// A summary column that turns the mean time of a benchmark case into a rate: the amount of work one
/// operation does (bytes of input, reports, templates) divided by the mean, or the mean divided by it.
/// </summary>
internal sealed class RateColumn : IColumn
{
    private readonly Func<BenchmarkCase, double> _work;
    private readonly Func<double, double, double> _rate;
    private readonly string _format;

    /// <param name="name">The column header, e.g. <c>MB/s</c>.</param>
    /// <param name="legend">What the column means, printed under the table.</param>
    /// <param name="work">The work one operation of the case does (in the unit of the rate).</param>
    /// <param name="rate">The value from (work, mean in nanoseconds).</param>
    /// <param name="format">The number format.</param>
    public RateColumn(string name, string legend, Func<BenchmarkCase, double> work, Func<double, double, double> rate, string format)
    {
        ColumnName = name;
        Legend = legend;
        _work = work;
        _rate = rate;
        _format = format;
    }

    /// <summary>Bytes of input per second, in MB/s (10⁶ bytes), from the bytes one operation reads.</summary>
    public static RateColumn MegabytesPerSecond(string legend, Func<BenchmarkCase, double> bytes) =>
        new("MB/s", legend, bytes, (work, ns) => work / ns * 1e9 / 1e6, "N1");

    /// <summary>Items per second, from the items one operation handles.</summary>
    public static RateColumn PerSecond(string name, string legend, Func<BenchmarkCase, double> items) =>
        new(name, legend, items, (work, ns) => work / ns * 1e9, "N0");

    /// <summary>The mean time per item, in microseconds, from the items one operation handles.</summary>
    public static RateColumn MicrosecondsPer(string name, string legend, Func<BenchmarkCase, double> items) =>
        new(name, legend, items, (work, ns) => ns / 1e3 / work, "N1");

    public string Id => nameof(RateColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
            return "NA";
        return _rate(_work(benchmarkCase), statistics.Mean).ToString(_format, CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
