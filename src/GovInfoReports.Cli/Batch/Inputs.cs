using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GovInfoReports.Cli.Batch;

/// <summary>One input file of a run.</summary>
/// <param name="Index">Its place in the run's stable order.</param>
/// <param name="Path">The path to open.</param>
/// <param name="Display">The path as shown in results: the user's argument, then the path below it with '/'.</param>
internal sealed record InputFile(int Index, string Path, string Display);

/// <summary>Turns the paths a user gives into the run's files, in a stable order.</summary>
internal static class Inputs
{
    /// <summary>The extensions read from folders.</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".txt", ".html", ".htm", ".docx" };

    /// <summary>
    /// Files as given, and the report files under folders (recursively, sorted by path, ordinal; Word's <c>~$</c>
    /// lock files left out). A path that does not exist stays in the list, so that it is reported as unreadable in its place.
    /// </summary>
    public static List<InputFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path, string display)
        {
            if (seen.Add(Path.GetFullPath(path)))
                files.Add(new InputFile(files.Count, path, display));
        }

        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Select(f => (File: f, Relative: Path.GetRelativePath(path, f).Replace('\\', '/')))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal);
                string prefix = path.Replace('\\', '/').TrimEnd('/');
                foreach (var (file, relative) in found)
                    Add(file, prefix.Length == 0 ? relative : prefix + "/" + relative);
            }
            else
            {
                Add(path, path.Replace('\\', '/'));
            }
        }

        return files;
    }
}
