using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Tests.Extraction;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>Render any record as HTML, Word, Markdown or text, read it back: the same record, every cell, blanks included.</summary>
public class RenderRoundTripTests
{
    /// <summary>Renders <paramref name="report"/> as <paramref name="format"/> and reads it back through the matching front end.</summary>
    internal static ReadResult RoundTrip(IReport report, RenderFormat format) => format switch
    {
        RenderFormat.Html => ReportReader.Read(Loaded(ReportDocument.FromHtml(ReportRenderer.RenderHtml(report)))),
        RenderFormat.Docx => ReportReader.Read(Loaded(ReportDocument.FromDocx(ReportRenderer.RenderDocx(report)))),
        RenderFormat.Markdown => ReportReader.Read(ReportRenderer.RenderMarkdown(report)),
        _ => ReportReader.Read(ReportRenderer.RenderText(report)),
    };

    private static ReportDocument Loaded(DocumentLoadResult result)
    {
        Assert.True(result.Document is not null, result.MessageEn);
        return result.Document!;
    }

    /// <summary>The same record: template, year, agency, and per cell the value (and unit), blank as blank, never missing.</summary>
    internal static void AssertSameRecord(IReport expected, ReadResult actual, string context, ExtractionIssue? warning = null)
    {
        Assert.True(actual.TemplateId == expected.Template.Id, $"{context}: template {actual.TemplateId}");
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Agency, actual.Agency);
        foreach (var cell in expected.Template.Cells)
        {
            var value = expected.GetCell(cell.Index);
            var read = actual.Cells[cell.Index];
            bool same = value.IsBlank
                ? read.Status == CellStatus.Blank
                : read.Status == CellStatus.Reported && read.Value == value && read.Value.Unit == value.Unit;
            if (!same)
                Assert.Fail($"{context}: {cell.Path} expected {value} ({value.Unit}), read {read.Value} ({read.Value.Unit}, {read.Status})\n{string.Join("\n", actual.Findings)}");
        }

        Assert.True(actual.Findings.All(f => f.Severity == Severity.Info || f.Issue == warning), $"{context}: {string.Join("\n", actual.Findings)}");
    }

    private static Gen<(IReport Report, RenderFormat Format)> Rendered(params RenderFormat[] formats) =>
        from template in Gen.Elements(Report2019.Template, Report2021.Template)
        from report in LayoutExtractionTests.Report(template)
        from format in Gen.Elements(formats)
        select (report, format);

    [Fact]
    public void Any_record_rendered_as_html_or_docx_reads_back_cell_by_cell()
    {
        Reports.Check(Rendered(RenderFormat.Html, RenderFormat.Docx), sample =>
            AssertSameRecord(sample.Report, RoundTrip(sample.Report, sample.Format), sample.Format.ToString()), count: 150);
    }

    [Fact]
    public void Any_record_rendered_as_markdown_or_text_reads_back_cell_by_cell()
    {
        Reports.Check(Rendered(RenderFormat.Markdown, RenderFormat.Text), sample =>
            AssertSameRecord(sample.Report, RoundTrip(sample.Report, sample.Format), sample.Format.ToString()), count: 150);
    }

    [Theory]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Docx)]
    [InlineData(RenderFormat.Markdown)]
    [InlineData(RenderFormat.Text)]
    public void A_record_with_every_cell_blank_reads_back_blank(RenderFormat format)
    {
        // The hardest case for a grid: rows and whole tables without any number, whose empty cells are all implied blanks.
        foreach (var template in new[] { Report2019.Template, Report2021.Template })
        {
            var report = template.CreateReport(new CellValue[template.Cells.Count], template.FromYear, "某县人民政府");
            // A blank form: every cell blank, and one finding that the report holds no values.
            var read = RoundTrip(report, format);
            AssertSameRecord(report, read, $"{template.Id} {format}", ExtractionIssue.BlankForm);
            Assert.Single(read.Findings, f => f.Issue == ExtractionIssue.BlankForm);
            Assert.False(read.IsComplete);
        }
    }

    [Fact]
    public void A_record_renders_as_the_same_word_document_every_time()
    {
        // Part for part, byte for byte (the zip's entry times aside): a rendered report can be committed, diffed and cached.
        var report = ReportReader.Read(File.ReadAllText(Tool.Sample("2021-wuyuan-hesheng-township"))).Report!;
        var first = Parts(ReportRenderer.RenderDocx(report));
        var second = Parts(ReportRenderer.RenderDocx(report));
        Assert.Contains("_rels/.rels", first.Keys);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, bytes) in first)
            Assert.True(bytes.AsSpan().SequenceEqual(second[name]), name + " differs");

        static System.Collections.Generic.SortedDictionary<string, byte[]> Parts(byte[] docx)
        {
            var parts = new System.Collections.Generic.SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts[entry.FullName] = copy.ToArray();
            }

            return parts;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_rendered_word_document_is_valid_by_the_Open_XML_SDKs_validator(string sample)
    {
        // The renderer writes the package and its XML itself; a second, independent implementation of the schema checks
        // it: element order, attribute values and the package's parts.
        var report = ReportReader.Read(File.ReadAllText(Tool.Sample(sample))).Report!;
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(ReportRenderer.RenderDocx(report)), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator()
            .Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal(ReportRenderer.Parts(report.Template).Count(p => p.Table is not null), tables.Count);
    }

    public static TheoryData<string> Samples() => new(Directory.GetFiles(Tool.Samples, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_extracted_from_text_renders_as_html_and_docx_and_reads_back_to_the_same_values(string sample)
    {
        var original = ReportReader.Read(File.ReadAllText(Tool.Sample(sample)));
        var report = original.Report!;
        foreach (var format in new[] { RenderFormat.Html, RenderFormat.Docx, RenderFormat.Markdown, RenderFormat.Text })
        {
            var back = RoundTrip(report, format);
            Assert.Equal(report.Template.Id, back.TemplateId);
            Assert.Equal(original.Year, back.Year);
            Assert.Equal(original.Agency, back.Agency);
            for (int i = 0; i < report.Template.Cells.Count; i++)
            {
                var value = report.GetCell(i);
                Assert.True(value == back.Cells[i].Value && value.Unit == back.Cells[i].Value.Unit,
                    $"{sample} {format}: {report.Template.Cells[i].Path} {value} vs {back.Cells[i].Value}");
                // A cell the text did not show (the truncated table) is rendered empty and reads back blank, not as a number.
                Assert.Equal(value.IsBlank ? CellStatus.Blank : CellStatus.Reported, back.Cells[i].Status);
            }
        }
    }
}
