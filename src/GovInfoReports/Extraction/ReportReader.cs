using System;
using System.Collections.Generic;
using GovInfoReports.Documents;
using GovInfoReports.Templates;
using GovInfoReports.Validation;

namespace GovInfoReports.Extraction;

/// <summary>
/// Reads a government information disclosure annual report from its text (as extracted from a web page, Word or
/// PDF file) into the typed record of its template, with the source position of every value and a finding for
/// everything that could not be read with certainty.
/// </summary>
/// <remarks>
/// A read is four stages, each in its own folder: the <b>document</b> (paragraphs and grids of a text, web page or
/// Word file, every cell with its position), the <b>tokens</b> (cells, numbers and label words, normalised once:
/// <see cref="ReportText"/>), the <b>alignment</b> of the tokens with each candidate template's descriptors (sections
/// by heading, tables by caption, rows by label, numbers by the known column counts; the template whose tables the
/// text shows wins) and the <b>result</b> (the record, each cell's status and source, the findings). The words a report
/// uses around its tables come from <see cref="ReportWording"/>, the rest from the templates. Matching is linear in the
/// text, with no backtracking.
/// <para>
/// Reads may run on any number of threads at once. Each thread keeps its own reusable buffers (the token list, the
/// tokenizer's cells, a table of word keys, one matcher per template), bounded in size; a result shares nothing with
/// later reads.
/// </para>
/// </remarks>
public static class ReportReader
{
    /// <summary>Reads the report in <paramref name="text"/>.</summary>
    /// <param name="text">The report's text.</param>
    /// <param name="options">Options: a template or year override, the candidate templates, the wording, the message language.</param>
    /// <returns>The typed report (or none when the text is not an annual report), its template, year, agency, cells with their positions, completeness and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="ReadOptions.TemplateId"/> names no candidate template.</exception>
    /// <exception cref="InvalidOperationException">No template is registered.</exception>
    public static ReadResult Read(string text, ReadOptions? options = null)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        options ??= ReadOptions.Default;
        var words = (options.Wording ?? ReportWording.Default).Values;
        var tokens = TokenList.Rent(text);
        try
        {
            Tokenizer.Tokenize(text, words, tokens);
            return Read(text, tokens, options);
        }
        finally
        {
            TokenList.Return(tokens);
        }
    }

    /// <summary>
    /// Reads the report in a document (a web page, a Word document or text). Tables are read from their grids:
    /// merged cells and empty cells say which number belongs to which row and column, so no blank cell is guessed.
    /// Source positions are lines and columns of <see cref="ReportDocument.Text"/>.
    /// </summary>
    /// <param name="document">The document, from <see cref="ReportDocument.Load(string, DocumentLimits?)"/> or its siblings.</param>
    /// <param name="options">Options: a template or year override, the candidate templates, the wording, the message language.</param>
    /// <returns>The typed report (or none when the document is not an annual report), as for text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="ReadOptions.TemplateId"/> names no candidate template.</exception>
    /// <exception cref="InvalidOperationException">No template is registered.</exception>
    public static ReadResult Read(ReportDocument document, ReadOptions? options = null)
    {
        if (document is null)
            throw new ArgumentNullException(nameof(document));
        if (document.Kind == DocumentKind.Text)
            return Read(document.Text, options);
        options ??= ReadOptions.Default;
        var words = (options.Wording ?? ReportWording.Default).Values;
        var tokens = TokenList.Rent(document.Text);
        try
        {
            TokenizeDocument(document, words, tokens);
            var result = Read(document.Text, tokens, options);
            result.LocateIn(document);
            return result;
        }
        finally
        {
            TokenList.Return(tokens);
        }
    }

    private static void TokenizeDocument(ReportDocument document, ValueWords words, TokenList tokens)
    {
        string text = document.Text;
        foreach (var block in document.Blocks)
        {
            if (block is DocumentParagraph paragraph)
            {
                int start = document.LineStart(paragraph.Line);
                Tokenizer.TokenizeLine(text, start, start + paragraph.Text.Length, paragraph.Line, words, tokens);
            }
            else if (block is DocumentTable table)
            {
                for (int row = 0; row < table.RowCount; row++)
                {
                    int line = table.Line + row;
                    RowLayout.TokenizeGridRow(text, document.LineStart(line), document.LineEnd(line), line, table, row, words, tokens);
                }
            }
        }
    }

    /// <summary>The alignment and result stages, from the tokens of <paramref name="text"/>.</summary>
    private static ReadResult Read(string text, TokenList tokens, ReadOptions options)
    {
        var templates = options.Templates ?? TemplateRegistry.All;
        if (templates.Count == 0)
            throw new InvalidOperationException("没有可用的模板。 No template is registered.");
        int forced = ForcedTemplate(templates, options.TemplateId);
        var wording = options.Wording ?? ReportWording.Default;
        ReportMetadata.Find(text, wording, out int? foundYear, out string? foundAgency);
        var read = new ReadFacts(options.Year ?? foundYear, options.Agency ?? foundAgency, options.Language);
        var plan = ReadPlan.For(templates, wording);
        using var choice = TemplateChoice.Make(plan, tokens, forced >= 0, read.Year, options.Language);
        if (choice.NothingFound)
            return NoValues(choice, forced >= 0 ? plan.Templates[forced] : null, read);
        int chosen = forced >= 0 ? forced : choice.Best;
        AddDetectionFindings(plan.Templates, choice, chosen, forced >= 0, read);
        return Result(text, plan.Templates[chosen], choice.Matcher(chosen), read);
    }

    /// <summary>The index of the template <paramref name="id"/> names, or -1 when none is forced.</summary>
    private static int ForcedTemplate(IReadOnlyList<ReportTemplate> templates, string? id)
    {
        if (id is null)
            return -1;
        int found = -1;
        for (int i = 0; i < templates.Count; i++)
            if (string.Equals(templates[i].Id, id, StringComparison.Ordinal))
                found = i;
        return found >= 0 ? found : throw new ArgumentException($"未知模板 “{id}”。 Unknown template “{id}”.", "options");
    }

    /// <summary>A read that found no table values: not a report at all, or a report whose tables hold no numbers.</summary>
    private static ReadResult NoValues(TemplateChoice choice, ReportTemplate? forced, ReadFacts read)
    {
        if (!choice.AnyLabelOrMarker && forced is null)
        {
            read.Add(ExtractionIssue.NotAReport,
                "文本中没有政府信息公开工作年度报告的表格（未找到任何模板的标题、表头或行）。",
                "The text holds no table of a government information disclosure annual report (no heading, header or row of any template was found).");
            return new ReadResult(null, null, read.Year, read.Agency, ExtractedCellList.AllMissing(null), Array.Empty<SectionExtraction>(), read.Findings);
        }

        var template = forced ?? choice.TemplateWithoutValues();
        read.Add(ExtractionIssue.NoTableValues,
            "找到了年度报告的标题或表头，但表格中没有数字（表格可能是图片）：未读取任何单元格。",
            "The annual report's headings or headers were found, but its tables hold no numbers (they may be images): no cell was read.");
        return new ReadResult(template, null, read.Year, read.Agency, ExtractedCellList.AllMissing(template), ReadSections.AllMissing(template), read.Findings);
    }

    /// <summary>What the choice of template says about the text: a forced template that fits worse, the year, mixed formats.</summary>
    private static void AddDetectionFindings(ReportTemplate[] templates, TemplateChoice choice, int chosen, bool forced, ReadFacts read)
    {
        var template = templates[chosen];
        var best = choice.BestMatcher;
        int found = choice.Matcher(chosen).Cells.Found;
        if (forced && chosen != choice.Best && best.Cells.Found > found)
            read.Add(ExtractionIssue.TemplateOverridden,
                $"按指定的模板 {template.Id} 读取；文本的表格更符合模板 {templates[choice.Best].Id}（{best.Cells.Found} 对 {found} 个单元格）。",
                $"Read as template {template.Id}, as requested; the text's tables fit template {templates[choice.Best].Id} better ({best.Cells.Found} against {found} cells).");
        if (read.Year is not { } year)
            read.Add(ExtractionIssue.YearNotFound, "未找到报告年度。", "No report year was found.");
        else if (!template.AppliesTo(year))
            read.Add(ExtractionIssue.TemplateYearMismatch,
                $"表格为 {template.Id} 格式（{template.Basis}），但报告年度 {year} 应使用{ExpectedFor(templates, year, english: false)}。",
                $"The tables follow the {template.Id} format ({template.Basis}), but report year {year} calls for {ExpectedFor(templates, year, english: true)}.");
        for (int i = 0; i < templates.Length; i++)
        {
            var foreign = choice.ForeignMarkers(i, chosen);
            if (foreign.Count > 0)
                read.Add(ExtractionIssue.MixedTemplates,
                    $"文本按 {template.Id} 格式读取，但也含有 {templates[i].Id} 格式的表头：{string.Join("、", foreign)}。",
                    $"The text was read as the {template.Id} format but also holds headers of the {templates[i].Id} format: {string.Join(", ", foreign)}.");
        }
    }

    /// <summary>The result stage: the chosen template's cells, record, sections and findings.</summary>
    private static ReadResult Result(string text, ReportTemplate template, TemplateMatcher matcher, ReadFacts read)
    {
        matcher.Finish();
        var (values, statuses, sources, notes) = matcher.Cells.Take();
        var cells = new ExtractedCellList(template.Cells, values, statuses, sources, notes, text);
        var report = template.CreateReport(values, read.Year, read.Agency);
        if (Array.IndexOf(statuses, CellStatus.Reported) < 0 && Array.IndexOf(statuses, CellStatus.Blank) >= 0)
            read.Add(ExtractionIssue.BlankForm,
                "表格齐备但所有单元格均为空（空白表格）：报告没有任何数值。",
                "The tables are there but every cell is empty (a blank form): the report holds no values.");
        read.Findings.AddRange(ReadSections.InSourceOrder(matcher.Findings.List));
        return new ReadResult(template, report, read.Year, read.Agency, cells, ReadSections.Of(matcher), read.Findings, NarrativeReader.Find(text, template), PartReader.Find(text, template), FeeReader.Find(text, template));
    }

    private static string ExpectedFor(ReportTemplate[] templates, int year, bool english)
    {
        var ids = new List<string>();
        foreach (var template in templates)
            if (template.AppliesTo(year))
                ids.Add(template.Id);
        if (ids.Count == 0)
            return english ? "no known template" : "未知的模板";
        return english ? "the " + string.Join(" or ", ids) + " format" : " " + string.Join(" 或 ", ids) + " 格式";
    }

    /// <summary>What a read found besides the cells: the year, the agency, and its findings so far (in the read's language).</summary>
    private sealed class ReadFacts
    {
        private readonly MessageLanguage _language;

        public ReadFacts(int? year, string? agency, MessageLanguage language)
        {
            Year = year;
            Agency = agency;
            _language = language;
        }

        public int? Year { get; }

        public string? Agency { get; }

        public List<ExtractionFinding> Findings { get; } = new();

        public void Add(ExtractionIssue issue, string chinese, string english) =>
            Findings.Add(new ExtractionFinding(issue, _language == MessageLanguage.English ? english : chinese, Array.Empty<CellDescriptor>(), null, null));
    }
}
