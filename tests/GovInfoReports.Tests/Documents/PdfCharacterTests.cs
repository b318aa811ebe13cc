using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Documents;
using GovInfoReports.Tests.Cli;
using GovInfoReports.Tests.Shared;
using Xunit;

namespace GovInfoReports.Tests.Documents;

/// <summary>
/// The forms some fonts' ToUnicode maps give for ideographs (Kangxi radicals ⼈, compatibility ideographs, ligatures) are
/// mapped by the library's own tables, so that a machine without ICU reads a PDF exactly as one with it.
/// </summary>
public sealed class PdfCharacterTests
{
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
    public async System.Threading.Tasks.Task A_pdf_printed_by_Chromium_reads_the_same_with_invariant_globalization()
    {
        // Chromium's PDFs spell 人 and 一 as Kangxi radicals (⼈ ⼀). The tool in its own process with
        // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 (no ICU: string.Normalize then leaves them alone) against this one.
        string folder = Path.Combine(RepositoryRoot.Path, "tests", "GovInfoReports.Tests", "Documents", "Fixtures", "Pdf");
        string[] files = Directory.GetFiles(folder, "chromium-*.pdf").Order(StringComparer.Ordinal).ToArray();
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
