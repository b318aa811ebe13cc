using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace GovInfoReports.Testing;

/// <summary>
/// A small snapshot assertion following Verify's file conventions: the approved text lives next to the
/// test as <c>Snapshots/{name}.verified.{ext}</c> (committed); a mismatch writes
/// <c>{name}.received.{ext}</c> beside it and fails (<see cref="SnapshotMismatchException"/>, which every test
/// framework reports as a failure) with a unified diff. Setting the environment variable
/// <c>GOVINFO_ACCEPT_SNAPSHOTS=1</c> accepts received text as verified instead of failing.
/// Line ends are normalised to '\n', so snapshots are the same on every OS.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that, set to 1, accepts received text as verified.</summary>
    public const string AcceptVariable = "GOVINFO_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/{name}.verified.{extension}</c> beside the calling test file.</summary>
    /// <param name="actual">The text to compare.</param>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="extension">The file extension (txt, cs, json, …).</param>
    /// <param name="testFile">Filled in by the compiler: the calling source file.</param>
    /// <exception cref="SnapshotMismatchException">There is no verified snapshot yet, or it differs.</exception>
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string testFile = "") =>
        MatchIn(SnapshotDirectory(testFile), actual, name, extension);

    /// <summary>Compares <paramref name="actual"/> with <c>{directory}/{name}.verified.{extension}</c>.</summary>
    /// <param name="directory">The folder of the snapshot files.</param>
    /// <param name="actual">The text to compare.</param>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="extension">The file extension.</param>
    /// <exception cref="SnapshotMismatchException">There is no verified snapshot yet, or it differs.</exception>
    public static void MatchIn(string directory, string actual, string name, string extension = "txt")
    {
        if (actual is null)
            throw new ArgumentNullException(nameof(actual));
        var verified = Path.Combine(directory, name + ".verified." + extension);
        var received = Path.Combine(directory, name + ".received." + extension);
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
                File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received))
                File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No verified snapshot {Path.GetFileName(verified)} yet. Review {received}, then rename it or rerun with {AcceptVariable}=1."
            : $"Snapshot {Path.GetFileName(verified)} differs (received text written to {received}; accept with {AcceptVariable}=1):\n" +
              UnifiedDiff(expected, actual, "verified", "received");
        throw new SnapshotMismatchException(message, received);
    }

    /// <summary>The text of a committed snapshot beside the calling test file, or null.</summary>
    /// <param name="name">The snapshot's name.</param>
    /// <param name="extension">The file extension.</param>
    /// <param name="testFile">Filled in by the compiler: the calling source file.</param>
    public static string? ReadVerified(string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(SnapshotDirectory(testFile), name + ".verified." + extension);
        return File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;
    }

    /// <summary>A unified diff (3 lines of context) from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="before">The old text.</param>
    /// <param name="after">The new text.</param>
    /// <param name="beforeName">The old text's name in the diff header.</param>
    /// <param name="afterName">The new text's name in the diff header.</param>
    public static string UnifiedDiff(string before, string after, string beforeName = "a", string afterName = "b")
    {
        const int context = 3;
        var diff = new Differ().CreateLineDiffs(Normalize(before), Normalize(after), ignoreWhitespace: false, ignoreCase: false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var text = new StringBuilder();
        text.Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        var blocks = diff.DiffBlocks;
        int i = 0;
        while (i < blocks.Count)
        {
            // Merge blocks whose context would overlap into one hunk.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context)
                j++;
            int startA = Math.Max(0, blocks[i].DeleteStartA - context);
            int startB = Math.Max(0, blocks[i].InsertStartB - context);
            int endA = Math.Min(a.Length, blocks[j].DeleteStartA + blocks[j].DeleteCountA + context);
            int endB = Math.Min(b.Length, blocks[j].InsertStartB + blocks[j].InsertCountB + context);
            text.Append($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");
            int posA = startA;
            for (int k = i; k <= j; k++)
            {
                var block = blocks[k];
                for (; posA < block.DeleteStartA; posA++)
                    text.Append(' ').Append(a[posA]).Append('\n');
                for (int d = 0; d < block.DeleteCountA; d++)
                    text.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                for (int n = 0; n < block.InsertCountB; n++)
                    text.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                posA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; posA < endA; posA++)
                text.Append(' ').Append(a[posA]).Append('\n');
            i = j + 1;
        }

        return text.ToString();
    }

    /// <summary>The <c>Snapshots</c> folder beside the calling test file.</summary>
    private static string SnapshotDirectory(string testFile) => Path.Combine(SourceDirectory(testFile), "Snapshots");

    /// <summary>
    /// The folder of a test source file named by <c>[CallerFilePath]</c>. Deterministic builds
    /// (<c>ContinuousIntegrationBuild</c>, set when <c>CI=true</c>) map the source root to <c>/_/</c> in caller
    /// paths; such a path is found by looking for it above the folder the tests run from.
    /// </summary>
    internal static string SourceDirectory(string testFile)
    {
        const string mappedRoot = "/_/";
        var source = testFile;
        if (testFile.StartsWith(mappedRoot, StringComparison.Ordinal))
        {
            var relative = Path.GetDirectoryName(testFile.Substring(mappedRoot.Length)) ?? "";
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, relative)))
                {
                    source = Path.Combine(folder.FullName, testFile.Substring(mappedRoot.Length));
                    break;
                }
            }
        }

        var directory = Path.GetDirectoryName(source);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            throw new InvalidOperationException($"The test's source folder '{directory}' (from '{testFile}') does not exist; snapshots are kept beside the test source.");
        return directory;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');
}

/// <summary>A snapshot that does not match its verified file (or has none yet): the message holds the diff.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What differs, with a unified diff.</param>
    /// <param name="receivedFile">The file the received text was written to.</param>
    public SnapshotMismatchException(string message, string receivedFile)
        : base(message)
    {
        ReceivedFile = receivedFile;
    }

    /// <summary>The <c>*.received.*</c> file holding the text that did not match.</summary>
    public string ReceivedFile { get; }
}
