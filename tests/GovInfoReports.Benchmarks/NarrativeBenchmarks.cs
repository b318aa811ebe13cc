using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// What the prose checks of issue 28 add to a read: each sample read with the official templates loaded from their files
/// (the same loader, so the two differ in nothing else), once as shipped — narrative facts, required parts and the fee
/// statement — and once with those members removed (the baseline). Target: under 20 % of the read.
/// </summary>
public class NarrativeBenchmarks
{
    private string _text = "";
    private ReadOptions _with = new(), _without = new();

    /// <summary>The sample's file name in tests/samples.</summary>
    [ParamsSource(nameof(SampleNames))]
    public string Sample { get; set; } = "";

    public static IEnumerable<string> SampleNames() => ExtractionBenchmarks.SampleNames();

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(ExtractionBenchmarks.SamplesFolder, Sample));
        var with = new List<ReportTemplate>();
        var without = new List<ReportTemplate>();
        foreach (var id in new[] { "2019", "2021" })
        {
            string json = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", id + ".json"));
            with.Add(Load(json, id));
            var node = JsonNode.Parse(json)!.AsObject();
            foreach (var member in new[] { "narrative", "parts", "fee" })
                node.Remove(member);
            without.Add(Load(node.ToJsonString(), id));
        }

        _with = new ReadOptions { Templates = with };
        _without = new ReadOptions { Templates = without };
    }

    private static ReportTemplate Load(string json, string id) =>
        TemplateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), id + ".json").Template!;

    [Benchmark(Baseline = true, Description = "Read, templates without prose facts")]
    public ReadResult Without() => ReportReader.Read(_text, _without);

    [Benchmark(Description = "Read, with narrative facts, parts and fee")]
    public int With()
    {
        var result = ReportReader.Read(_text, _with);
        return result.Narrative.Count + result.Parts.Count + result.CheckNarrative().Count + result.CheckParts().Count;
    }
}
