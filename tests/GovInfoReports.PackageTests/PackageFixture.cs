using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>
/// Packs src/GovInfoReports into the repository's local feed once per test run, and prepares copies of
/// the consumer project that restore the package from that feed — into a package folder of their own
/// (NUGET_PACKAGES), so that no earlier package of the same version can stand in for this one.
/// </summary>
public sealed class PackageFixture
{
    private readonly Lazy<ConsumerRun> _consumer;
    private readonly Lazy<BrokenBuild> _broken;
    private readonly Lazy<BrokenBuild> _brokenUsing;
    private readonly Lazy<InstalledTool> _tool;
    private readonly Lazy<SnapshotRun> _snapshots;
    private readonly List<ProcessResult> _commands = new();

    /// <summary>Packs the library; throws (failing every package test) when packing fails.</summary>
    public PackageFixture()
    {
        string runs = Path.Combine(Repository.Root, "artifacts", "package-tests");
        if (Directory.Exists(runs))
            foreach (var old in Directory.EnumerateDirectories(runs))
                TryDelete(old);
        RunDirectory = Path.Combine(runs, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + System.Environment.ProcessId);
        Directory.CreateDirectory(RunDirectory);
        PackagesDirectory = Path.Combine(RunDirectory, "packages");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

        foreach (var stale in Directory.EnumerateFiles(Repository.Feed, "GovInfoReports.*nupkg"))
            File.Delete(stale);
        Pack = DotNet.Run(Repository.Root, null, "pack", Path.Combine("src", "GovInfoReports", "GovInfoReports.csproj"), "-c", "Release", "-o", Repository.Feed);
        if (Pack.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed: " + Pack);

        // The snapshot helper's package (GovInfoReports.Testing) goes into the same feed, as a user's would.
        PackTesting = DotNet.Run(Repository.Root, null, "pack", Path.Combine("src", "GovInfoReports.Testing", "GovInfoReports.Testing.csproj"), "-c", "Release", "-o", Repository.Feed);
        if (PackTesting.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack of GovInfoReports.Testing failed: " + PackTesting);

        PackagePath = Directory.EnumerateFiles(Repository.Feed, "GovInfoReports.*.nupkg")
            .Single(f => char.IsAsciiDigit(Path.GetFileName(f)["GovInfoReports.".Length]));
        SymbolsPath = Path.ChangeExtension(PackagePath, ".snupkg");
        Version = Path.GetFileNameWithoutExtension(PackagePath)["GovInfoReports.".Length..];
        _consumer = new Lazy<ConsumerRun>(BuildAndRunConsumer);
        _broken = new Lazy<BrokenBuild>(BuildBrokenConsumer);
        _brokenUsing = new Lazy<BrokenBuild>(BuildBrokenUsingConsumer);
        _tool = new Lazy<InstalledTool>(InstallTool);
        _snapshots = new Lazy<SnapshotRun>(RunSnapshotTests);
    }

    /// <summary>This run's folder: artifacts/package-tests/&lt;time&gt;-&lt;pid&gt; (git ignores artifacts/; earlier runs are removed).</summary>
    public string RunDirectory { get; }

    /// <summary>The NuGet package folder of the consumer builds.</summary>
    public string PackagesDirectory { get; }

    /// <summary>The environment of the consumer's dotnet commands.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The output of <c>dotnet pack</c>.</summary>
    public ProcessResult Pack { get; }

    /// <summary>The packing of GovInfoReports.Testing into the same feed.</summary>
    public ProcessResult PackTesting { get; }

    /// <summary>The packed .nupkg.</summary>
    public string PackagePath { get; }

    /// <summary>The packed .snupkg.</summary>
    public string SymbolsPath { get; }

    /// <summary>The package version.</summary>
    public string Version { get; }

    /// <summary>The consumer, restored, built and run once (lazily, on first use).</summary>
    public ConsumerRun Consumer => _consumer.Value;

    /// <summary>The consumer with a mistake in its template (an unknown row in rule N1), built once.</summary>
    public BrokenBuild Broken => _broken.Value;

    /// <summary>
    /// The consumer in the commonest project shape (<c>dotnet new console</c>: the program in the global namespace, with
    /// <c>using Consumer;</c> for the generated types) and a comma missing in its template, built once.
    /// </summary>
    public BrokenBuild BrokenUsing => _brokenUsing.Value;

    /// <summary>A user's snapshot tests of the consumer's template: first run, accepted run, run after a rule was added.</summary>
    public SnapshotRun Snapshots => _snapshots.Value;

    /// <summary>The rule the snapshot scenario adds to the consumer's template (before N1).</summary>
    public const string AddedRule = "{ \"id\": \"N9\", \"severity\": \"warning\", \"each\": \"column\", \"assert\": \"administrativePenalty <= administrativeInspection\" },";

    private SnapshotRun RunSnapshotTests()
    {
        string directory = PrepareSnapshotTests("snapshots");
        string[] Received() => Directory.GetFiles(directory, "*.received.*").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

        var first = Run(directory, "test");
        var firstReceived = Received();
        string summary = File.ReadAllText(Path.Combine(directory, "TemplateTests.Template2025#summary.received.txt"));

        // Accept, as a user does: rename *.received.* to *.verified.* (the generated C# is not compiled: the package's targets leave it out).
        foreach (var file in Directory.GetFiles(directory, "*.received.*"))
            File.Move(file, file.Replace(".received.", ".verified.", StringComparison.Ordinal));
        var accepted = Run(directory, "test");
        var acceptedReceived = Received();

        string template = Path.Combine(directory, "templates", "2025.json");
        string text = File.ReadAllText(template);
        int at = text.IndexOf("\"id\": \"N1\"", StringComparison.Ordinal);
        Assert.True(at > 0, "the consumer's template has no rule N1");
        File.WriteAllText(template, text.Insert(text.LastIndexOf('{', at), AddedRule + "\n"));
        var changed = Run(directory, "test", "--no-build");
        return new SnapshotRun(directory, first, firstReceived, summary, accepted, acceptedReceived, changed, Received());
    }

    /// <summary>The govinfo tool, packed from this repository and installed into a tool path of the run.</summary>
    public InstalledTool Tool => _tool.Value;

    /// <summary>Runs the installed <c>govinfo</c> in <paramref name="directory"/>, recorded with the other commands.</summary>
    public ProcessResult RunTool(string directory, params string[] arguments)
    {
        var result = DotNet.Tool(Tool.Path, directory, arguments);
        lock (_commands)
            _commands.Add(result);
        return result;
    }

    private InstalledTool InstallTool()
    {
        string feed = Path.Combine(RunDirectory, "tool-feed");
        var pack = DotNet.Run(Repository.Root, null, "pack", Path.Combine("src", "GovInfoReports.Cli", "GovInfoReports.Cli.csproj"), "-c", "Release", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        string nupkg = Directory.EnumerateFiles(feed, "GovInfoReports.Tool.*.nupkg").Single();
        string version = Path.GetFileNameWithoutExtension(nupkg)["GovInfoReports.Tool.".Length..];
        string tools = Path.Combine(RunDirectory, "tools");
        var install = DotNet.Run(RunDirectory, Environment, "tool", "install", "--tool-path", tools, "--add-source", feed, "GovInfoReports.Tool", "--version", version);
        Assert.True(install.ExitCode == 0, install.ToString());
        return new InstalledTool(Path.Combine(tools, "govinfo"), nupkg, pack);
    }

    /// <summary>Every dotnet command run in a consumer copy so far.</summary>
    public IReadOnlyList<ProcessResult> Commands
    {
        get
        {
            lock (_commands)
                return _commands.ToList();
        }
    }

    /// <summary>A file of the restored package, e.g. <c>schema/2021.json</c>.</summary>
    public string PackageFile(string relativePath) =>
        Path.Combine(PackagesDirectory, "govinforeports", Version.ToLowerInvariant(), relativePath);

    /// <summary>
    /// Copies the consumer project to <paramref name="name"/> in this run's folder and does what the
    /// README's "Add a template year" tells a user to do before building: adds the package, and copies the
    /// template JSON Schema from the package next to the template file.
    /// </summary>
    /// <summary>
    /// A copy of ConsumerSnapshots/ (a user's xUnit project) beside a copy of the consumer's template, with
    /// GovInfoReports.Testing added from the feed as README says.
    /// </summary>
    public string PrepareSnapshotTests(string name)
    {
        string directory = Path.Combine(RunDirectory, name);
        Repository.Copy(Path.Combine(Repository.Root, "tests", "GovInfoReports.PackageTests", "ConsumerSnapshots"), directory);
        Directory.CreateDirectory(Path.Combine(directory, "templates"));
        File.Copy(Path.Combine(Repository.Consumer, "templates", "2025.json"), Path.Combine(directory, "templates", "2025.json"));
        var add = InConsumer(directory, "add", "package", "GovInfoReports.Testing", "--version", Version);
        Assert.True(add.ExitCode == 0, add.ToString());
        return directory;
    }

    /// <summary>Runs <c>dotnet</c> in a prepared project, recorded with the other commands.</summary>
    public ProcessResult Run(string directory, params string[] arguments) => InConsumer(directory, arguments);

    public string PrepareConsumer(string name)
    {
        string directory = Path.Combine(RunDirectory, name);
        Repository.Copy(Repository.Consumer, directory);
        var add = InConsumer(directory, "add", "package", "GovInfoReports", "--version", Version);
        Assert.True(add.ExitCode == 0, add.ToString());
        File.Copy(PackageFile("schema/template.schema.json"), Path.Combine(directory, "templates", "template.schema.json"), overwrite: true);
        return directory;
    }

    /// <summary>Builds a prepared consumer copy (the package is restored already).</summary>
    public ProcessResult Build(string directory, params string[] extraArguments) =>
        InConsumer(directory, ["build", "--no-restore", .. extraArguments]);

    private ProcessResult InConsumer(string directory, params string[] arguments)
    {
        var result = DotNet.Run(directory, Environment, arguments);
        lock (_commands)
            _commands.Add(result);
        return result;
    }

    private BrokenBuild BuildBrokenConsumer()
    {
        string directory = PrepareConsumer("broken");
        string file = Path.Combine(directory, "templates", "2025.json");
        string text = File.ReadAllText(file);
        Assert.Contains(BrokenBuild.Good, text, StringComparison.Ordinal);
        text = text.Replace(BrokenBuild.Good, BrokenBuild.Bad, StringComparison.Ordinal);
        File.WriteAllText(file, text);
        return new BrokenBuild(file, text, Build(directory));
    }

    private BrokenBuild BuildBrokenUsingConsumer()
    {
        string directory = PrepareConsumer("broken-using");
        string program = Path.Combine(directory, "Program.cs");
        string code = File.ReadAllText(program);
        Assert.Contains("\nnamespace Consumer;\n", code.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        File.WriteAllText(program, "using Consumer;\n" + code.ReplaceLineEndings("\n").Replace("\nnamespace Consumer;\n", "\n", StringComparison.Ordinal));
        string file = Path.Combine(directory, "templates", "2025.json");
        string text = File.ReadAllText(file);
        Assert.Contains(BrokenBuild.CommaFollowed, text, StringComparison.Ordinal);
        text = text.Replace(BrokenBuild.CommaFollowed, BrokenBuild.CommaMissing, StringComparison.Ordinal);
        File.WriteAllText(file, text);
        return new BrokenBuild(file, text, Build(directory));
    }

    private ConsumerRun BuildAndRunConsumer()
    {
        string directory = PrepareConsumer("consumer");
        var build = Build(directory);
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = DotNet.Run(directory, Environment, Path.Combine("bin", "Debug", "net10.0", "Consumer.dll"));
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in run.Output.Split('\n'))
        {
            var match = Regex.Match(line.TrimEnd('\r'), "^([A-Za-z0-9_.]+): (.*)$");
            if (match.Success)
                facts[match.Groups[1].Value] = match.Groups[2].Value;
        }

        return new ConsumerRun(directory, build, run, facts);
    }

    /// <summary>Deletes a folder of a run, leaving it when another process still holds it.</summary>
    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another run may still use it; it is removed next time.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The consumer project's build and run.</summary>
/// <param name="Directory">Where the consumer copy was built.</param>
/// <param name="Build">The output of <c>dotnet build</c>.</param>
/// <param name="Run">The output of running the program.</param>
/// <param name="Facts">The program's "name: value" lines.</param>
public sealed record ConsumerRun(string Directory, ProcessResult Build, ProcessResult Run, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>One fact the program printed.</summary>
    public string Fact(string name) =>
        Facts.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"The consumer printed no '{name}':{System.Environment.NewLine}{Run}");
}

/// <summary>The consumer's build with a broken template.</summary>
/// <param name="File">The template file, as broken.</param>
/// <param name="Text">Its text.</param>
/// <param name="Build">The output of <c>dotnet build</c>.</param>
/// <summary>The three runs of the user's snapshot tests and the received files after each.</summary>
public sealed record SnapshotRun(string Directory, ProcessResult First, string[] FirstReceived, string FirstSummary, ProcessResult Accepted, string[] AcceptedReceived, ProcessResult Changed, string[] ChangedReceived);

/// <summary>The installed govinfo tool: its command, the package it came from, and the packing.</summary>
public sealed record InstalledTool(string Path, string Package, ProcessResult Pack);

public sealed record BrokenBuild(string File, string Text, ProcessResult Build)
{
    /// <summary>Rule N1's assertion, as shipped.</summary>
    public const string Good = "\"assert\": \"administrativePenalty + administrativeCoercion <= administrativeInspection\"";

    /// <summary>Rule N1's assertion with an unknown row.</summary>
    public const string Bad = "\"assert\": \"administrativePenalty + administrativeCoercion <= administrativeInspections\"";

    /// <summary>The template's id member, followed by its comma.</summary>
    public const string CommaFollowed = "\"id\": \"2025\",";

    /// <summary>The same without the comma.</summary>
    public const string CommaMissing = "\"id\": \"2025\"";
}

/// <summary>The package tests share one pack and run one after another (each builds, on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "package";
}
