using System;
using System.IO;
using System.Text;

namespace GovInfoReports.Cli;

/// <summary>The <c>govinfo</c> executable.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);

        // Console.Out flushes every write: a system call per CSV row. The output is buffered instead (64 KiB) and
        // flushed when the command ends; the standard error (findings of export, progress) stays unbuffered.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        try
        {
            return GovInfoCli.Run(args, output, Console.Error);
        }
        finally
        {
            try
            {
                output.Flush();
            }
            catch (IOException)
            {
                // The reader went away (a closed pipe: `govinfo export … | head`): nothing more to say.
            }
        }
    }
}
