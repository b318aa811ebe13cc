using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Cli;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Serialization;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Tests.Shared;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>
/// PDFs made the way agencies make them (Word documents converted by LibreOffice, web pages printed by Chromium; see
/// Documents/Fixtures/Pdf/README.md and make-fixtures.sh), each read back to the record it was made from: every value, blank
/// and unit, no warning, every cell with its page and box. Scanned, encrypted, damaged and oversized files give one
/// clear problem each and no value.
/// </summary>
public sealed class PdfFixtureTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Documents", "Fixtures", "Pdf");

    public static TheoryData<string> Readable()
    {
        var data = new TheoryData<string>();
        foreach (var expected in Directory.GetFiles(Folder, "*.expected.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(expected)[..^".expected.json".Length]);
        return data;
    }

    [Fact]
    public void The_fixtures_cover_both_templates_and_both_layout_engines()
    {
        var names = Readable().Cast<object[]>().Select(row => (string)row[0]).ToList();
        Assert.Contains(names, n => n.StartsWith("lo-", StringComparison.Ordinal) && n.Contains("2019", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("lo-", StringComparison.Ordinal) && n.Contains("2021", StringComparison.Ordinal));
        Assert.Contains("lo-2021-long", names);               // its table's header rows repeated on each page
        Assert.Contains(names, n => n.StartsWith("chromium-", StringComparison.Ordinal) && n.Contains("2019", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("chromium-", StringComparison.Ordinal) && n.Contains("2021", StringComparison.Ordinal));
        Assert.Contains("chromium-2021-borderless", names);   // no rules at all: columns from where the numbers and headings stand
        Assert.Contains("lo-2021-mismatch", names);           // numbers that do not add up, read as printed
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void A_fixture_reads_back_its_record_exactly_with_page_and_box(string name)
    {
        var expected = ReportJson.Deserialize(File.ReadAllBytes(Path.Combine(Folder, name + ".expected.json")));
        var loaded = ReportDocument.Load(Path.Combine(Folder, name + ".pdf"));
        Assert.True(loaded.Document is not null, loaded.MessageEn);
        Assert.Equal(DocumentKind.Pdf, loaded.Document!.Kind);

        var read = ReportReader.Read(loaded.Document);
        Assert.Equal(expected.Template.Id, read.TemplateId);
        Assert.Equal(expected.Year, read.Year);
        Assert.Empty(read.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => f.ToString()));
        // The rules fail where the record's numbers do not add up, and nowhere else.
        Assert.Equal(ReportValidator.Validate(expected).Select(f => f.RuleId + " " + f.Kind), read.Validate().Select(f => f.RuleId + " " + f.Kind));
        var report = Assert.IsAssignableFrom<IReport>(read.Report);
        var differences = expected.Template.Cells
            .Where(c => !Equals(expected.GetCell(c.Index), report.GetCell(c.Index)) || expected.GetCell(c.Index).Unit != report.GetCell(c.Index).Unit)
            .Select(c => $"{c.Path}: expected {expected.GetCell(c.Index)} read {report.GetCell(c.Index)} ({read.Cells[c.Index].Status})")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        // Provenance: every cell that holds a value has its page and a box on it.
        foreach (var cell in read.Cells.Where(c => c.Status == CellStatus.Reported))
        {
            var box = Assert.NotNull(cell.Box);
            Assert.InRange(box.Page, 1, 50);
            Assert.True(box.Left < box.Right && box.Top < box.Bottom, cell.ToString());
        }
    }

    [Theory]
    [InlineData("scanned-2021", DocumentProblem.NeedsOcr)]
    [InlineData("encrypted-user", DocumentProblem.Encrypted)]
    [InlineData("corrupt", DocumentProblem.Corrupt)]
    [InlineData("truncated", DocumentProblem.Corrupt)]
    public void An_unreadable_pdf_is_one_clear_problem(string name, DocumentProblem problem)
    {
        var loaded = ReportDocument.Load(Path.Combine(Folder, name + ".pdf"));
        Assert.Null(loaded.Document);
        Assert.Equal(problem, loaded.Problem);
        Assert.False(string.IsNullOrEmpty(loaded.MessageZh));
        Assert.False(string.IsNullOrEmpty(loaded.MessageEn));
    }

    [Fact]
    public void A_pdf_over_the_page_limit_is_refused_before_it_is_read()
    {
        var name = Readable().Cast<object[]>().Select(row => (string)row[0]).First(n => n.StartsWith("lo-", StringComparison.Ordinal));
        var loaded = ReportDocument.Load(Path.Combine(Folder, name + ".pdf"), new DocumentLimits { MaxPdfPages = 1 });
        Assert.Null(loaded.Document);
        Assert.Equal(DocumentProblem.TooLarge, loaded.Problem);
    }

    [Fact]
    public void A_pdf_whose_streams_unpack_past_the_limit_is_refused_before_it_is_parsed()
    {
        // A page whose content stream is 24 MB of spaces compressed to a few kilobytes (a "zip bomb"), under an 8 MB limit.
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < 24; i++)
                zlib.Write(spaces);
        }

        var head = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n" +
            $"4 0 obj << /Length {packed.Length} /Filter /FlateDecode >> stream\n");
        var tail = System.Text.Encoding.ASCII.GetBytes("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var pdf = head.Concat(packed.ToArray()).Concat(tail).ToArray();
        Assert.True(pdf.Length < 200_000);

        var loaded = ReportDocument.Load(pdf, DocumentKind.Pdf, new DocumentLimits { MaxUnpackedBytes = 8 << 20 });
        Assert.Null(loaded.Document);
        Assert.Equal(DocumentProblem.TooLarge, loaded.Problem);
        // Under a limit it fits, the same file is read: a page with no text (not an error of the limit).
        Assert.NotEqual(DocumentProblem.TooLarge, ReportDocument.Load(pdf, DocumentKind.Pdf, new DocumentLimits { MaxUnpackedBytes = 64 << 20 }).Problem);
    }

    [Fact]
    public void A_folder_of_pdfs_gives_a_row_per_file_and_the_readable_ones_are_read()
    {
        var validate = Tool.Run("validate", Folder, "--format", "json", "--lang", "en");
        var files = Tool.Files(validate.Out);
        int placed = 0;
        Assert.Equal(Directory.GetFiles(Folder, "*.pdf").Length, files.Count);
        foreach (var file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file.GetProperty("file").GetString())!;
            var rules = file.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
            if (File.Exists(Path.Combine(Folder, name + ".expected.json")))
            {
                Assert.True(file.GetProperty("complete").GetBoolean(), name);
                // Findings of a PDF stand on a page, in a box, never at a line of text.
                var findings = file.GetProperty("findings").EnumerateArray().ToList();
                Assert.DoesNotContain(findings, f => f.TryGetProperty("line", out _));
                foreach (var finding in findings.Where(f => f.TryGetProperty("page", out _)))
                {
                    Assert.True(finding.GetProperty("page").GetInt32() >= 1, name);
                    Assert.Equal(4, finding.GetProperty("box").GetArrayLength());
                    placed++;
                }
            }
            else
            {
                Assert.Single(rules);
                Assert.StartsWith("IN", rules[0]);
                Assert.Equal(JsonValueKindNull, file.GetProperty("template").ValueKind);
            }
        }

        // The rule findings of the record that does not add up stand where its cells are.
        Assert.True(placed >= 2, "no finding with a page and box");
    }

    [Theory]
    [InlineData("lo-2021")]
    [InlineData("chromium-2021")]
    public void The_boxes_are_where_the_cells_stand_on_the_page(string name)
    {
        var read = ReportReader.Read(ReportDocument.Load(Path.Combine(Folder, name + ".pdf")).Document!);
        PageBox Box(string path) => read.Cells.Single(c => c.Cell.Path == path).Box!.Value;

        // A row's cells side by side on one band, left to right in column order; the next row below it.
        var first = Box("applications.newlyReceived.naturalPerson");
        var last = Box("applications.newlyReceived.total");
        var below = Box("applications.carriedOver.naturalPerson");
        Assert.Equal(first.Page, last.Page);
        Assert.True(first.Right <= last.Left, $"{first} / {last}");
        Assert.True(Math.Abs(first.Top - last.Top) < 1 && Math.Abs(first.Bottom - last.Bottom) < 1, $"{first} / {last}");
        Assert.True(below.Page > first.Page || below.Top >= first.Bottom - 1, $"{first} / {below}");
        // Section 四's cells come after section 二's: on a later page, or lower on the same one.
        var fees = Box("proactiveDisclosure.fees.administrativeFees.amount");
        var reviews = Box("reviews.reconsideration.total");
        Assert.True(reviews.Page > fees.Page || reviews.Top > fees.Bottom, $"{fees} / {reviews}");
    }

    [Fact]
    public void Extract_with_sources_gives_each_cell_its_page_and_box_from_a_pdf_and_its_line_from_text()
    {
        string pdf = Path.Combine(Folder, "lo-2021.pdf"), text = Tool.Sample("2021-wuyuan-hesheng-township");
        var run = Tool.Run("extract", pdf, text, "--format", "jsonl", "--sources");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);

        var fromPdf = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("lo-2021.pdf", StringComparison.Ordinal)).GetProperty("sources");
        var read = ReportReader.Read(ReportDocument.Load(pdf).Document!);
        var found = read.Cells.Where(c => c.Position is not null).ToList();
        Assert.Equal(200, found.Count);
        Assert.Equal(found.Select(c => c.Cell.Path), fromPdf.EnumerateObject().Select(p => p.Name));
        foreach (var cell in found)
        {
            var source = fromPdf.GetProperty(cell.Cell.Path);
            Assert.Equal(cell.Box!.Value.Page, source.GetProperty("page").GetInt32());
            Assert.Equal(Math.Round(cell.Box.Value.Left, 1), source.GetProperty("box")[0].GetDouble());
            Assert.False(source.TryGetProperty("line", out _));
        }

        var fromText = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith(".txt", StringComparison.Ordinal)).GetProperty("sources");
        Assert.All(fromText.EnumerateObject(), p => Assert.True(p.Value.GetProperty("line").GetInt32() > 0));
        Assert.Equal(GovInfoCli.UsageOrIo, Tool.Run("extract", pdf, "--sources").Exit); // the report document alone has no room for them
    }

    [Fact]
    public void Sarif_locates_a_pdf_finding_by_page_and_box_not_by_a_line()
    {
        var run = Tool.Run("validate", Path.Combine(Folder, "lo-2021-mismatch.pdf"), "--format", "sarif");
        using var sarif = System.Text.Json.JsonDocument.Parse(run.Out);
        var locations = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation")).ToList();
        Assert.NotEmpty(locations);
        Assert.DoesNotContain(locations, l => l.TryGetProperty("region", out _));
        var placed = locations.Where(l => l.TryGetProperty("properties", out _)).ToList();
        Assert.NotEmpty(placed);
        Assert.All(placed, l => Assert.Equal(4, l.GetProperty("properties").GetProperty("box").GetArrayLength()));
    }

    [Fact]
    public void Text_output_places_a_pdf_finding_on_the_page_of_its_cell()
    {
        string pdf = Path.Combine(Folder, "lo-2021-mismatch.pdf");
        int page = ReportReader.Read(ReportDocument.Load(pdf).Document!).Cells.Single(c => c.Cell.Path == "applications.newlyReceived.total").Box!.Value.Page;
        var run = Tool.Run("validate", pdf, "--lang", "en");
        var findings = run.Out.Split('\n').Where(l => l.StartsWith("  error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, findings.Count); // the row's total, and 一 + 二 = 三 + 四 in the total column
        Assert.All(findings, l => Assert.Contains($"] page {page}: ", l, StringComparison.Ordinal));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
