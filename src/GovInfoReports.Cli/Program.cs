using System;
using System.Linq;
using GovInfoReports.Templates;

namespace GovInfoReports.Cli;

/// <summary>
/// The <c>govinfo</c> tool. This first version lists the registered templates and their shapes
/// (<c>govinfo templates [id…]</c>); validate, extract and export arrive with extraction.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            return Usage(Console.Out, 0);

        switch (args[0])
        {
            case "templates":
                return Templates(args.Skip(1).ToArray());
            default:
                Console.Error.WriteLine($"govinfo: unknown command '{args[0]}'. 未知命令。");
                return Usage(Console.Error, 2);
        }
    }

    private static int Templates(string[] ids)
    {
        var selected = ids.Length == 0
            ? TemplateRegistry.All.Select(t => (ReportTemplate?)t).ToList()
            : ids.Select(TemplateRegistry.Find).ToList();
        for (int i = 0; i < selected.Count; i++)
        {
            if (selected[i] is not { } template)
            {
                Console.Error.WriteLine($"govinfo: no template '{ids[i]}'. 没有模板 '{ids[i]}'。Known: {string.Join(", ", TemplateRegistry.All.Select(t => t.Id))}");
                return 2;
            }

            if (i > 0)
                Console.WriteLine();
            Console.Write(TemplateSummary.Describe(template));
        }

        foreach (var conflict in TemplateRegistry.Conflicts)
            Console.Error.WriteLine(conflict);
        return 0;
    }

    private static int Usage(System.IO.TextWriter writer, int exitCode)
    {
        writer.WriteLine("govinfo — 政府信息公开工作年度报告 tools");
        writer.WriteLine();
        writer.WriteLine("  govinfo templates [id…]   list the registered templates and their shapes 列出模板及其结构");
        return exitCode;
    }
}
