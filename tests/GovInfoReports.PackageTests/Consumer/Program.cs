// A user's program: everything below comes from the GovInfoReports package and the generator's output
// for templates/2025.json (Report2025) — no hand-written per-template code.
// It prints what it observes as "name: value" lines; the package test asserts on them.
using GovInfoReports;
using GovInfoReports.Extraction;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace Consumer;

public static class Program
{
    public static int Main(string[] args)
    {
        string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "reports", "2025-example-county.txt");

        // The registry holds the packaged templates and this project's own one, registered at start-up.
        Print("registry", string.Join(",", TemplateRegistry.All.Select(t => t.Id)));
        Print("type", typeof(Report2025).FullName);
        Print("template.cells", Report2025.Template.Cells.Count);
        Print("template.rules", string.Join(",", Report2025.Template.Rules.Select(r => r.Id)));

        // Extraction of a 2025-format text, with the template detected.
        var read = ReportReader.Read(File.ReadAllText(path));
        Print("extract.template", read.TemplateId);
        Print("extract.year", read.Year);
        Print("extract.agency", read.Agency);
        Print("extract.complete", read.IsComplete);
        Print("extract.findings", string.Join(",", read.Findings.Select(f => f.Code)));
        if (read.Report is not Report2025 report)
        {
            Print("extract.type", read.Report?.GetType().FullName);
            return 1;
        }

        var enforcement = report.ProactiveDisclosure.Enforcement;
        Print("extract.inspection", enforcement.AdministrativeInspection.Decisions);
        Print("extract.penalty", enforcement.AdministrativePenalty.Decisions);
        Print("extract.applications.total", report.Applications.NewlyReceived.Total);

        // Validation: the extracted report adds up; one with fewer inspections breaks the new rule N1.
        Print("validate.findings", Ids(report.Validate()));
        var broken = report with
        {
            ProactiveDisclosure = report.ProactiveDisclosure with
            {
                Enforcement = enforcement with { AdministrativeInspection = new() { Decisions = 5 } },
            },
        };
        var findings = broken.Validate(new ValidationOptions { Language = MessageLanguage.English });
        Print("broken.findings", Ids(findings));
        foreach (var finding in findings)
        {
            Print("broken." + finding.RuleId + ".severity", finding.Severity);
            Print("broken." + finding.RuleId + ".cells", string.Join(",", finding.Cells.Select(c => c.ToString())));
            Print("broken." + finding.RuleId + ".message", finding.Message);
        }

        // JSON round trip through the polymorphic reader, which finds Report2025 through the registry.
        string json = ReportJson.Serialize(report);
        var back = ReportJson.Deserialize(json);
        Print("json.type", back.GetType().FullName);
        Print("json.equal", back.Equals(report));
        Print("json.inspection", json.Contains("\"administrativeInspection\":{\"decisions\":35}", StringComparison.Ordinal));
        // The packaged generator also made the one-pass reader of the written layout for the user's template.
        Print("json.onePass", Report2025.Template.TryReadCanonicalJson(System.Text.Encoding.UTF8.GetBytes(json)) is { } fast && fast.Equals(report));

        // The same template file loaded at run time, without compiling it (what govinfo --templates does): a
        // descriptor-driven template whose reports read, validate and serialize as the compiled Report2025's.
        var loaded = ReportTemplate.Load(Path.Combine(AppContext.BaseDirectory, "templates", "2025.json"));
        var again = ReportReader.Read(File.ReadAllText(path), new ReadOptions { Templates = [loaded] });
        Print("load.type", again.Report?.GetType().FullName);
        Print("load.sameCells", again.IsComplete && Enumerable.Range(0, loaded.Cells.Count).All(i => again.Report!.GetCell(i) == report.GetCell(i)));
        Print("load.sameJson", ReportJson.Serialize(again.Report!) == json);
        Print("load.brokenFindings", Ids(loaded.Validate(loaded.CreateReport(
            Enumerable.Range(0, loaded.Cells.Count).Select(broken.GetCell).ToArray(), broken.Year, broken.Agency))));
        return 0;
    }

    private static string Ids(IReadOnlyList<ValidationFinding> findings) => string.Join(",", findings.Select(f => f.RuleId + ":" + f.Kind));

    private static void Print(string name, object? value) => Console.WriteLine(name + ": " + (value is null ? "(null)" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
}
