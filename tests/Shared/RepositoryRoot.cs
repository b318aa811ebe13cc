using System;
using System.IO;

namespace GovInfoReports.Tests.Shared;

/// <summary>The repository the tests run from: the nearest ancestor of the test assembly holding GovInfoReports.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GovInfoReports.sln")))
                return directory.FullName;
        throw new InvalidOperationException("GovInfoReports.sln was not found above " + AppContext.BaseDirectory);
    }
}
