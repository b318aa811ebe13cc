using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Xunit.Sdk;

namespace GovInfoReports.Testing;

/// <summary>
/// A small snapshot assertion following Verify's file conventions: the approved text lives next to the
/// test as <c>Snapshots/{name}.verified.{ext}</c> (committed); a mismatch writes
/// <c>{name}.received.{ext}</c> beside it and fails with a unified diff. Setting the environment variable
/// <c>GOVINFO_ACCEPT_SNAPSHOTS=1</c> accepts received text as verified instead of failing.
/// Line ends are normalised to '\n', so snapshots are the same on every OS.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "GOVINFO_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var directory = SnapshotDirectory(testFile);
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
        throw new XunitException(message);
    }

    /// <summary>The text of a committed snapshot, or null.</summary>
    public static string? ReadVerified(string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(SnapshotDirectory(testFile), name + ".verified." + extension);
        return File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;
    }

    /// <summary>A unified diff (3 lines of context) from <paramref name="before"/> to <paramref name="after"/>.</summary>
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

    /// <summary>
    /// The <c>Snapshots</c> folder beside the calling test file. Deterministic builds
    /// (<c>ContinuousIntegrationBuild</c>, set when <c>CI=true</c>) map the repository root to <c>/_/</c> in
    /// caller paths, so such a path is resolved against the repository the tests run from.
    /// </summary>
    private static string SnapshotDirectory(string testFile)
    {
        const string mappedRoot = "/_/";
        var source = testFile.StartsWith(mappedRoot, StringComparison.Ordinal)
            ? Path.Combine(GovInfoReports.Tests.Shared.RepositoryRoot.Path, testFile.Substring(mappedRoot.Length))
            : testFile;
        var directory = Path.GetDirectoryName(source);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            throw new InvalidOperationException($"The test's source folder '{directory}' (from '{testFile}') does not exist; snapshots are kept beside the test source.");
        return Path.Combine(directory, "Snapshots");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');
}
