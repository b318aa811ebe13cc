using System;
using System.Text;

namespace GovInfoReports.Cli;

/// <summary>The <c>govinfo</c> executable.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return GovInfoCli.Run(args, Console.Out, Console.Error);
    }
}
