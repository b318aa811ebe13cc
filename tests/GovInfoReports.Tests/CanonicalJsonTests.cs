using System;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>
/// The one-pass reader of documents in the written layout (<see cref="ReportTemplate.TryReadCanonicalJson"/>, tried
/// first by <see cref="ReportJson.Deserialize(ReadOnlySpan{byte})"/>): it reads what the writers write, declines every
/// other layout, and never accepts a document the converter refuses or reads one differently.
/// </summary>
public sealed class CanonicalJsonTests
{
    private static readonly JsonSerializerOptions Escaping = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void Written_documents_are_read_in_one_pass_to_the_same_report(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        Reports.Check(Reports.Report(template), report =>
        {
            // As ReportJson writes (Chinese unescaped), as plain JsonSerializer writes (non-ASCII escaped), and indented.
            foreach (var json in new[]
            {
                ReportJson.SerializeToUtf8Bytes(report),
                JsonSerializer.SerializeToUtf8Bytes(report, template.ReportType, Escaping),
                JsonSerializer.SerializeToUtf8Bytes(report, template.ReportType, Indented),
            })
            {
                var fast = template.TryReadCanonicalJson(json);
                Assert.NotNull(fast);
                var slow = Converter(template, json);
                Assert.Equal(slow, fast);
                Assert.Equal(report, fast);
                Assert.Equal(Reports.CellTexts(slow), Reports.CellTexts(fast!));
                Assert.Equal(report.Agency, fast!.Agency);
                Assert.Equal(report.Year, fast.Year);
            }
        }, count: 100);
    }

    [Fact]
    public void A_document_of_another_template_is_declined()
    {
        var json = ReportJson.SerializeToUtf8Bytes(new Report2019 { Year = 2020 });
        Assert.Null(Report2021.Template.TryReadCanonicalJson(json));
        Assert.NotNull(Report2019.Template.TryReadCanonicalJson(json));
    }

    // Each edit of a written 2019 document leaves the written layout: the one-pass reader declines, and
    // ReportJson.Deserialize still gives what the converter gives (a report, or the converter's error).
    [Theory]
    [InlineData("\"total\":7", "\"total\":7.0", true)]
    [InlineData("\"total\":7", "\"total\":7e0", true)]
    [InlineData("\"total\":7", "\"total\":07", false)]
    [InlineData("\"total\":7", "\"total\":-7", false)]
    [InlineData("\"total\":7", "\"total\":\"7\"", false)]
    [InlineData("\"total\":7", "\"total\":71234567890", false)]
    [InlineData("\"total\":7", "\"total\":2147483648", false)]
    [InlineData("\"total\":7", "\"tot\\u0061l\":7", true)]
    [InlineData("\"total\":7", "\"total\":7,\"extra\":1", false)]
    [InlineData("\"total\":7", "\"total\":7,", false)]
    [InlineData("\"total\":7", "\"total\"=7", false)]
    [InlineData("{\"template\":\"2019\",\"year\":2020", "{\"year\":2020,\"template\":\"2019\"", true)]
    [InlineData("\"year\":2020", "\"year\":1899", false)]
    [InlineData("\"year\":2020", "\"year\":2020.0", true)]
    [InlineData("\"agency\":\"某某县人民政府\"", "\"agency\":\"某某县\u0001人民政府\"", false)]
    [InlineData("\"agency\":\"某某县人民政府\"", "\"agency\":\"某某县\\x人民政府\"", false)]
    [InlineData("\"agency\":\"某某县人民政府\"", "\"agency\":\"\\ud800\"", false)]
    [InlineData("\"agency\":\"某某县人民政府\"", "\"agency\":7", false)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"unit\":\"万元\",\"value\":12.50}", true)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"value\":12.50,\"unit\":\"美元\"}", false)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"value\":null,\"unit\":\"万元\"}", false)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"value\":-12.50,\"unit\":\"万元\"}", false)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"value\":1.25e1,\"unit\":\"万元\"}", true)]
    [InlineData("{\"value\":12.50,\"unit\":\"万元\"}", "{\"value\":12.,\"unit\":\"万元\"}", false)]
    [InlineData("\"withheld\":{", "\"withheld\":[", false)]
    public void Other_layouts_are_declined_and_read_as_the_converter_reads_them(string find, string replace, bool valid)
    {
        var json = Edit(Written2019(), find, replace);
        Assert.Null(Report2019.Template.TryReadCanonicalJson(json));
        SameAsConverter(Report2019.Template, json, valid);
    }

    [Theory]
    [InlineData("", "x", false)]
    [InlineData("", "{}", false)]
    [InlineData("/* note */", "", false)]
    public void Content_around_the_document_is_declined(string before, string after, bool valid)
    {
        var json = Encoding.UTF8.GetBytes(before).Concat(Written2019()).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
        Assert.Null(Report2019.Template.TryReadCanonicalJson(json));
        SameAsConverter(Report2019.Template, json, valid);
    }

    [Fact]
    public void ReportJson_skips_a_byte_order_mark()
    {
        // As Windows editors save UTF-8. (JsonSerializer.Deserialize of bytes refuses it; ReportJson reads files.)
        var json = Encoding.UTF8.GetPreamble().Concat(Written2019()).ToArray();
        Assert.Null(Report2019.Template.TryReadCanonicalJson(json));
        Assert.Equal(Written2019Report, ReportJson.Deserialize(json));
    }

    [Fact]
    public void Whitespace_between_tokens_and_after_the_document_is_read()
    {
        var json = Encoding.UTF8.GetString(Written2019()).Replace(":", " :\t").Replace(",", "\r\n, ").Replace("{", "{ ") + " \n";
        var fast = Report2019.Template.TryReadCanonicalJson(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(fast);
        Assert.Equal(Converter(Report2019.Template, Encoding.UTF8.GetBytes(json)), fast);
        Assert.Equal(Written2019Report, fast);
    }

    // Random edits of written documents: whatever the one-pass reader accepts, the converter accepts and reads the same.
    [Theory]
    [InlineData("2019", 1)]
    [InlineData("2021", 2)]
    public void An_edited_document_is_never_read_differently(string id, int seed)
    {
        var template = TemplateRegistry.Find(id)!;
        var random = new Random(seed);
        byte[] alphabet = "0123456789-.eE+\"\\,:{}[]nul \t\r\nax"u8.ToArray();
        int accepted = 0, declined = 0;
        for (int n = 0; n < 3000; n++)
        {
            var json = ReportJson.SerializeToUtf8Bytes(JsonTests.RandomReport(template, random)).ToList();
            int edits = 1 + random.Next(2);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(json.Count);
                switch (random.Next(3))
                {
                    case 0:
                        json.RemoveAt(at);
                        break;
                    case 1:
                        json.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        json[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            var bytes = json.ToArray();
            var fast = template.TryReadCanonicalJson(bytes);
            if (fast is null)
            {
                declined++;
                continue;
            }

            accepted++;
            IReport slow;
            try
            {
                slow = Converter(template, bytes);
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"Accepted in one pass, refused by the converter ({ex.Message}):\n{Encoding.UTF8.GetString(bytes)}");
            }

            Assert.Equal(slow, fast);
            Assert.Equal(Reports.CellTexts(slow), Reports.CellTexts(fast));
            Assert.Equal(slow.Year, fast.Year);
            Assert.Equal(slow.Agency, fast.Agency);
        }

        // Both outcomes occur (an edit inside a number or the agency often keeps the layout), so both were checked.
        Assert.True(accepted > 100 && declined > 100, $"accepted {accepted}, declined {declined}");
    }

    private static readonly Report2019 Written2019Report = new()
    {
        Year = 2020,
        Agency = "某某县人民政府",
        ProactiveDisclosure = new() { Procurement = new() { CentralizedProcurement = new() { Projects = 3, Amount = new Amount(12.50m, AmountUnit.TenThousandYuan) } } },
        Applications = new() { NewlyReceived = new() { Total = 7 } },
    };

    // A 2019 document with a count, an amount with its unit, a year and an agency, as ReportJson writes it.
    private static byte[] Written2019()
    {
        var json = ReportJson.SerializeToUtf8Bytes(Written2019Report);
        Assert.Equal(Written2019Report, Report2019.Template.TryReadCanonicalJson(json));
        return json;
    }

    private static byte[] Edit(byte[] json, string find, string replace)
    {
        var text = Encoding.UTF8.GetString(json);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{find}” is not in {text}");
        Assert.Equal(-1, text.IndexOf(find, at + 1, StringComparison.Ordinal));
        return Encoding.UTF8.GetBytes(text.Substring(0, at) + replace + text.Substring(at + find.Length));
    }

    private static IReport Converter(ReportTemplate template, byte[] json) =>
        (IReport)JsonSerializer.Deserialize(json, template.ReportType)!;

    private static void SameAsConverter(ReportTemplate template, byte[] json, bool valid)
    {
        if (valid)
        {
            var read = ReportJson.Deserialize(json);
            Assert.Equal(Converter(template, json), read);
            return;
        }

        Assert.ThrowsAny<JsonException>(() => Converter(template, json));
        Assert.ThrowsAny<Exception>(() => ReportJson.Deserialize(json));
    }
}
