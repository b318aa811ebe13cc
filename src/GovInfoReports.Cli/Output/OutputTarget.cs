using System;
using System.IO;
using System.Text;

namespace GovInfoReports.Cli.Output;

/// <summary>
/// Where a command writes: the standard output, or a file given by <c>--output</c> — written to a temporary file
/// next to it and moved into place only when the command has finished, so there is never a half-written file.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private readonly StreamWriter? _file;
    private bool _committed;

    public OutputTarget(TextWriter standardOutput, string? path)
    {
        if (path is null)
        {
            Writer = standardOutput;
            return;
        }

        _path = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        _temporary = Path.Combine(directory, "." + Path.GetFileName(_path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        _file = new StreamWriter(_temporary, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        Writer = _file;
    }

    public TextWriter Writer { get; }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> the same way: a temporary file moved into place.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
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
        if (_file is null)
            return;
        _file.Dispose();
        File.Move(_temporary!, _path!, overwrite: true);
        _committed = true;
    }

    /// <summary>Removes the temporary file of an output that was not committed.</summary>
    public void Dispose()
    {
        if (_file is null || _committed)
            return;
        _file.Dispose();
        try
        {
            File.Delete(_temporary!);
        }
        catch (IOException)
        {
        }
    }
}
