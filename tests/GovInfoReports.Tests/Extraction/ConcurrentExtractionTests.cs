using System.Linq;
using System.Threading.Tasks;
using GovInfoReports.Extraction;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>
/// Extraction shares per-thread key tables and per-template key facts between calls: reading the samples on
/// several threads at once, in different orders, gives exactly what reading each alone gives.
/// </summary>
public sealed class ConcurrentExtractionTests
{
    [Fact]
    public void Reading_on_many_threads_gives_the_same_results_as_reading_alone()
    {
        var texts = SampleExtractionTests.Names.Select(SampleExtractionTests.Text).ToArray();
        var alone = texts.Select(t => Describe(ReportReader.Read(t))).ToArray();

        var results = new string[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var mine = new string[texts.Length * 10];
            for (int i = 0; i < mine.Length; i++)
            {
                // Each worker walks the samples in its own order.
                int sample = (i * (worker + 1) + worker) % texts.Length;
                mine[i] = sample + ":" + Describe(ReportReader.Read(texts[sample]));
            }

            results[worker] = mine;
        });

        foreach (var mine in results)
        {
            foreach (var entry in mine)
            {
                int colon = entry.IndexOf(':');
                Assert.Equal(alone[int.Parse(entry[..colon])], entry[(colon + 1)..]);
            }
        }
    }

    private static string Describe(ReadResult result) =>
        result.TemplateId + "|" + result.Year + "|" + result.Agency + "|"
        + string.Join(",", result.Cells.Select(c => c.Value + "/" + c.Status + "/" + c.Position + "/" + c.SourceText + "/" + c.Note))
        + "|" + string.Join(";", result.Findings.Select(f => f.Code + f.Message));
}
