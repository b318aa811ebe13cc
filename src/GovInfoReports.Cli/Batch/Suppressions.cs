using System;
using System.Collections.Generic;
using System.IO;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// The fingerprints of reviewed findings that a run should not report: a text file with one fingerprint
/// at the start of each line; anything after it, blank lines and lines starting with <c>#</c> are comments.
/// </summary>
internal sealed class Suppressions
{
    private readonly HashSet<string> _fingerprints;

    private Suppressions(HashSet<string> fingerprints) => _fingerprints = fingerprints;

    public static Suppressions None { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    public int Count => _fingerprints.Count;

    public bool Contains(string fingerprint) => _fingerprints.Count > 0 && _fingerprints.Contains(fingerprint);

    /// <summary>Reads a suppression file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">A line does not start with a fingerprint (16 hexadecimal digits).</exception>
    public static Suppressions Load(string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            int end = 0;
            while (end < line.Length && !char.IsWhiteSpace(line[end]))
                end++;
            var fingerprint = line[..end].ToLowerInvariant();
            if (fingerprint.Length != 16 || !IsHex(fingerprint))
                throw new FormatException($"{path}({number}): '{line[..end]}' is not a finding fingerprint (16 hexadecimal digits).");
            set.Add(fingerprint);
        }

        return new Suppressions(set);
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
            if (!char.IsAsciiHexDigit(c))
                return false;
        return true;
    }
}
