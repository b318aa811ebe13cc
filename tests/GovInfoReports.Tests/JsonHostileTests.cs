using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using GovInfoReports.Serialization;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Tests.Extraction;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>Report documents made to break a reader: every failure is the documented <see cref="JsonException"/>, never another exception, never a silent value.</summary>
public class JsonHostileTests
{
    private static readonly string Good = ReportJson.Serialize(SampleExtractionTests.Read("2020-mianyang-town").Report!, indented: true);

    public static TheoryData<string, byte[], string> Documents()
    {
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        byte[] Bytes(string text, string find, byte[] with)
        {
            var bytes = Utf8(text);
            var at = Utf8(text[..text.IndexOf(find, StringComparison.Ordinal)]).Length;
            return bytes.Take(at).Concat(with).Concat(bytes.Skip(at + Utf8(find).Length)).ToArray();
        }

        return new TheoryData<string, byte[], string>
        {
            { "invalid UTF-8 in a string", Bytes(Good, "棉洋镇", new byte[] { 0xFF, 0xFE, 0xFD }), "not valid UTF-8" },
            { "invalid UTF-8 in a member name", Bytes(Good, "agency", new byte[] { 0x61, 0xC3, 0x28 }), "" },
            { "a lone high surrogate", Utf8(Good.Replace("棉洋镇", "\\ud800", StringComparison.Ordinal)), "not valid UTF-8 or UTF-16" },
            { "a lone low surrogate", Utf8(Good.Replace("棉洋镇", "\\udc00x", StringComparison.Ordinal)), "not valid UTF-8 or UTF-16" },
            { "a count of 1e-400", Utf8(ReplaceFirst(Good, "\"made\": 21", "\"made\": 1e-400")), "too small" },
            { "an amount of 1e-400", Utf8(ReplaceFirst(Good, "\"value\": 258463.87", "\"value\": 1e-400")), "too small" },
            { "a count of 1e400", Utf8(ReplaceFirst(Good, "\"made\": 21", "\"made\": 1e400")), "outside the range" },
            { "an amount of 1e400", Utf8(ReplaceFirst(Good, "\"value\": 258463.87", "\"value\": 1e400")), "outside the range" },
            { "arrays nested 100,000 deep", Utf8(ReplaceFirst(Good, "\"made\": 21", "\"made\": " + new string('[', 100_000) + new string(']', 100_000))), "" },
        };
    }

    private static string ReplaceFirst(string text, string find, string with)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        return text[..at] + with + text[(at + find.Length)..];
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_broken_document_is_a_JsonException_with_the_reason(string what, byte[] document, string reason)
    {
        var error = Assert.Throws<JsonException>(() => ReportJson.Deserialize(document));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.NotNull(what);
    }

    [Fact]
    public void Zero_written_any_way_is_still_zero()
    {
        foreach (var zero in new[] { "0", "0.0", "0e-400", "0E5", "-0" })
        {
            var report = ReportJson.Deserialize(ReplaceFirst(Good, "\"made\": 21", "\"made\": " + zero));
            Assert.Equal(0, ((Report2019)report).ProactiveDisclosure.RegulatoryDocuments.Regulations.Made);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Render_of_a_broken_document_is_one_error_line_and_exit_code_2(string what, byte[] document, string reason)
    {
        using var folder = new Tool.Folder();
        string path = folder.WriteBytes("report.json", document);
        var (exit, output, error) = Tool.Run("render", path, "--format", "md");
        Assert.Equal(GovInfoReports.Cli.GovInfoCli.UsageOrIo, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not a report document", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.NotNull(what);
    }
}
