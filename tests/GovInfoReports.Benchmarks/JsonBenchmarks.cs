using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GovInfoReports.Dtos;
using GovInfoReports.Serialization;

namespace GovInfoReports.Benchmarks;

/// <summary>
/// JSON write and read of one report of each template: the generated converter (plain
/// <see cref="JsonSerializer"/> with default options, which finds it on the report type) against
/// System.Text.Json on the equivalent hand-written DTO (tests/Shared/ReportDtos.cs) by reflection — the
/// baseline — and by System.Text.Json's own source generator (<see cref="DtoJsonContext"/>).
/// All three write to the same reused <see cref="Utf8JsonWriter"/> over an <see cref="ArrayBufferWriter{T}"/>
/// (so output encoding is the writer's, identical for all) and read the same UTF-8 bytes; GlobalSetup
/// checks that the three write byte-identical documents. Reading has a fourth row: <see cref="ReportJson.Deserialize(System.ReadOnlySpan{byte})"/>,
/// the library's read of a document of any template, which reads a document in the written layout with the generated
/// one-pass reader (<c>TryReadCanonicalJson</c>) instead of the Utf8JsonReader loop the converter is bound to.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    /// <summary>As tests/GovInfoReports.Tests/JsonFormatTests.cs: camelCase members, unknown members refused (the generated reader refuses them too).</summary>
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private bool _is2019;
    private Report2019 _report2019 = null!;
    private Report2021 _report2021 = null!;
    private Report2019Dto _dto2019 = null!;
    private Report2021Dto _dto2021 = null!;
    private byte[] _json = null!;

    /// <summary>The template of the report.</summary>
    [Params("2019", "2021")]
    public string Template { get; set; } = "2019";

    [GlobalSetup]
    public void Setup()
    {
        // Chinese text is written as UTF-8, not as \u escapes, as ReportJson.Serialize does.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _is2019 = Template == "2019";
        var report = SampleReports.Valid(SampleReports.Template(Template), seed: 2021);
        if (_is2019)
            _report2019 = (Report2019)report;
        else
            _report2021 = (Report2021)report;

        _json = Written(() => Write_Generated());
        if (_is2019)
            _dto2019 = JsonSerializer.Deserialize<Report2019Dto>(_json, ReflectionOptions)!;
        else
            _dto2021 = JsonSerializer.Deserialize<Report2021Dto>(_json, ReflectionOptions)!;

        // The same document from all three writers, and the same report back from every reader.
        Same("reflection write", Written(() => Write_Reflection()));
        Same("source-generated write", Written(() => Write_SourceGenerated()));
        if (!report.Equals(Read_Generated()))
            throw new InvalidOperationException("The generated reader does not give the report back.");
        // ReportJson.Deserialize reads the written document in one pass (TryReadCanonicalJson), not through the tokenizer.
        if (report.Template.TryReadCanonicalJson(_json) is null || !report.Equals(Read_ReportJson()))
            throw new InvalidOperationException("The one-pass reader does not give the report back.");
        Same("reflection read", Written(() => Serialize(Read_Reflection())));
        Same("source-generated read", Written(() => Serialize(Read_SourceGenerated())));
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "Write: STJ reflection (DTO)")]
    [BenchmarkCategory("Write")]
    public int Write_Reflection()
    {
        Reset();
        if (_is2019)
            JsonSerializer.Serialize(_writer, _dto2019, ReflectionOptions);
        else
            JsonSerializer.Serialize(_writer, _dto2021, ReflectionOptions);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Write: STJ source generation (DTO)")]
    [BenchmarkCategory("Write")]
    public int Write_SourceGenerated()
    {
        Reset();
        if (_is2019)
            JsonSerializer.Serialize(_writer, _dto2019, DtoJsonContext.Default.Report2019Dto);
        else
            JsonSerializer.Serialize(_writer, _dto2021, DtoJsonContext.Default.Report2021Dto);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Write: generated converter")]
    [BenchmarkCategory("Write")]
    public int Write_Generated()
    {
        Reset();
        if (_is2019)
            JsonSerializer.Serialize(_writer, _report2019);
        else
            JsonSerializer.Serialize(_writer, _report2021);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "Read: STJ reflection (DTO)")]
    [BenchmarkCategory("Read")]
    public object Read_Reflection() => _is2019
        ? JsonSerializer.Deserialize<Report2019Dto>(_json, ReflectionOptions)!
        : JsonSerializer.Deserialize<Report2021Dto>(_json, ReflectionOptions)!;

    [Benchmark(Description = "Read: STJ source generation (DTO)")]
    [BenchmarkCategory("Read")]
    public object Read_SourceGenerated() => _is2019
        ? JsonSerializer.Deserialize(_json, DtoJsonContext.Default.Report2019Dto)!
        : JsonSerializer.Deserialize(_json, DtoJsonContext.Default.Report2021Dto)!;

    [Benchmark(Description = "Read: generated converter")]
    [BenchmarkCategory("Read")]
    public object Read_Generated() => _is2019
        ? JsonSerializer.Deserialize<Report2019>(_json)!
        : JsonSerializer.Deserialize<Report2021>(_json)!;

    [Benchmark(Description = "Read: ReportJson.Deserialize (generated one-pass reader)")]
    [BenchmarkCategory("Read")]
    public object Read_ReportJson() => ReportJson.Deserialize(_json);

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private int Serialize(object value)
    {
        Reset();
        JsonSerializer.Serialize(_writer, value, value.GetType(), ReflectionOptions);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private byte[] Written(Func<int> write)
    {
        write();
        return _buffer.WrittenSpan.ToArray();
    }

    private void Same(string what, byte[] json)
    {
        if (!json.AsSpan().SequenceEqual(_json))
            throw new InvalidOperationException($"The {what} of template {Template} differs from the generated converter's document:\n{System.Text.Encoding.UTF8.GetString(json)}\n{System.Text.Encoding.UTF8.GetString(_json)}");
    }
}

/// <summary>System.Text.Json's source generator on the hand-written DTOs, with the options of the reflection baseline.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Report2019Dto))]
[JsonSerializable(typeof(Report2021Dto))]
internal sealed partial class DtoJsonContext : JsonSerializerContext
{
}
