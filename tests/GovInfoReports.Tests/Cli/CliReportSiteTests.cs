using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using GovInfoReports.Rendering;
using GovInfoReports.Templates;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary>
/// <c>govinfo report</c> on the samples and 200 generated reports (every seventh with a broken cell): the corpus page and
/// one page per report, well-formed, naming every file and finding, with every cell a failing rule names highlighted.
/// Set <c>GOVINFO_SITE_OUT</c> to a folder to keep the site (tests/Screenshots/take.sh photographs it).
/// </summary>
public class CliReportSiteTests : IClassFixture<CliReportSiteTests.Site>
{
    private static readonly string[] Agencies =
    {
        "上海市黄浦区人民政府", "杭州市西湖区人民政府", "成都市武侯区人民政府", "南京市交通运输局", "广州市天河区人民政府", "武汉市洪山区人民政府",
        "西安市雁塔区人民政府", "苏州市吴中区人民政府", "长沙市岳麓区人民政府", "青岛市市南区人民政府", "郑州市金水区人民政府", "沈阳市和平区人民政府",
    };

    /// <summary>The run, made once: the input folder, the site and what <c>validate --format json</c> says of each file.</summary>
    public sealed class Site : IDisposable
    {
        public Site()
        {
            var random = new Random(2026);
            for (int i = 0; i < 200; i++)
            {
                string agency = Agencies[i % Agencies.Length];
                int year = 2019 + (i / Agencies.Length) % 6;
                var template = TemplateRegistry.Find(year < 2021 ? "2019" : "2021")!;
                var cells = ConsistentReports.Cells(template, random);
                if (i % 7 == 3)
                {
                    // A broken cell: one applicant's count of new applications off by some.
                    var cell = template.FindCell("applications.newlyReceived.naturalPerson")!;
                    cells[cell.Index] = CellValue.FromInt32((cells[cell.Index].Number is { } n ? (int)n : 0) + 5);
                }

                var report = template.CreateReport(cells, year, agency);
                string name = $"generated/{year}/{i:D3}-{agency}";
                switch (i % 3)
                {
                    case 0: Input.Write(name + ".html", ReportRenderer.RenderHtml(report)); break;
                    case 1: Input.Write(name + ".md.txt", ReportRenderer.RenderMarkdown(report)); break;
                    default: Input.Write(name + ".txt", ReportRenderer.RenderText(report)); break;
                }
            }

            foreach (var file in Directory.GetFiles(Tool.Samples, "*.txt"))
                File.Copy(file, Path.Combine(Input.Path, Path.GetFileName(file)));
            Input.Write("notes/readme.txt", "这不是年度报告。");

            Output = Path.Combine(Input.Path, "site");       // inside the input folder: never read back as reports
            var (_, json, _) = Tool.Run("validate", Input.Path, "--format", "json");
            Files = Tool.Files(json);
            (Exit, _, Error) = Tool.Run("report", Input.Path, "-o", Output);

            if (Environment.GetEnvironmentVariable("GOVINFO_SITE_OUT") is { Length: > 0 } keep)
                foreach (var file in Directory.GetFiles(Output, "*", SearchOption.AllDirectories))
                {
                    string target = Path.Combine(keep, Path.GetRelativePath(Output, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target, overwrite: true);
                }
        }

        private Tool.Folder Input { get; } = new();

        public string Output { get; }

        public int Exit { get; }

        public string Error { get; }

        internal List<JsonElement> Files { get; }

        public void Dispose() => Input.Dispose();
    }

    private readonly Site _site;

    public CliReportSiteTests(Site site) => _site = site;

    /// <summary>A page parsed as XML: the pages are well-formed (every element closed, every attribute quoted, text escaped).</summary>
    internal static XDocument Page(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string Text(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));

    [Fact]
    public void The_corpus_page_names_every_file_and_counts_what_was_read()
    {
        Assert.Equal(1, _site.Exit);                         // as validate and export: some reports do not add up
        Assert.Contains("文件 206 个", _site.Error);
        var index = Page(Path.Combine(_site.Output, "index.html"));
        string text = Text(index.Root!);
        Assert.Equal(206, _site.Files.Count);
        foreach (var file in _site.Files)
            Assert.Contains(file.GetProperty("file").GetString()!, text);

        // The cards: 206 files, 205 reports read, one not a report; 29 generated reports do not add up.
        var cards = index.Descendants("div").Where(d => (string?)d.Attribute("class") == "card").ToDictionary(d => string.Concat(d.Nodes().OfType<XText>().Select(t => t.Value)), d => d.Element("b")!.Value);
        Assert.Equal("206", cards["文件 files"]);
        Assert.Equal("205", cards["报告 reports read"]);
        Assert.Equal("1", cards["非报告 not reports"]);
        Assert.Equal("29", cards["不相符 do not add up"]);

        // Every rule that fired is in the table of findings by rule, with its count.
        var byRule = _site.Files.SelectMany(f => f.GetProperty("findings").EnumerateArray()).GroupBy(f => f.GetProperty("rule").GetString()!).ToList();
        var ruleTable = index.Descendants("table").Single(t => t.Elements("tr").First().Elements("th").Select(h => h.Value).SequenceEqual(new[] { "rule", "severity", "source", "findings", "files", "example" }));
        var rows = ruleTable.Elements("tr").Skip(1).Select(r => r.Elements("td").Select(d => d.Value).ToArray()).ToList();
        foreach (var rule in byRule)
            Assert.Equal(rule.Count(), rows.Where(r => r[0] == rule.Key).Sum(r => int.Parse(r[3])));

        // Each agency's series: the twelve generated agencies (and the samples' five) by year, every report linked once.
        var series = index.Descendants("table").Single(t => t.Elements("tr").First().Elements("th").Take(2).Select(h => h.Value).SequenceEqual(new[] { "agency", "2019" }));
        Assert.Equal(new[] { "agency", "2019", "2020", "2021", "2022", "2023", "2024" }, series.Elements("tr").First().Elements("th").Select(h => h.Value));
        Assert.Equal(12 + 5, series.Elements("tr").Count() - 1);
        Assert.Equal(205, series.Descendants("a").Count());

        // The charts: one group of columns per year, one row of bars per report up to 40.
        var charts = index.Descendants().Where(e => e.Name.LocalName == "svg").ToList();
        Assert.Equal(2, charts.Count);
        Assert.Equal(40 * 3, charts[1].Descendants().Count(e => e.Name.LocalName == "rect") - 3);
    }

    [Fact]
    public void Every_report_has_a_page_with_all_its_findings_and_its_failing_cells_highlighted()
    {
        int pages = 0, highlighted = 0;
        var index = Text(Page(Path.Combine(_site.Output, "index.html")).Root!);
        for (int i = 0; i < _site.Files.Count; i++)
        {
            var file = _site.Files[i];
            string page = Path.Combine(_site.Output, "reports", $"{i + 1:D4}.html");
            var findings = file.GetProperty("findings").EnumerateArray().ToList();
            if (file.GetProperty("template").ValueKind == JsonValueKind.Null)
            {
                Assert.False(File.Exists(page));
                foreach (var finding in findings)
                    Assert.Contains(finding.GetProperty("message").GetString()!, index);
                continue;
            }

            pages++;
            var document = Page(page);
            Assert.Contains(file.GetProperty("file").GetString()!, Text(document.Root!));
            var listed = document.Descendants("table").Where(t => (string?)t.Attribute("class") == "findings")
                .SelectMany(t => t.Elements("tr").Skip(1)).Select(r => r.Elements("td").ElementAt(4).Value).ToList();
            Assert.Equal(findings.Select(f => f.GetProperty("message").GetString()), listed);

            var cells = document.Descendants("td").Where(td => td.Attribute("data-path") is not null).ToList();
            Assert.Equal(TemplateRegistry.Find(file.GetProperty("template").GetString()!)!.Cells.Count, cells.Count);
            foreach (var finding in findings.Where(f => f.GetProperty("source").GetString() == "report" && f.GetProperty("severity").GetString() != "info"))
                foreach (var path in finding.GetProperty("cells").EnumerateArray().Select(c => c.GetString()!))
                {
                    var cell = cells.Single(td => (string?)td.Attribute("data-path") == path);
                    Assert.Contains("fail", ((string)cell.Attribute("class")!).Split(' '));
                    Assert.Contains(finding.GetProperty("message").GetString()!, (string?)cell.Attribute("title"));
                    highlighted++;
                }

            // Nothing else is highlighted.
            var named = findings.Where(f => f.GetProperty("source").GetString() == "report" && f.GetProperty("severity").GetString() != "info")
                .SelectMany(f => f.GetProperty("cells").EnumerateArray().Select(c => c.GetString())).ToHashSet();
            Assert.All(cells.Where(td => ((string)td.Attribute("class")!).Contains("fail", StringComparison.Ordinal)), td => Assert.Contains((string)td.Attribute("data-path")!, named));
        }

        Assert.Equal(205, pages);
        Assert.True(highlighted >= 29 * 2, highlighted.ToString());
    }

    [Fact]
    public void A_truncated_report_shows_its_missing_cells_and_a_broken_one_its_numbers()
    {
        int index = _site.Files.FindIndex(f => f.GetProperty("file").GetString()!.EndsWith("2020-shaxian-huyuan-township.txt", StringComparison.Ordinal));
        var document = Page(Path.Combine(_site.Output, "reports", $"{index + 1:D4}.html"));
        var missing = document.Descendants("td").Where(td => ((string?)td.Attribute("class"))?.Split(' ').Contains("missing") == true).ToList();
        Assert.Equal(56 + 14, missing.Count);
        Assert.All(missing, td => Assert.Equal("?", td.Value));
        var carried = document.Descendants("td").Single(td => (string?)td.Attribute("data-path") == "applications.carriedForward.total");
        Assert.Equal("?", carried.Value);
    }
}
