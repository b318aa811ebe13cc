using System;
using System.IO;

namespace GovInfoReports.PackageTests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The repository root: the nearest ancestor of the test assembly holding GovInfoReports.sln.</summary>
    public static string Root => GovInfoReports.Tests.Shared.RepositoryRoot.Path;

    /// <summary>The local package feed that the repository's nuget.config adds.</summary>
    public static string Feed => Path.Combine(Root, "tests", "GovInfoReports.PackageTests", "feed");

    /// <summary>The committed consumer project the tests copy and build.</summary>
    public static string Consumer => Path.Combine(Root, "tests", "GovInfoReports.PackageTests", "Consumer");

    /// <summary>Copies a directory tree, leaving out bin/ and obj/.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
                Copy(directory, Path.Combine(to, name));
        }
    }
}
