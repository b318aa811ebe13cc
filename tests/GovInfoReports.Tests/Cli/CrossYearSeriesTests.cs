using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GovInfoReports.Cli;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary>
/// <c>validate --cross-year</c> on generated series (issue 28): three agencies × three years whose reports continue one
/// another (上年结转 = last year's 结转下年度, 现行有效件数 = last year's + 制发 − 废止), with one broken continuity and one
/// text copied from last year — exactly those two findings, and the grouping printed.
/// </summary>
public class CrossYearSeriesTests
{
    private const string Characters = "政府信息公开工作年度报告本机关坚持以人民为中心深入推进政务公开标准化规范化建设完善制度机制加强平台管理提升解读回应质效依法办理申请保障群众知情权参与权监督权围绕重点领域发布权威信息优化服务持续改进";

    /// <summary>A paragraph of random words: two such texts share almost no five-character run.</summary>
    private static string Prose(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            for (int i = 0; i < 12; i++)
                text.Append(Characters[random.Next(Characters.Length)]);
            text.Append('，');
        }

        return text.Append('。').ToString();
    }

    private static int Get(CellValue[] cells, string path) => (int)(cells[Report2021.Template.FindCell(path)!.Index].Number ?? 0);

    private static void Set(CellValue[] cells, string path, int value) => cells[Report2021.Template.FindCell(path)!.Index] = CellValue.FromInt32(value);

    /// <summary>A year's cells that continue <paramref name="previous"/>: carried over = its carried forward, documents in force = its + issued − repealed.</summary>
    private static CellValue[] Continue(CellValue[] cells, CellValue[]? previous)
    {
        if (previous is null)
            return cells;
        string[] applicants = { "naturalPerson", "commercial", "research", "nonProfit", "legalServices", "other" };
        foreach (var column in applicants)
        {
            int over = Get(previous, "applications.carriedForward." + column);
            Set(cells, "applications.carriedOver." + column, over);
            // 一 + 二 = 三 + 四 in the column: the carried forward takes up the difference, the new requests any shortfall.
            int newly = Get(cells, "applications.newlyReceived." + column), done = Get(cells, "applications.results.total." + column);
            int forward = newly + over - done;
            if (forward < 0)
            {
                Set(cells, "applications.newlyReceived." + column, newly - forward);
                forward = 0;
            }

            Set(cells, "applications.carriedForward." + column, forward);
        }

        foreach (var row in new[] { "applications.newlyReceived", "applications.carriedOver", "applications.carriedForward" })
            Set(cells, row + ".total", applicants.Sum(c => Get(cells, row + "." + c)));
        foreach (var row in new[] { "regulations", "normativeDocuments" })
        {
            string at = "proactiveDisclosure.regulatoryDocuments." + row + ".";
            Set(cells, at + "inForce", Get(previous, at + "inForce") + Get(cells, at + "issued") - Get(cells, at + "repealed"));
        }

        return cells;
    }

    private static string Report(string agency, int year, CellValue[] cells, string overview, string problems) =>
        $"{agency}{year}年政府信息公开工作年度报告\n\n一、总体情况\n{overview}\n\n"
        + ReportRenderer.RenderText(Report2021.Template.CreateReport(cells, year, agency.Replace(" ", "", StringComparison.Ordinal)))
        + $"\n五、存在的主要问题及改进情况\n{problems}\n六、其他需要报告的事项\n本年度未收取信息处理费。\n";

    [Fact]
    public void Three_agencies_over_three_years_give_exactly_the_broken_continuity_and_the_copied_text_and_the_grouping()
    {
        using var folder = new Tool.Folder();
        var random = new Random(28);
        string[] agencies = { "杭州市西湖区人民政府", "南京市交通运输局", "成都市武侯区人民政府" };
        foreach (var agency in agencies)
        {
            CellValue[]? previous = null;
            string? lastOverview = null, lastProblems = null;
            foreach (int year in new[] { 2021, 2022, 2023 })
            {
                var cells = Continue(ConsistentReports.Cells(Report2021.Template, random), previous);
                string overview = Prose(random, 300), problems = Prose(random, 120);
                if (agency == agencies[0] && year == 2023)
                    (overview, problems) = (lastOverview!, lastProblems!);      // the text copied from last year's report
                var written = cells;
                if (agency == agencies[2] && year == 2023)
                {
                    // 现行有效件数 one more than last year's + issued − repealed (the table still adds up).
                    written = (CellValue[])cells.Clone();
                    Set(written, "proactiveDisclosure.regulatoryDocuments.regulations.inForce", Get(cells, "proactiveDisclosure.regulatoryDocuments.regulations.inForce") + 1);
                }

                // The agency spelled with a space one year: the same agency.
                string spelled = agency == agencies[1] && year == 2022 ? "南京市 交通运输局" : agency;
                folder.Write($"{year}/{Array.IndexOf(agencies, agency)}.txt", Report(spelled, year, written, overview, problems));
                previous = written;
                (lastOverview, lastProblems) = (overview, problems);
            }
        }

        var plain = Tool.Files(Tool.Run("validate", folder.Path, "--format", "json").Out);
        Assert.Empty(plain.SelectMany(f => f.GetProperty("findings").EnumerateArray()));

        var (exit, output, error) = Tool.Run("validate", folder.Path, "--format", "json", "--cross-year");
        Assert.Equal(GovInfoCli.Success, exit);
        var findings = Tool.Files(output)
            .SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => (File: f.GetProperty("file").GetString()!, Rule: x.GetProperty("rule").GetString()!, Finding: x)))
            .ToList();
        Assert.Equal(new[] { ("2023/0.txt", "T1"), ("2023/2.txt", "X2") }, findings.Select(f => (f.File[(folder.Path.Length + 1)..], f.Rule)).OrderBy(f => f.Item1));
        var reuse = findings.Single(f => f.Rule == "T1").Finding;
        Assert.Equal("info", reuse.GetProperty("severity").GetString());
        Assert.Contains("相似度", reuse.GetProperty("message").GetString());
        var x2 = findings.Single(f => f.Rule == "X2").Finding;
        Assert.Equal("warning", x2.GetProperty("severity").GetString());
        Assert.Contains("previous.proactiveDisclosure.regulatoryDocuments.regulations.inForce", x2.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));

        // The grouping: three agencies, each with its three years.
        Assert.Contains("跨年度核对：6 对相邻年度报告；按机关分组 3 个：", error);
        Assert.Contains("  杭州市西湖区人民政府: 2021, 2022, 2023", error);
        Assert.Contains("  南京市交通运输局: 2021, 2022, 2023\n", error);     // its title spelled with a space one year: one agency
        Assert.Contains("  成都市武侯区人民政府: 2021, 2022, 2023", error);
    }

    [Fact]
    public void Names_one_character_apart_are_not_merged_but_shown()
    {
        using var folder = new Tool.Folder();
        var random = new Random(7);
        folder.Write("a.txt", Report("沭阳县人民政府", 2021, ConsistentReports.Cells(Report2021.Template, random), Prose(random, 200), Prose(random, 80)));
        folder.Write("b.txt", Report("沐阳县人民政府", 2022, ConsistentReports.Cells(Report2021.Template, random), Prose(random, 200), Prose(random, 80)));
        var (_, output, _) = Tool.Run("validate", folder.Path, "--cross-year");
        Assert.Contains("跨年度核对：0 对相邻年度报告；按机关分组 2 个：", output);
        Assert.Contains("未合并（仅差一字，请核对是否同一机关）：沐阳县人民政府 / 沭阳县人民政府", output);
    }

    [Theory]
    [InlineData("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", 1.0, 20)]
    [InlineData("甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉", 0.0, 0)]
    [InlineData("甲乙丙丁戊己庚辛壬癸 子丑寅卯", "己庚辛壬癸子丑寅卯辰巳午未", 5.0 / 14, 9)]
    public void Text_reuse_is_the_Jaccard_similarity_of_five_character_shingles_with_the_longest_shared_passage(string current, string previous, double similarity, int passage)
    {
        var reuse = GovInfoReports.Cli.Batch.CrossYear.Reuse(current, previous)!;
        Assert.Equal(similarity, reuse.Similarity, 6);
        Assert.Equal(passage, reuse.Passage.Length);
    }
}
