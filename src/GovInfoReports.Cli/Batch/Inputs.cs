using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// Why an input found while walking the folders cannot be opened: the row it gets, in both languages. An
/// <paramref name="Unsupported"/> one is a file of a format the tool does not read (a warning: the run goes on, exit 0).
/// </summary>
internal sealed record InputProblem(string Code, string Chinese, string English, bool Unsupported = false);

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
    /// Formats reports and their attachments come in that the tool does not read, by extension: each such file found in a
    /// folder is a row with an IN12 warning saying what to do with it, never skipped in silence.
    /// </summary>
    private static readonly Dictionary<string, InputProblem> UnsupportedFormats = BuildUnsupported();

    private static Dictionary<string, InputProblem> BuildUnsupported()
    {
        var formats = new Dictionary<string, InputProblem>(StringComparer.OrdinalIgnoreCase);
        void Add(string extensions, string chinese, string english)
        {
            foreach (string extension in extensions.Split(' '))
                formats[extension] = new InputProblem("IN12", chinese, english, Unsupported: true);
        }

        Add(".doc .wps .rtf .odt", "不支持的文字处理格式（.doc、.wps 等），未读取：请另存为 .docx 或 PDF。", "A word-processor format the tool does not read (.doc, .wps …), not read: save it as .docx or PDF.");
        Add(".xls .xlsx .et .ods .csv", "电子表格文件，未读取：年度报告请以 .docx、PDF、网页或文本提供（表格另存为 PDF）。", "A spreadsheet, not read: give the annual report as .docx, PDF, a web page or text (save the sheet as PDF).");
        Add(".ppt .pptx .dps", "演示文稿文件，未读取：请另存为 PDF。", "A presentation, not read: save it as PDF.");
        Add(".ofd", "OFD 版式文件，未读取：请导出为 PDF。", "An OFD document, not read: export it as PDF.");
        Add(".png .jpg .jpeg .gif .bmp .tif .tiff .webp", "图片文件，未读取：需要先做文字识别（OCR）。", "An image, not read: it needs OCR first.");
        Add(".zip .rar .7z .tar .gz .tgz .bz2 .xz", "压缩包，未读取：请先解压。", "An archive, not read: extract it first.");
        return formats;
    }

    /// <summary>
    /// Files as given, and the report files under folders (recursively, sorted by path, ordinal; hidden files and
    /// Word's <c>~$</c> lock files left out). A path that does not exist stays in the list, so that it is reported as
    /// unreadable in its place. Each file is read once, however many paths lead to it; symbolic links found in folders
    /// are not followed (links named on the command line are).
    /// </summary>
    /// <param name="paths">The paths the user gave.</param>
    /// <param name="exclude">Full paths never read as inputs (the run's own output file).</param>
    public static List<InputFile> Expand(IEnumerable<string> paths, IEnumerable<string>? exclude = null) => Expand(paths, exclude, out _);

    /// <inheritdoc cref="Expand(IEnumerable{string}, IEnumerable{string}?)"/>
    /// <param name="paths">The paths the user gave.</param>
    /// <param name="exclude">Full paths never read as inputs (the run's own output file).</param>
    /// <param name="skipped">The other files found in folders (neither reports nor a known unsupported format), counted by extension.</param>
    /// <param name="excludeFolder">A folder never searched (the run's own output folder: its pages are not reports to read).</param>
    public static List<InputFile> Expand(IEnumerable<string> paths, IEnumerable<string>? exclude, out SortedDictionary<string, int> skipped, string? excludeFolder = null)
    {
        string? excluded = excludeFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(excludeFolder));
        skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var files = new List<InputFile>();
        var seen = new HashSet<string>(exclude?.Select(Path.GetFullPath) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                string prefix = path.Replace('\\', '/').TrimEnd('/');
                foreach (var (file, relative, problem) in Walk(path, skipped, excluded).OrderBy(f => f.Relative, StringComparer.Ordinal))
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
    private static List<(string File, string Relative, InputProblem? Problem)> Walk(string root, SortedDictionary<string, int> skipped, string? excluded)
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
                {
                    if (!string.Equals(entry.Path, excluded, StringComparison.Ordinal))
                        folders.Push(entry.Path);
                }
                else if (entry.Name.StartsWith("~$", StringComparison.Ordinal))
                    continue;                     // an Office lock file, no document
                else if (IsReport(entry.Name))
                    found.Add((entry.Path, Relative(root, entry.Path), Undecodable(entry.Name)));
                else if (UnsupportedFormats.TryGetValue(Path.GetExtension(entry.Name), out var unsupported))
                    found.Add((entry.Path, Relative(root, entry.Path), Undecodable(entry.Name) ?? unsupported));
                else
                    Count(skipped, Path.GetExtension(entry.Name).ToLowerInvariant() is { Length: > 0 } extension ? extension : "(none)");
            }
        }

        return found;
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

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
