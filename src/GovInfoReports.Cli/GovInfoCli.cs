using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using GovInfoReports.Cli.Batch;
using GovInfoReports.Cli.Commands;
using GovInfoReports.Cli.Output;
using GovInfoReports.Documents;
using GovInfoReports.Extraction;
using GovInfoReports.Rendering;
using GovInfoReports.Serialization;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Spectre.Console;

namespace GovInfoReports.Cli;

/// <summary>
/// The <c>govinfo</c> command line: <c>validate</c>, <c>extract</c> and <c>export</c> folders of report files;
/// <c>render</c> a report as the official tables; <c>templates</c>, <c>describe</c>, <c>schema</c>, <c>diff</c> and <c>check</c> for templates (<c>--templates</c> adds template files of your own). Exit codes: 0 when no error
/// finding, 1 when any, 2 on a usage error or a file that cannot be read.
/// </summary>
public static class GovInfoCli
{
    /// <summary>Exit code: no error finding.</summary>
    public const int Success = 0;

    /// <summary>Exit code: at least one error finding.</summary>
    public const int Findings = 1;

    /// <summary>Exit code: a usage error, or an input or output that cannot be read or written.</summary>
    public const int UsageOrIo = 2;

    /// <summary>Runs the tool in-process.</summary>
    /// <param name="args">The arguments, as on the command line.</param>
    /// <param name="output">The standard output.</param>
    /// <param name="error">The standard error (also where a progress bar is drawn, when it is a terminal).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var root = Build(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
                error.WriteLine("govinfo: " + problem.Message);
            error.WriteLine("govinfo --help: usage. 用法见 govinfo --help。");
            return UsageOrIo;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine("govinfo: " + ex.Message);
            return UsageOrIo;
        }
        catch (IOException ex)
        {
            error.WriteLine("govinfo: " + ex.Message);
            return UsageOrIo;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine("govinfo: " + ex.Message);
            return UsageOrIo;
        }
    }

    private enum Mode
    {
        Validate,
        Extract,
        Export,
        Report,
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("govinfo — 政府信息公开工作年度报告: validate, extract and export the statistical tables of government information disclosure annual reports.");

        root.Subcommands.Add(BatchCommand(Mode.Validate, "validate", "Check report files: template, year, agency, completeness and the findings of every rule. 核对报告。", ["text", "json", "jsonl", "sarif"], "text", output, error));
        root.Subcommands.Add(BatchCommand(Mode.Extract, "extract", "The typed report documents as JSON (one file) or JSON Lines (many). 提取为 JSON。", ["json", "jsonl"], null, output, error));
        root.Subcommands.Add(BatchCommand(Mode.Export, "export",
            "Every cell of every report as a table: csv (tidy long, a row per cell), wide-csv (a row per report, a column per cell), findings-csv (a row per finding), xlsx (all three as sheets of a workbook; with --tables the official tables too; needs -o). 导出为 CSV 或 Excel。",
            ["csv", "wide-csv", "findings-csv", "xlsx"], "csv", output, error));
        root.Subcommands.Add(BatchCommand(Mode.Report, "report",
            "A static site of the run, to open offline in a browser: a corpus page (what was read, findings by rule, key totals per agency and year, the reports that do not add up) and a page per report with its tables, failing cells highlighted. Needs -o <folder>. 生成报告网页。",
            ["html"], "html", output, error));

        var templateIds = new Argument<string[]>("ids") { Description = "Template ids (all when none).", Arity = ArgumentArity.ZeroOrMore };
        var templatesFiles = TemplatesOption();
        var templates = new Command("templates", "List the registered templates and their shapes. 列出模板。") { templateIds, templatesFiles };
        templates.SetAction(parse => Templates(parse.GetValue(templateIds) ?? [], UserTemplates.With(parse.GetValue(templatesFiles), error), output, error));
        root.Subcommands.Add(templates);

        var describeId = new Argument<string>("template") { Description = "A template id, e.g. 2021." };
        var describeFiles = TemplatesOption();
        var describe = new Command("describe", "A template as a readable table: sections, rows, columns, units, rules and their messages. 描述模板。") { describeId, describeFiles };
        describe.SetAction(parse => Describe(UserTemplates.Find(UserTemplates.With(parse.GetValue(describeFiles), error), parse.GetValue(describeId)!), output));
        root.Subcommands.Add(describe);

        var schemaId = new Argument<string>("template") { Description = "A template id, e.g. 2021." };
        var schemaOutput = OutputOption();
        var schemaFiles = TemplatesOption();
        var schema = new Command("schema", "The JSON Schema of a template's report documents. 报告 JSON 的 Schema。") { schemaId, schemaOutput, schemaFiles };
        schema.SetAction(parse =>
        {
            var template = UserTemplates.Find(UserTemplates.With(parse.GetValue(schemaFiles), error), parse.GetValue(schemaId)!);
            using var target = new OutputTarget(output, parse.GetValue(schemaOutput));
            target.Writer.WriteLine(ReportJsonSchema.Generate(template));
            target.Commit();
            return Success;
        });
        root.Subcommands.Add(schema);

        var renderInput = new Argument<string>("report") { Description = "A report document (.json, as written by extract) or a report file (.txt, .html, .docx) to read first." };
        var renderFormat = FormatOption(["html", "docx", "md", "txt"], "html");
        var renderOutput = OutputOption();
        var renderFiles = TemplatesOption();
        var render = new Command("render", "Lay a report out as the official tables: HTML (merged cells), Word, Markdown or text. 按官方表格输出。") { renderInput, renderFormat, renderOutput, renderFiles };
        render.SetAction(parse => Render(parse.GetValue(renderInput)!, UserTemplates.With(parse.GetValue(renderFiles), error), parse.GetValue(renderFormat)!, parse.GetValue(renderOutput), output));
        root.Subcommands.Add(render);

        var before = new Argument<string>("a") { Description = "The template before: a template file or a registered id." };
        var after = new Argument<string>("b") { Description = "The template after: a template file or a registered id." };
        var diffFormat = FormatOption(["text", "json"], "text");
        var diff = new Command("diff", "What a template change adds, removes or relabels (sections, tables, rows, columns, rules, narrative facts, parts, fee wording). 模板差异。") { before, after, diffFormat };
        diff.SetAction(parse => Diff(parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(diffFormat)!, output, error));
        root.Subcommands.Add(diff);

        var checkPaths = new Argument<string[]>("files") { Description = "Template files, or folders of them (*.json).", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check template files as the build does: every mistake as file(line,column): error GIR0xx: message; exit 1 on errors. 检查模板文件。") { checkPaths };
        check.SetAction(parse => Check(parse.GetValue(checkPaths) ?? [], output));
        root.Subcommands.Add(check);
        return root;
    }

    private static Option<string> FormatOption(string[] formats, string? defaultValue)
    {
        var option = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", formats) + "." };
        if (defaultValue is not null)
            option.DefaultValueFactory = _ => defaultValue;
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static Option<string[]> TemplatesOption() =>
        new("--templates") { Description = "Template files (or folders of them) of your own, used besides the packaged ones; repeat for several. 自定义模板文件。", Arity = ArgumentArity.OneOrMore };

    private static Option<string?> OutputOption() =>
        new("--output", "-o") { Description = "Write to this file (completed in a temporary file, then moved into place) instead of the standard output." };

    private static Command BatchCommand(Mode mode, string name, string description, string[] formats, string? defaultFormat, TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Report files and folders (searched recursively for .txt, .html, .htm, .docx and .pdf files; other formats found there are listed, not read).", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a path.
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"unknown option '{token.Value}'. 未知选项。");
        });
        var format = FormatOption(formats, defaultFormat);
        var lang = new Option<string>("--lang") { Description = "Message language: zh or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var template = new Option<string?>("--template", "-t") { Description = "Read every file as this template (e.g. 2019) instead of detecting it." };
        var outputFile = OutputOption();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files processed in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var stats = new Option<bool>("--stats") { Description = "Print elapsed time, files per second and peak memory to the standard error." };
        var templateFiles = TemplatesOption();
        var command = new Command(name, description) { paths, format, lang, template, templateFiles, outputFile, jobs, stats };

        Option<bool>? crossYear = null;
        Option<double>? reuse = null;
        Option<string?>? suppress = null;
        Option<bool>? sources = null;
        Option<bool>? bom = null;
        Option<bool>? tables = null;
        if (mode == Mode.Export)
        {
            bom = new Option<bool>("--bom") { Description = "Begin the CSV with a UTF-8 byte order mark, so that Excel opens it as UTF-8 (not as the system's code page). 供 Excel 打开。" };
            command.Options.Add(bom);
            tables = new Option<bool>("--tables") { Description = "With --format xlsx: a sheet 'tables' with each report's official tables laid out as printed (merged cells). 官方表格。" };
            command.Options.Add(tables);
        }

        if (mode == Mode.Extract)
        {
            sources = new Option<bool>("--sources") { Description = "With --format jsonl: where each cell was read (a PDF's page and box, or a line and column). 单元格来源。" };
            command.Options.Add(sources);
        }

        if (mode == Mode.Validate)
        {
            crossYear = new Option<bool>("--cross-year") { Description = "Group the files by agency and check year-to-year continuity (X1, X2) and texts reused from last year (T1); print the grouping and the missing years." };
            reuse = new Option<double>("--reuse-threshold") { Description = "With --cross-year: the similarity (0–1) of a report's prose to last year's from which it is a finding (T1). 内容雷同阈值。", DefaultValueFactory = _ => 0.8 };
            command.Options.Add(reuse);
            suppress = new Option<string?>("--suppress") { Description = "A file of reviewed findings' fingerprints, one per line, not to report." };
            command.Options.Add(crossYear);
            command.Options.Add(suppress);
        }

        command.SetAction(parse => RunBatch(
            mode,
            new BatchSettings(
                parse.GetValue(paths) ?? [],
                parse.GetValue(format),
                parse.GetValue(lang) == "en" ? MessageLanguage.English : MessageLanguage.Chinese,
                parse.GetValue(template),
                parse.GetValue(outputFile),
                parse.GetValue(jobs),
                crossYear is not null && parse.GetValue(crossYear),
                suppress is null ? null : parse.GetValue(suppress),
                parse.GetValue(stats),
                UserTemplates.With(parse.GetValue(templateFiles), error),
                sources is not null && parse.GetValue(sources),
                bom is not null && parse.GetValue(bom),
                tables is not null && parse.GetValue(tables),
                reuse is null ? 0.8 : parse.GetValue(reuse)),
            output,
            error));
        return command;
    }

    private sealed record BatchSettings(string[] Paths, string? Format, MessageLanguage Language, string? Template, string? Output, int Jobs, bool CrossYear, string? Suppress, bool Stats, IReadOnlyList<ReportTemplate> Templates, bool Sources, bool Bom, bool Tables, double ReuseThreshold);

    private static int RunBatch(Mode mode, BatchSettings settings, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        if (settings.Template is not null)
            UserTemplates.Find(settings.Templates, settings.Template);
        if (settings.ReuseThreshold is < 0 or > 1 or double.NaN)
            throw new UsageException("--reuse-threshold is a similarity from 0 to 1.");
        if (settings.Jobs < 1)
            throw new UsageException("--jobs must be at least 1.");
        Suppressions suppressions;
        try
        {
            suppressions = settings.Suppress is null ? Suppressions.None : Suppressions.Load(settings.Suppress);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        // The run's own output is never one of its inputs (written into a scanned folder, it would be read next time).
        var files = mode == Mode.Report
            ? Inputs.Expand(settings.Paths, null, out var skipped, excludeFolder: settings.Output)
            : Inputs.Expand(settings.Paths, settings.Output is null ? null : new[] { settings.Output }, out skipped);
        if (files.Count == 0)
            throw new UsageException($"no report files ({string.Join(", ", Inputs.Extensions)}) in {string.Join(", ", settings.Paths)}. 未找到报告文件。");

        string format = settings.Format ?? (mode == Mode.Extract && files.Count > 1 ? "jsonl" : "json");
        if (mode == Mode.Extract && format == "json" && files.Count > 1)
            throw new UsageException($"extract --format json writes one report; {files.Count} files were given: use --format jsonl.");
        if (settings.Sources && format != "jsonl")
            throw new UsageException("extract --sources adds where each cell was read to each JSON line: use --format jsonl (--format json writes the report document alone).");

        if (mode == Mode.Report && settings.Output is null)
            throw new UsageException("report writes a folder of pages: give it with -o (e.g. -o site).");
        if (format == "xlsx" && settings.Output is null)
            throw new UsageException("export --format xlsx writes a workbook file: give it with -o (e.g. -o reports.xlsx).");
        if (settings.Tables && format != "xlsx")
            throw new UsageException("--tables adds a sheet to the workbook: use it with --format xlsx.");
        if (settings.Bom && format == "xlsx")
            throw new UsageException("--bom is for CSV; a workbook needs none.");

        var keep = mode switch
        {
            Mode.Extract => Keep.Json,
            Mode.Export or Mode.Report => Keep.Report,
            _ => settings.CrossYear ? Keep.Report : Keep.Findings,
        };
        var analyzer = new FileAnalyzer(
            new ReadOptions { TemplateId = settings.Template, Language = settings.Language, Templates = settings.Templates },
            new ValidationOptions { Language = settings.Language },
            keep,
            validate: mode is Mode.Validate or Mode.Report || format is "findings-csv" or "xlsx",
            indentJson: format == "json",
            suppressions,
            sources: settings.Sources,
            prose: settings.CrossYear);

        using var target = format == "xlsx" ? new OutputTarget(settings.Output!) : new OutputTarget(output, mode == Mode.Report ? null : settings.Output);
        ResultWriter writer = (mode, format) switch
        {
            (Mode.Report, _) => new SiteWriter(settings.Output!),
            (_, "xlsx") => new XlsxResultWriter(target.Stream!, settings.Templates, settings.Tables),
            (Mode.Validate, "json") => new JsonArrayResultWriter(target.Writer),
            (Mode.Validate, "jsonl") => new JsonLinesResultWriter(target.Writer),
            (Mode.Validate, "sarif") => new SarifResultWriter(target.Writer),
            (Mode.Validate, _) => new TextResultWriter(target.Writer, settings.Language),
            (Mode.Extract, _) => new ExtractResultWriter(target.Writer, lines: format == "jsonl"),
            (_, "wide-csv") => new WideCsvResultWriter(target.Writer, settings.Templates, settings.Bom),
            (_, "findings-csv") => new FindingsCsvResultWriter(target.Writer, settings.Bom),
            _ => new CsvResultWriter(target.Writer, settings.Bom),
        };

        var summary = new Summary { Skipped = skipped };
        void Emit(FileResult result)
        {
            summary.Add(result);
            if (mode != Mode.Validate)
            {
                foreach (var finding in result.Findings.Where(f => f.Severity == Severity.Error))
                    error.WriteLine(TextResultWriter.Visible($"{result.File}: {finding.SeverityText} {finding.Rule}: {finding.Message}"));
            }

            writer.Write(result);
            result.Json = null;
            result.Sources = null;
            if (!settings.CrossYear)
            {
                result.Report = null;
                result.Statuses = null;
                result.Positions = null;
            }

            result.Prose = null;
        }

        writer.Begin();
        if (settings.CrossYear)
        {
            // Continuity needs every report of an agency: results are held (findings and the reports), then written.
            var all = new List<FileResult>(files.Count);
            Process(files, analyzer.Analyze, all.Add, settings.Jobs, error);
            summary.CrossYear = CrossYear.Check(all, analyzer, settings.ReuseThreshold);
            foreach (var result in all)
                Emit(result);
        }
        else
        {
            Process(files, analyzer.Analyze, Emit, settings.Jobs, error);
        }

        writer.End();
        bool summaryToOutput = mode == Mode.Validate && format == "text" && settings.Output is null;
        if (summaryToOutput)
            target.Writer.WriteLine();
        summary.Write(summaryToOutput ? target.Writer : error, settings.Language);
        target.Commit();

        if (settings.Stats)
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            double seconds = clock.Elapsed.TotalSeconds;
            error.WriteLine(FormattableString.Invariant(
                $"stats: {summary.Files} files in {seconds:F2} s ({summary.Files / Math.Max(seconds, 1e-9):F0} files/s), {settings.Jobs} jobs, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB"));
        }

        if (summary.Unreadable > 0)
            return UsageOrIo;
        return summary.Errors > 0 ? Findings : Success;
    }

    /// <summary>Runs the batch, with a progress bar on the standard error when it is a terminal and the run is long.</summary>
    private static void Process(List<InputFile> files, Func<InputFile, FileResult> analyze, Action<FileResult> consume, int jobs, TextWriter error)
    {
        int window = jobs * 8;
        bool progress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && files.Count >= 50;
        if (!progress)
        {
            BatchRunner.Run(files, analyze, consume, jobs, window);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("govinfo", maxValue: files.Count);
            BatchRunner.Run(files, analyze, consume, jobs, window, () => task.Increment(1));
        });
    }

    private static int Templates(string[] ids, IReadOnlyList<ReportTemplate> known, TextWriter output, TextWriter error)
    {
        var selected = ids.Length == 0 ? known.ToList() : ids.Select(id => UserTemplates.Find(known, id)).ToList();
        for (int i = 0; i < selected.Count; i++)
        {
            if (i > 0)
                output.WriteLine();
            output.Write(TemplateSummary.Describe(selected[i]));
        }

        foreach (var conflict in TemplateRegistry.Conflicts)
            error.WriteLine(conflict);
        return Success;
    }

    private static int Render(string input, IReadOnlyList<ReportTemplate> templates, string format, string? outputPath, TextWriter output)
    {
        var report = LoadReport(input, templates);
        if (format == "docx")
        {
            if (outputPath is null)
                throw new UsageException("a Word document is binary: give --output file.docx. Word 文档须用 --output 指定文件。");
            OutputTarget.WriteAllBytes(outputPath, ReportRenderer.RenderDocx(report));
            return Success;
        }

        using var target = new OutputTarget(output, outputPath);
        target.Writer.Write(format switch
        {
            "md" => ReportRenderer.RenderMarkdown(report),
            "txt" => ReportRenderer.RenderText(report),
            _ => ReportRenderer.RenderHtml(report),
        });
        target.Commit();
        return Success;
    }

    /// <summary>A report from a JSON document, or read from a report file.</summary>
    private static IReport LoadReport(string path, IReadOnlyList<ReportTemplate> templates)
    {
        if (!File.Exists(path))
            throw new UsageException($"no file '{path}'. 没有文件 '{path}'。");
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return ReportJson.Deserialize(File.ReadAllBytes(path), templates);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new UsageException($"'{path}' is not a report document: {ex.Message}");
            }
        }

        var loaded = ReportDocument.Load(path);
        if (loaded.Document is not { } document)
            throw new UsageException($"'{path}': {loaded.Message(MessageLanguage.English)} {loaded.Message(MessageLanguage.Chinese)}");
        var read = ReportReader.Read(document, new ReadOptions { Templates = templates });
        return read.Report ?? throw new UsageException($"'{path}' holds no annual report table. 文件中没有年度报告的表格。");
    }

    private static int Describe(ReportTemplate template, TextWriter output)
    {
        output.Write(TemplateSummary.Describe(template));
        return Success;
    }

    /// <summary>Checks template files as a build does; prints each diagnostic as the compiler does. Exit 1 on errors.</summary>
    private static int Check(string[] paths, TextWriter output)
    {
        var results = UserTemplates.Read(paths, output);
        int errors = results.Sum(r => r.Diagnostics.Count(d => d.Severity == TemplateDiagnosticSeverity.Error));
        int warnings = results.Sum(r => r.Diagnostics.Count(d => d.Severity == TemplateDiagnosticSeverity.Warning));
        output.WriteLine($"{results.Count} template file(s): {errors} error(s), {warnings} warning(s); {results.Count(r => r.Template is not null)} usable. 模板文件检查完毕。");
        return errors > 0 ? Findings : Success;
    }

    private static int Diff(string before, string after, string format, TextWriter output, TextWriter error)
    {
        (string Name, Dictionary<string, (string Kind, string Path, string Value)> Entries) a, b;
        try
        {
            a = TemplateDiff.Load(before);
            b = TemplateDiff.Load(after);
        }
        catch (TemplateFileException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
                error.WriteLine(diagnostic);
            throw new UsageException("the template file has errors (above); 'govinfo check' shows them alone. 模板文件有错误。");
        }

        var changes = TemplateDiff.Compare(a.Entries, b.Entries);
        if (format == "json")
        {
            output.WriteLine(ResultWriter.Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("from", a.Name);
                json.WriteString("to", b.Name);
                json.WriteStartArray("changes");
                foreach (var change in changes)
                {
                    json.WriteStartObject();
                    json.WriteString("change", change.Change);
                    json.WriteString("kind", change.Kind);
                    json.WriteString("path", change.Path);
                    json.WriteString("from", change.From);
                    json.WriteString("to", change.To);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }, indented: true));
            return Success;
        }

        output.WriteLine($"{a.Name} → {b.Name}");
        foreach (var change in changes)
        {
            string sign = change.Change switch { "added" => "+", "removed" => "-", _ => "~" };
            string text = change.Change switch
            {
                "added" => change.To!,
                "removed" => change.From!,
                _ => $"{change.From} → {change.To}",
            };
            output.WriteLine($"{sign} {change.Kind} {change.Path}: {text}");
        }

        output.WriteLine($"{changes.Count(c => c.Change == "added")} added, {changes.Count(c => c.Change == "removed")} removed, {changes.Count(c => c.Change is "relabelled" or "changed")} changed");
        return Success;
    }
}

/// <summary>A usage error: reported in one line, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
