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
    // A read reuses per-thread buffers (its token list, the label text) and makes cell objects on demand: a result
    // read later must show what it showed at once, and its lists must agree with each other.
    [Fact]
    public void A_result_is_unchanged_by_later_reads_and_its_lists_agree()
    {
        var texts = SampleExtractionTests.Names.Select(SampleExtractionTests.Text).ToArray();
        var results = texts.Select(t => ReportReader.Read(t)).ToArray();
        for (int r = 0; r < results.Length; r++)
        {
            var result = results[r];
            Assert.Equal(Describe(ReportReader.Read(texts[r])), Describe(result));
            Assert.Equal(result.Cells.Count, result.Positions.Count);
            Assert.Equal(result.Cells.Count, result.Statuses.Count);
            Assert.Contains(result.Positions, p => p is not null);
            for (int i = 0; i < result.Cells.Count; i++)
            {
                Assert.Same(result.Cells[i], result.Cells[i]);
                Assert.Equal(result.Cells[i].Position, result.Positions[i]);
                Assert.Equal(result.Cells[i].Status, result.Statuses[i]);
                Assert.Equal(result.Cells[i].Status == CellStatus.Missing, result.Cells[i].SourceText is null);
            }

            Assert.Equal(result.Positions.ToArray(), result.Positions.Select(p => p).ToArray());
        }
    }

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

    // The per-thread word memo and key table start over when half full, and a key keeps only its last two joins and
    // facts (a new pair takes an old pair's place, and a joined key may outlive the key table's entry for it): reads
    // after a text of 15,000 distinct words in 20,000 tokens (10,000 distinct joins) read as before.
    [Fact]
    public void Reads_after_the_per_thread_tables_overflow_read_as_before()
    {
        var texts = SampleExtractionTests.Names.Select(SampleExtractionTests.Text).ToArray();
        var before = texts.Select(t => Describe(ReportReader.Read(t))).ToArray();

        var random = new System.Random(9);
        var flood = new System.Text.StringBuilder();
        for (int line = 0; line < 5000; line++)
        {
            // Short "labels" of random ideographs, several per line, each followed by a number.
            for (int word = 0; word < 3; word++)
            {
                for (int c = 0; c < 3; c++)
                    flood.Append((char)random.Next(0x4E00, 0x9FA5));
                flood.Append(' ');
            }

            flood.Append(line).Append('\n');
        }

        var floodResult = ReportReader.Read(flood.ToString());
        Assert.Null(floodResult.Report);

        for (int i = 0; i < texts.Length; i++)
            Assert.Equal(before[i], Describe(ReportReader.Read(texts[i])));
    }

    private static string Describe(ReadResult result) =>
        result.TemplateId + "|" + result.Year + "|" + result.Agency + "|"
        + string.Join(",", result.Cells.Select(c => c.Value + "/" + c.Status + "/" + c.Position + "/" + c.SourceText + "/" + c.Note))
        + "|" + string.Join(";", result.Findings.Select(f => f.Code + f.Message));
}
