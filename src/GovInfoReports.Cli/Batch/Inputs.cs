using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;

namespace GovInfoReports.Cli.Batch;

/// <summary>Why an input found while walking the folders cannot be opened: the row it gets, in both languages.</summary>
internal sealed record InputProblem(string Code, string Chinese, string English);

/// <summary>One input file of a run.</summary>
/// <param name="Index">Its place in the run's stable order.</param>
/// <param name="Path">The path to open.</param>
/// <param name="Display">The path as shown in results: the user's argument, then the path below it with '/'.</param>
/// <param name="Problem">Why it cannot be opened, when the walk already knows (an unreadable folder, an undecodable name).</param>
internal sealed record InputFile(int Index, string Path, string Display, InputProblem? Problem = null);

/// <summary>Turns the paths a user gives into the run's files, in a stable order.</summary>
internal static class Inputs
{
    /// <summary>The extensions read from folders.</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".txt", ".html", ".htm", ".docx", ".pdf" };

    /// <summary>
    /// Files as given, and the report files under folders (recursively, sorted by path, ordinal; hidden files and
    /// Word's <c>~$</c> lock files left out). A path that does not exist stays in the list, so that it is reported as
    /// unreadable in its place. Each file is read once, however many paths lead to it; symbolic links found in folders
    /// are not followed (links named on the command line are).
    /// </summary>
    /// <param name="paths">The paths the user gave.</param>
    /// <param name="exclude">Full paths never read as inputs (the run's own output file).</param>
    public static List<InputFile> Expand(IEnumerable<string> paths, IEnumerable<string>? exclude = null)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(exclude?.Select(Path.GetFullPath) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                string prefix = path.Replace('\\', '/').TrimEnd('/');
                foreach (var (file, relative, problem) in Walk(path).OrderBy(f => f.Relative, StringComparer.Ordinal))
                {
                    // Not a link (the walk skips them): its real path is its folder's and its name.
                    if (problem is not null || seen.Add(Path.Combine(RealFolders.GetOrAdd(Path.GetDirectoryName(file)!, RealFolder), Path.GetFileName(file))))
                        files.Add(new InputFile(files.Count, file, prefix.Length == 0 ? relative : prefix + "/" + relative, problem));
                }
            }
            else if (seen.Add(RealPath(path)))
            {
                files.Add(new InputFile(files.Count, path, path.Replace('\\', '/')));
            }
        }

        return files;
    }

    /// <summary>The report files under <paramref name="root"/>, and the folders that could not be read, by an explicit stack (no recursion).</summary>
    private static List<(string File, string Relative, InputProblem? Problem)> Walk(string root)
    {
        var found = new List<(string, string, InputProblem?)>();
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var folders = new Stack<string>();
        folders.Push(Path.GetFullPath(root));
        while (folders.Count > 0)
        {
            string folder = folders.Pop();
            List<Entry> entries;
            try
            {
                // What the folder listing says (a link is a link by its entry's type): no call per file.
                entries = new FileSystemEnumerable<Entry>(folder,
                    (ref FileSystemEntry e) => new Entry(e.ToFullPath(), e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    options).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                found.Add((folder, Relative(root, folder) + "/", new InputProblem("IN08",
                    "无法读取文件夹，其中的文件未读取：" + e.Message, "The folder cannot be read; the files in it were not read: " + e.Message)));
                continue;
            }

            foreach (var entry in entries)
            {
                // A link leads back into the tree (to what the walk reaches anyway, or round for ever) or out of it
                // (to files nobody asked for, or to /dev/zero): not followed.
                if (entry.IsLink)
                    continue;
                if (entry.IsDirectory)
                    folders.Push(entry.Path);
                else if (IsReport(entry.Name))
                    found.Add((entry.Path, Relative(root, entry.Path), Undecodable(entry.Name)));
            }
        }

        return found;
    }

    private readonly record struct Entry(string Path, string Name, bool IsDirectory, bool IsLink);

    private static bool IsReport(string name) =>
        Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase) && !name.StartsWith("~$", StringComparison.Ordinal);

    /// <summary>A name whose bytes are not UTF-8 reaches .NET with U+FFFD in it, and no longer names the file.</summary>
    private static InputProblem? Undecodable(string name) => name.Contains('\uFFFD', StringComparison.Ordinal)
        ? new InputProblem("IN09", "文件名不是有效的 UTF-8，无法打开：请重命名该文件。", "The file name is not valid UTF-8, so the file cannot be opened: rename it.")
        : null;

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>The full path with every link resolved (the file itself and the folders above it).</summary>
    private static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            string? directory = info.DirectoryName is { } d ? RealFolders.GetOrAdd(d, RealFolder) : null;
            string resolved = directory is null ? full : Path.Combine(directory, info.Name);
            return info.LinkTarget is null ? resolved : (File.ResolveLinkTarget(resolved, returnFinalTarget: true)?.FullName ?? resolved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    // Files of a run share their folders: each folder's real path is found once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> RealFolders = new(StringComparer.Ordinal);

    private static string RealFolder(string folder)
    {
        // Resolve links among the folders from the root down.
        var parts = new Stack<string>();
        var current = new DirectoryInfo(folder);
        while (current.Parent is not null)
        {
            if (current.LinkTarget is not null)
            {
                string target = current.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current.FullName;
                return parts.Aggregate(RealFolder(target), Path.Combine);
            }

            parts.Push(current.Name);
            current = current.Parent;
        }

        return parts.Aggregate(current.FullName, Path.Combine);
    }
}
