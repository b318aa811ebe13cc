using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using GovInfoReports.PackageTests.Infrastructure;
using Xunit;

namespace GovInfoReports.PackageTests;

/// <summary>What <c>dotnet pack</c> of src/GovInfoReports puts in the package.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly PackageFixture _package;

    public PackageContentTests(PackageFixture package) => _package = package;

    [Fact]
    public void Pack_succeeds_without_warnings()
    {
        Assert.Equal(0, _package.Pack.ExitCode);
        Assert.DoesNotContain(_package.Pack.Output.Split('\n'), l => l.Contains(": warning ", StringComparison.Ordinal));
        Assert.True(File.Exists(_package.SymbolsPath), "no .snupkg next to " + _package.PackagePath);
    }

    [Fact]
    public void The_package_holds_the_library_the_generator_the_msbuild_wiring_the_templates_and_the_readme()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "GovInfoReports.nuspec",
            "lib/net8.0/GovInfoReports.dll",
            "lib/net8.0/GovInfoReports.xml",
            "analyzers/dotnet/cs/GovInfoReports.Generators.dll",
            "buildTransitive/GovInfoReports.targets",
            "schema/2019.json",
            "schema/2021.json",
            "schema/template.schema.json",
            "schema/wording.json",
            "schema/wording.schema.json",
            "README.md",
        ];
        Assert.All(expected, e => Assert.Contains(e, entries));

        // Nothing of the generator leaks into lib/ (it is a compile-time component only), and no stray file ships.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
        var unexpected = entries.Where(e => !expected.Contains(e) && !IsPackagingMetadata(e)).ToList();
        Assert.True(unexpected.Count == 0, "unexpected entries: " + string.Join(", ", unexpected));

        // The shipped files are the repository's own.
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "schema", "2021.json")), Read(zip, "schema/2021.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "schema", "template.schema.json")), Read(zip, "schema/template.schema.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "schema", "wording.json")), Read(zip, "schema/wording.json"));
        Assert.Equal(
            File.ReadAllText(Path.Combine(Repository.Root, "generators", "GovInfoReports.Generators", "build", "GovInfoReports.Templates.targets")),
            Read(zip, "buildTransitive/GovInfoReports.targets"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "README.md")), Read(zip, "README.md"));

        // The analyzer is the netstandard2.0 generator assembly, as the compiler loads it.
        using var analyzer = new PEReader(new MemoryStream(ReadBytes(zip, "analyzers/dotnet/cs/GovInfoReports.Generators.dll")));
        var metadata = analyzer.GetMetadataReader();
        Assert.Equal("GovInfoReports.Generators", metadata.GetString(metadata.GetAssemblyDefinition().Name));
        Assert.Contains(metadata.AssemblyReferences, r => metadata.GetString(metadata.GetAssemblyReference(r).Name) == "netstandard");
    }

    [Fact]
    public void The_nuspec_carries_license_readme_tags_and_only_the_document_readers_as_dependencies()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var nuspec = XDocument.Parse(Read(zip, "GovInfoReports.nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var meta = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("GovInfoReports", meta.Element(ns + "id")!.Value);
        Assert.Equal(_package.Version, meta.Element(ns + "version")!.Value);
        Assert.Equal("MIT", meta.Element(ns + "license")!.Value);
        Assert.Equal("expression", meta.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", meta.Element(ns + "readme")!.Value);
        Assert.Contains("政府信息公开", meta.Element(ns + "tags")!.Value.Split(' '));
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "description")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(meta.Element(ns + "authors")!.Value));

        // The runtime needs only the HTML, Word and PDF readers; the generator is inside the package, not a dependency.
        var groups = meta.Element(ns + "dependencies")?.Elements(ns + "group").ToList() ?? [];
        var group = Assert.Single(groups);
        Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
        var dependencies = group.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(new[] { "AngleSharp", "PdfPig", "System.IO.Packaging" }, dependencies);
    }

    /// <summary>The symbol package's PDB belongs to the packaged DLL and embeds the generated sources, so a debugger steps into Report2021.</summary>
    [Fact]
    public void The_symbol_package_holds_the_matching_pdb_with_the_generated_sources_embedded()
    {
        using var package = ZipFile.OpenRead(_package.PackagePath);
        using var symbols = ZipFile.OpenRead(_package.SymbolsPath);
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net8.0/GovInfoReports.pdb");

        using var pe = new PEReader(new MemoryStream(ReadBytes(package, "lib/net8.0/GovInfoReports.dll")));
        var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
        var pdbId = pe.ReadCodeViewDebugDirectoryData(codeView);

        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadBytes(symbols, "lib/net8.0/GovInfoReports.pdb")));
        var pdb = provider.GetMetadataReader();
        Assert.Equal(pdbId.Guid, new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid);

        var embedded = EmbeddedDocuments(pdb);
        foreach (var name in new[] { "Report2019.g.cs", "Report2021.g.cs", "Report2021.Validation.g.cs", "Report2021.Json.g.cs" })
            Assert.Contains(embedded, d => d.EndsWith("/" + name, StringComparison.Ordinal));
    }

    /// <summary>
    /// SourceLink: a package built from a clone whose origin is on GitHub maps every source to its raw
    /// file at the commit. (The repository under test may have no GitHub remote, so the test makes a clone
    /// that has one; the SDK's built-in SourceLink for GitHub does the mapping.)
    /// </summary>
    [Fact]
    public void A_package_built_from_a_GitHub_clone_carries_SourceLink()
    {
        string clone = Path.Combine(_package.RunDirectory, "sourcelink");
        var head = DotNet.Git(Repository.Root, "rev-parse", "HEAD");
        Assert.True(head.ExitCode == 0, head.ToString());
        string commit = head.Output.Trim();
        try
        {
            var cloned = DotNet.Git(_package.RunDirectory, "clone", "--quiet", "--shared", Repository.Root, clone);
            Assert.True(cloned.ExitCode == 0, cloned.ToString());
            var remote = DotNet.Git(clone, "remote", "set-url", "origin", "https://github.com/govinforeports/GovInfoReports.git");
            Assert.True(remote.ExitCode == 0, remote.ToString());

            string output = Path.Combine(_package.RunDirectory, "sourcelink-feed");
            var pack = DotNet.Run(clone, null, "pack", Path.Combine("src", "GovInfoReports", "GovInfoReports.csproj"), "-c", "Release", "-o", output);
            Assert.True(pack.ExitCode == 0, pack.ToString());

            using var symbols = ZipFile.OpenRead(Directory.EnumerateFiles(output, "*.snupkg").Single());
            using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadBytes(symbols, "lib/net8.0/GovInfoReports.pdb")));
            var pdb = provider.GetMetadataReader();
            var sourceLink = pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
                .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
                .Single();
            Assert.Contains($"\"https://raw.githubusercontent.com/govinforeports/GovInfoReports/{commit}/*\"", sourceLink, StringComparison.Ordinal);
        }
        finally
        {
            // The clone is a second copy of the repository under artifacts/: left there, tools that search the
            // tree for a project by name (BenchmarkDotNet) find two.
            PackageFixture.TryDelete(clone);
        }
    }

    private static bool IsPackagingMetadata(string entry) =>
        entry is "[Content_Types].xml" || entry.StartsWith("_rels/", StringComparison.Ordinal) || entry.StartsWith("package/", StringComparison.Ordinal);

    private static string Read(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name)).TrimStart('\uFEFF');

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static List<string> EmbeddedDocuments(MetadataReader pdb)
    {
        var names = new List<string>();
        foreach (var handle in pdb.Documents)
        {
            bool embedded = pdb.GetCustomDebugInformation(handle).Any(c => pdb.GetGuid(pdb.GetCustomDebugInformation(c).Kind) == EmbeddedSourceKind);
            if (embedded)
                names.Add(pdb.GetString(pdb.GetDocument(handle).Name).Replace('\\', '/'));
        }

        return names;
    }
}
