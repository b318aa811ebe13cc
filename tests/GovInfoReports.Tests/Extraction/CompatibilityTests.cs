using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// Compatibility characters — the Kangxi radicals (⼈) and compatibility ideographs some PDF fonts give for ideographs,
/// ligatures, ㈠ and ⒈ in typed labels — are normalised by the library's own NFKC table when the framework cannot do it
/// (invariant globalization, no ICU), so that such a machine reads a report exactly as one with ICU.
/// </summary>
public sealed class CompatibilityTests
{
    [Fact]
    public void The_table_is_the_frameworks_NFKC_for_every_character_of_the_BMP()
    {
        // This test process has ICU: the framework's NFKC is the reference, character by character (unassigned ones aside:
        // the table's Unicode version and ICU's may differ there).
        Assert.True(CompatibilityData.FrameworkNormalizes);
        var differences = new System.Collections.Generic.List<string>();
        int changed = 0;
        for (int code = 0x80; code < 0x10000; code++)
        {
            char c = (char)code;
            if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherNotAssigned)
                continue;
            string expected = c.ToString().Normalize(NormalizationForm.FormKC);
            string table = CompatibilityData.Map(c.ToString());
            changed += expected == c.ToString() ? 0 : 1;
            if (expected != table)
                differences.Add($"U+{code:X4}: NFKC {expected}, table {table}");
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.InRange(changed, 2900, 3100);
        Assert.Equal("(一)1.", CompatibilityData.Map("\u3220\u2488"));
    }

    [Fact]
    public void Kangxi_radicals_compatibility_ideographs_and_ligatures_map_as_NFKC_maps_them()
    {
        // This test process has ICU: the framework's NFKC is the reference the tables must agree with, code point by code point.
        var ranges = new[] { (0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0xFB00, 0xFB06) };
        int mapped = 0;
        foreach (var (first, last) in ranges)
        {
            for (int code = first; code <= last; code++)
            {
                string character = ((char)code).ToString();
                if (char.GetUnicodeCategory((char)code) == System.Globalization.UnicodeCategory.OtherNotAssigned)
                    continue;
                string expected = character.Normalize(NormalizationForm.FormKC);
                Assert.True(expected == PdfCharacters.Normalize(character), $"U+{code:X4}: NFKC {expected}, table {PdfCharacters.Normalize(character)}");
                mapped += expected == character ? 0 : 1;
            }
        }

        Assert.Equal(214 + 460 + 7, mapped);   // every Kangxi radical, the compatibility ideographs NFKC maps, the ligatures
        Assert.Equal("人民政府", PdfCharacters.Normalize("\u2F08民政府"));
        Assert.Equal("民", PdfCharacters.Normalize("\u2EA0"));   // a radicals supplement form NFKC leaves alone
    }

    [Fact]
    public async System.Threading.Tasks.Task Reports_read_the_same_with_invariant_globalization()
    {
        // Chromium's PDFs spell 人 and 一 as Kangxi radicals (⼈ ⼀); a typed report its labels as ㈠ and ⒈. The tool in its
        // own process with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 (no ICU: string.Normalize then leaves them alone, and
        // the typed report lost 154 of its 200 cells) against this one.
        string folder = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Documents", "Fixtures", "Pdf");
        using var typed = new Tool.Folder();
        // A sample whose item labels were typed as ㈠ ㈡ and ⒈ ⒉ (single characters that NFKC spells (一) and 1.).
        string sample = File.ReadAllText(Tool.Sample("2021-wuyuan-hesheng-township"));
        for (int i = 0; i < 7; i++)
            sample = sample.Replace("(" + "一二三四五六七"[i] + ")", ((char)('\u3220' + i)).ToString(), StringComparison.Ordinal);
        for (int i = 1; i <= 9; i++)
            sample = sample.Replace("\n" + i + ".", "\n" + (char)('\u2487' + i), StringComparison.Ordinal);
        Assert.Contains('\u3220', sample);
        Assert.Contains('\u2488', sample);
        string[] files = [.. Directory.GetFiles(folder, "chromium-*.pdf").Order(StringComparer.Ordinal), typed.Write("2021-typed-labels.txt", sample)];
        Assert.NotEmpty(files);
        // The forms are in the files, as PdfPig decodes them.
        Assert.Contains(files, file =>
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
            return pdf.GetPages().SelectMany(page => page.Letters).Any(letter => letter.Value.Any(c => c >= '\u2F00' && c <= '\u2FD5'));
        });
        string[] arguments = ["validate", .. files, "--format", "json", "--lang", "en"];

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govinfo.dll"));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string invariant = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var here = Tool.Run(arguments);
        Assert.True(process.ExitCode == here.Exit, await error);
        Assert.Equal(here.Out, invariant);
        Assert.All(Tool.Files(here.Out), file => Assert.True(file.GetProperty("complete").GetBoolean(), file.ToString()));
    }
}
