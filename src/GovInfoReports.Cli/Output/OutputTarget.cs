using System;
using System.IO;
using System.Text;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// Where a command's output goes: standard output, or a file that is written whole or not at all (a temporary file
/// beside it, moved into place when the output is complete), so an existing file is never left truncated.
/// </summary>
/// <remarks>
/// A symbolic link is written through (its target is replaced, the link stays); a read-only file is refused, never
/// replaced; a replaced file keeps its permissions.
/// </remarks>
internal sealed class OutputTarget : IDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private readonly StreamWriter? _file;
    private readonly FileStream? _binary;
    private bool _committed;

    public OutputTarget(TextWriter standardOutput, string? path)
    {
        if (path is null)
        {
            Writer = standardOutput;
            return;
        }

        _path = Destination(path);
        _temporary = Temporary(_path);
        _file = new StreamWriter(_temporary, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        Writer = _file;
    }

    /// <summary>A binary output (an .xlsx workbook) to <paramref name="path"/>: <see cref="Stream"/> is the temporary file, moved into place by <see cref="Commit"/>.</summary>
    public OutputTarget(string path)
    {
        _path = Destination(path);
        _temporary = Temporary(_path);
        _binary = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Writer = TextWriter.Null;
    }

    public TextWriter Writer { get; }

    /// <summary>The binary output's stream; <see langword="null"/> for a text output.</summary>
    public Stream? Stream => _binary;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> the same way: a temporary file moved into place.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string destination = Destination(path);
        string temporary = Temporary(destination);
        try
        {
            File.WriteAllBytes(temporary, bytes);
            Replace(temporary, destination);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Finishes the output: flushes standard output, or moves the completed file into place.</summary>
    public void Commit()
    {
        Writer.Flush();
        if (_file is null && _binary is null)
            return;
        _file?.Dispose();
        _binary?.Dispose();
        Replace(_temporary!, _path!);
        _committed = true;
    }

    /// <summary>Removes the temporary file of an output that was not committed.</summary>
    public void Dispose()
    {
        if ((_file is null && _binary is null) || _committed)
            return;
        _file?.Dispose();
        _binary?.Dispose();
        try
        {
            File.Delete(_temporary!);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The file to replace: the path, or the final target of the link it is; refused when it may not be written.</summary>
    /// <exception cref="IOException">The file is read-only, or is a folder.</exception>
    private static string Destination(string path)
    {
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
            full = (File.ResolveLinkTarget(full, returnFinalTarget: true) ?? info).FullName;
        if (Directory.Exists(full))
            throw new IOException($"the output '{path}' is a folder. 输出路径是文件夹。");
        if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
            throw new IOException($"the output file '{path}' is read-only; it was not replaced. 输出文件为只读，未覆盖。");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private static string Temporary(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");

    /// <summary>Moves the finished temporary file onto the destination, with the permissions the destination had.</summary>
    private static void Replace(string temporary, string destination)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(destination))
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(destination));
        File.Move(temporary, destination, overwrite: true);
    }
}
