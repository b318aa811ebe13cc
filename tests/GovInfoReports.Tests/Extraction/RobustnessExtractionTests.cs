using System;
using System.Linq;
using System.Text;
using GovInfoReports.Extraction;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// Garbled input never throws, never misreports positions, and large or repetitive input completes. How time grows with
/// size is measured, not asserted here: ScalingBenchmarks (tests/GovInfoReports.Benchmarks) reads texts of 1, 4 and 16 times
/// a size and its README records the ratios.
/// </summary>
public class RobustnessExtractionTests
{
    private static readonly string[] Fragments =
    {
        "\t", "|", "||||", "\n", "\r\n", "\n\n", " ", "0", "-8", "+98", "减4", "1,234", "67.74 万", "258463.87元", "22（其中修订16件）",
        "/", "—", "&nbsp;", "[bookmark: _GoBack]", "[bookmark:", "(", ")", "（三）", "1.", "二、", "鄉(xiāng)", "(qū", "１２",
        "第二十条第（五）项", "行政许可", "自然 人", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "（六）其他处理", "总计", "其他", "数据1", "\uFEFF", "\u200B", "\uD800", "𠀀", "。", "“", "\"", "9999999999999999999999999999999",
    };

    [Fact]
    public void Ten_thousand_random_mutations_and_truncations_of_the_samples_never_throw_and_stay_consistent()
    {
        var samples = SampleExtractionTests.Names.Select(SampleExtractionTests.Text).ToArray();
        var random = new Random(20261121);
        for (int run = 0; run < 10_000; run++)
        {
            string text = Mutate(samples[random.Next(samples.Length)], random);
            ReadResult result;
            try
            {
                result = ReportReader.Read(text);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"run {run} threw {e}\n---\n{text}");
            }

            AssertConsistent(result, text, run);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        int edits = 1 + random.Next(6);
        for (int e = 0; e < edits && builder.Length > 0; e++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0:
                    builder.Length = at;
                    break;
                case 1:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(200)));
                    break;
                case 2:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3:
                    int length = Math.Min(builder.Length - at, 1 + random.Next(400));
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                case 4:
                    builder[at] = Fragments[random.Next(Fragments.Length)][0];
                    break;
                default:
                    var lines = builder.ToString().Split('\n');
                    int a = random.Next(lines.Length), b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AssertConsistent(ReadResult result, string text, int run)
    {
        if (result.Template is null)
        {
            Assert.Null(result.Report);
            Assert.Empty(result.Cells);
            return;
        }

        Assert.Equal(result.Template.Cells.Count, result.Cells.Count);
        Assert.Equal(result.Template.Cells.Count, result.Sections.Sum(s => s.Reported + s.Blank + s.Missing));
        foreach (var section in result.Sections)
        {
            // A section's counts are those of its cells' statuses.
            var statuses = result.Cells.Where(c => c.Cell.Table.Section == section.Section).Select(c => c.Status).ToList();
            Assert.Equal(statuses.Count(s => s == CellStatus.Reported), section.Reported);
            Assert.Equal(statuses.Count(s => s == CellStatus.Blank), section.Blank);
            Assert.Equal(statuses.Count(s => s == CellStatus.Missing), section.Missing);
        }

        var lines = text.Split(new[] { "\r\n", "\r", "\n" }, StringSplitOptions.None);
        foreach (var cell in result.Cells)
        {
            if (result.Report is { } report)
                Assert.True(report.GetCell(cell.Cell.Index).IsBlank == (cell.Status != CellStatus.Reported), $"run {run}: {cell}");
            if (cell.Status == CellStatus.Missing)
            {
                Assert.Null(cell.Position);
                continue;
            }

            var position = Assert.NotNull(cell.Position);
            Assert.InRange(position.Line, 1, lines.Length);
            Assert.InRange(position.Column, 1, lines[position.Line - 1].Length + 1);
        }

        // Every cell that is missing is explained by a finding, unless the whole text is not a report.
        var explained = result.Findings.SelectMany(f => f.Cells).Select(c => c.Index).ToHashSet();
        if (result.Report is not null)
            Assert.All(result.Cells.Where(c => c.Status == CellStatus.Missing), c => Assert.Contains(c.Cell.Index, explained));
    }

    [Fact]
    public void A_ten_megabyte_input_completes_and_reads_the_first_report()
    {
        string sample = SampleExtractionTests.Text("2020-mianyang-town");
        var builder = new StringBuilder(10 * 1024 * 1024 + sample.Length);
        while (builder.Length < 10 * 1024 * 1024)
            builder.Append(sample).Append('\n');
        var result = ReportReader.Read(builder.ToString());
        Assert.Equal("2019", result.TemplateId);
        Assert.True(result.IsComplete);
        Assert.Equal(21, result.Cells.Single(c => c.Cell.Path == "proactiveDisclosure.licensing.administrativeLicensing.previousItems").Value.Number);
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.DuplicateRow);
    }

    [Theory]
    [InlineData("自 然 人 ")]
    [InlineData("\t")]
    [InlineData("[image")]
    [InlineData("鄉(")]
    [InlineData("0 ")]
    [InlineData("(三)")]
    public void Ten_megabytes_of_one_repeated_fragment_complete(string fragment)
    {
        var text = new StringBuilder(10 * 1024 * 1024);
        text.Append("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t");
        while (text.Length < 10 * 1024 * 1024)
            text.Append(fragment);
        text.Append("\t1");
        var result = ReportReader.Read(text.ToString());
        Assert.NotEmpty(result.Findings);
    }
}
