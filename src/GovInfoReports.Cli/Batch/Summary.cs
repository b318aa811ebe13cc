using System.Collections.Generic;
using System.IO;
using System.Linq;
using GovInfoReports.Validation;

namespace GovInfoReports.Cli.Batch;

/// <summary>The coverage of a run: files read, reports recognised per template and year, completeness, unreadable files, findings.</summary>
internal sealed class Summary
{
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _recognised = new(System.StringComparer.Ordinal);

    public int Files { get; private set; }

    public int Recognised { get; private set; }

    public int Complete { get; private set; }

    public int Partial { get; private set; }

    public int Unreadable { get; private set; }

    public int NotReports { get; private set; }

    /// <summary>Files of formats the tool does not read, each a row with its IN12 warning.</summary>
    public int Unsupported { get; private set; }

    /// <summary>Other files found in the folders (neither reports nor a known format), by extension: named in the summary.</summary>
    public SortedDictionary<string, int> Skipped { get; set; } = new(System.StringComparer.Ordinal);

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Infos { get; private set; }

    public int Suppressed { get; private set; }

    public CrossYearOutcome? CrossYear { get; set; }

    public void Add(FileResult result)
    {
        Files++;
        Suppressed += result.Suppressed;
        foreach (var finding in result.Findings)
        {
            if (finding.Severity == Severity.Error)
                Errors++;
            else if (finding.Severity == Severity.Warning)
                Warnings++;
            else
                Infos++;
        }

        if (result.Unreadable)
        {
            Unreadable++;
            return;
        }

        if (result.Unsupported)
        {
            Unsupported++;
            return;
        }

        if (result.Template is null)
        {
            NotReports++;
            return;
        }

        Recognised++;
        if (result.Complete)
            Complete++;
        else
            Partial++;
        if (!_recognised.TryGetValue(result.Template, out var years))
            _recognised[result.Template] = years = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        string year = result.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        years[year] = years.TryGetValue(year, out int n) ? n + 1 : 1;
    }

    public void Write(TextWriter writer, MessageLanguage language)
    {
        string templates = string.Join(Text.Of(language, "；", "; "), _recognised.Select(t =>
            Text.Of(language, $"{t.Key} 格式 {t.Value.Values.Sum()} 份（", $"{t.Key} format {t.Value.Values.Sum()} (") +
            string.Join(Text.Of(language, "，", ", "), t.Value.Select(y => Text.Of(language, $"{y.Key} 年 {y.Value} 份", $"{y.Key}: {y.Value}"))) +
            Text.Of(language, "）", ")")));
        writer.WriteLine(Text.Of(language,
            $"文件 {Files} 个：识别出报告 {Recognised} 份（完整 {Complete}，不完整 {Partial}），非报告 {NotReports} 个，无法读取 {Unreadable} 个"
                + (Unsupported > 0 ? $"，格式不支持 {Unsupported} 个（见 IN12）" : "") + "。",
            $"Files: {Files} read, {Recognised} reports recognised ({Complete} complete, {Partial} partial), {NotReports} not reports, {Unreadable} unreadable"
                + (Unsupported > 0 ? $", {Unsupported} in formats not read (see IN12)" : "") + "."));
        if (Skipped.Count > 0)
            writer.WriteLine(Text.Of(language,
                $"另有 {Skipped.Values.Sum()} 个其他文件未读取（不是报告的格式）：" + string.Join("，", Skipped.Select(s => $"{s.Key} {s.Value} 个")) + "。",
                $"Also {Skipped.Values.Sum()} other file(s) not read (not a report format): " + string.Join(", ", Skipped.Select(s => $"{s.Key} {s.Value}")) + "."));
        if (templates.Length > 0)
            writer.WriteLine(Text.Of(language, "按模板和年度：", "By template and year: ") + templates);
        writer.WriteLine(Text.Of(language,
            $"问题：错误 {Errors}，警告 {Warnings}，提示 {Infos}（已抑制 {Suppressed}）。",
            $"Findings: {Errors} errors, {Warnings} warnings, {Infos} info ({Suppressed} suppressed)."));
        if (CrossYear is { } crossYear)
        {
            writer.WriteLine(Text.Of(language, $"跨年度核对：{crossYear.Pairs} 对相邻年度报告；按机关分组 {crossYear.Groups.Count} 个：", $"Cross-year: consecutive-year pairs checked: {crossYear.Pairs}; {crossYear.Groups.Count} agencies:"));
            foreach (var group in crossYear.Groups)
            {
                string years = string.Join(", ", group.Years);
                string spellings = group.Spellings.Count > 1 ? Text.Of(language, "（写法：", " (spelled: ") + string.Join(" / ", group.Spellings) + Text.Of(language, "）", ")") : "";
                writer.WriteLine($"  {group.Name}: {years}{spellings}");
            }

            foreach (var (a, b) in crossYear.Apart)
                writer.WriteLine(Text.Of(language, $"  未合并（仅差一字，请核对是否同一机关）：{a} / {b}", $"  not merged (one character apart; check whether they are one agency): {a} / {b}"));
            foreach (var (agency, year) in crossYear.Missing)
                writer.WriteLine(Text.Of(language, $"  缺少：{agency} {year} 年度报告", $"  missing: {agency} {year}"));
        }
    }
}
