using System;
using System.Collections.Generic;
using System.Threading;
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
/// The text is split into cell-sized tokens (tabs, pipes and line breaks separate cells), normalised
/// (<see cref="ReportText"/>), and matched against each candidate template's descriptor: sections by heading,
/// tables by caption, rows by label, numbers by the known column counts. The template whose tables the text
/// shows wins (most tables read, then most cells); the report year is a cross-check and a tie-breaker. A template that
/// could not win even with all its tables found is not matched. Matching is linear in the text, with no backtracking.
/// <para>
/// Reads may run on any number of threads at once. Each thread keeps its own reusable buffers (the token list, a
/// table of word keys, the interned keys on which matching memoises what it asks of them, one matcher per template),
/// bounded in size; a result shares nothing with later reads.
/// </para>
/// </remarks>
public static class ReportReader
{
    /// <summary>Reads the report in <paramref name="text"/>.</summary>
    /// <param name="text">The report's text.</param>
    /// <param name="options">Options: a template or year override, the candidate templates, the message language.</param>
    /// <returns>The typed report (or none when the text is not an annual report), its template, year, agency, cells with their positions, completeness and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="ReadOptions.TemplateId"/> names no candidate template.</exception>
    /// <exception cref="InvalidOperationException">No template is registered.</exception>
    public static ReadResult Read(string text, ReadOptions? options = null)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        var tokens = RentTokens(text);
        try
        {
            Tokenizer.Tokenize(text, tokens);
            return Read(text, tokens, options ?? ReadOptions.Default);
        }
        finally
        {
            ReturnTokens(tokens);
        }
    }

    /// <summary>
    /// Reads the report in a document (a web page, a Word document or text). Tables are read from their grids:
    /// merged cells and empty cells say which number belongs to which row and column, so no blank cell is guessed.
    /// Source positions are lines and columns of <see cref="ReportDocument.Text"/>.
    /// </summary>
    /// <param name="document">The document, from <see cref="ReportDocument.Load(string, DocumentLimits?)"/> or its siblings.</param>
    /// <param name="options">Options: a template or year override, the candidate templates, the message language.</param>
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
        string text = document.Text;
        var tokens = RentTokens(text);
        try
        {
            TokenizeDocument(document, tokens);
            return Read(text, tokens, options ?? ReadOptions.Default);
        }
        finally
        {
            ReturnTokens(tokens);
        }
    }

    // The token list of a read is per thread and reused: tokens never leave a read (cells copy what they keep),
    // and a fresh list of a report's ~1,000 tokens was half of what a read allocated.
    [ThreadStatic]
    private static TokenList? t_tokens;

    private static TokenList RentTokens(string text)
    {
        var tokens = t_tokens ?? new TokenList();
        t_tokens = null; // taken: a read that starts inside this one (none does today) gets its own list
        tokens.Start(text);
        return tokens;
    }

    private static void ReturnTokens(TokenList tokens)
    {
        tokens.Clear(); // drops the references to the text and the keys
        // Kept up to 262,144 tokens (7 MB, a text of about 1.5 MB): past the old 65,536, every read of a large text
        // allocated its token arrays afresh on the large-object heap, a full collection each, and time grew faster than size.
        if (tokens.Capacity <= 1 << 18)
            t_tokens = tokens;
    }

    private static void TokenizeDocument(ReportDocument document, TokenList tokens)
    {
        string text = document.Text;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocumentParagraph paragraph:
                    int start = document.LineStart(paragraph.Line);
                    Tokenizer.TokenizeLine(text, start, start + paragraph.Text.Length, paragraph.Line, tokens);
                    break;
                case DocumentTable table:
                    for (int row = 0; row < table.RowCount; row++)
                    {
                        int line = table.Line + row;
                        Tokenizer.TokenizeGridRow(text, document.LineStart(line), document.LineEnd(line), line, table, row, tokens);
                    }

                    break;
            }
        }
    }

    private static ReadResult Read(string text, TokenList tokens, ReadOptions options)
    {
        var templates = options.Templates ?? TemplateRegistry.All;
        if (templates.Count == 0)
            throw new InvalidOperationException("没有可用的模板。 No template is registered.");

        ReportTemplate? forced = null;
        if (options.TemplateId is { } id)
        {
            foreach (var template in templates)
                if (string.Equals(template.Id, id, StringComparison.Ordinal))
                    forced = template;
            if (forced is null)
                throw new ArgumentException($"未知模板 “{id}”。 Unknown template “{id}”.", nameof(options));
        }

        var language = options.Language;
        ReportMetadata.Find(text, out int? foundYear, out string? foundAgency);
        int? year = options.Year ?? foundYear;
        string? agency = options.Agency ?? foundAgency;

        var plan = ReadPlan.For(templates);
        var vocabularies = plan.Vocabularies;
        // The keys of the label tokens, concatenated, for marker search across broken labels.
        ReadOnlySpan<char> compact = tokens.KeyText;
        var matchers = new TemplateMatcher?[templates.Count];
        try
        {
            var markers = new List<string>[templates.Count];
            for (int i = 0; i < templates.Count; i++)
            {
                markers[i] = new List<string>();
                foreach (string marker in vocabularies[i].Markers)
                    if (compact.IndexOf(marker.AsSpan(), StringComparison.Ordinal) >= 0)
                        markers[i].Add(marker);
            }

            // Templates with the most tables (then cells) are matched first. A template that could not beat the best
            // so far even if every one of its tables and cells were found is not matched at all: it cannot be chosen
            // (and its other outputs matter only when nothing was found, or with a forced template, when all run).
            // A complete 2019 report (7 tables) is thus matched once, not also against 2021 (6 tables).
            TemplateMatcher? leader = null;
            foreach (int i in plan.Order)
            {
                if (forced is null && leader is not null && CannotBeat(templates[i], leader))
                    continue;
                var run = TemplateMatcher.Rent(vocabularies[i], plan.Others[i], tokens, language);
                matchers[i] = run;
                run.Run();
                if (leader is null || run.TablesFound > leader.TablesFound || (run.TablesFound == leader.TablesFound && run.Found > leader.Found))
                    leader = run;
            }

            int best = -1;
            for (int i = 0; i < templates.Count; i++)
                if (matchers[i] is not null && (best < 0 || Better(i, best)))
                    best = i;

            // The template whose tables the text shows wins: most tables with cells read, then most cells.
            bool Better(int a, int b)
            {
                TemplateMatcher ma = matchers[a]!, mb = matchers[b]!;
                if (ma.TablesFound != mb.TablesFound)
                    return ma.TablesFound > mb.TablesFound;
                if (ma.Found != mb.Found)
                    return ma.Found > mb.Found;
                bool aYear = year is { } y1 && templates[a].AppliesTo(y1), bYear = year is { } y2 && templates[b].AppliesTo(y2);
                if (aYear != bYear)
                    return aYear;
                return markers[a].Count > markers[b].Count;
            }

            var findings = new List<ExtractionFinding>();
            void Add(ExtractionIssue issue, string chinese, string english) =>
                findings.Add(new ExtractionFinding(issue, language == MessageLanguage.English ? english : chinese, Array.Empty<CellDescriptor>(), null, null));

            int chosen = forced is null ? best : IndexOf(templates, forced);
            var matcher = matchers[chosen]!; // every template runs when one is forced
            var chosenTemplate = templates[chosen];

            bool sawNumbers = false;
            foreach (var m in matchers)
                sawNumbers |= m?.SawTableNumbers ?? false;
            var bestMatcher = matchers[best]!;
            if (bestMatcher.Found == 0 && !sawNumbers)
            {
                bool anyLabel = false;
                bool anyMarker = false;
                for (int i = 0; i < templates.Count; i++)
                {
                    anyLabel |= matchers[i]?.AnyLabel ?? false;
                    anyMarker |= markers[i].Count > 0;
                }

                if (!anyLabel && !anyMarker && forced is null)
                {
                    Add(ExtractionIssue.NotAReport,
                        "文本中没有政府信息公开工作年度报告的表格（未找到任何模板的标题、表头或行）。",
                        "The text holds no table of a government information disclosure annual report (no heading, header or row of any template was found).");
                    return new ReadResult(null, null, year, agency, ExtractedCellList.AllMissing(null), Array.Empty<SectionExtraction>(), findings);
                }

                ReportTemplate? template = forced;
                if (template is null && (anyMarker || year is null))
                {
                    int byMarkers = 0;
                    for (int i = 1; i < templates.Count; i++)
                        if (markers[i].Count > markers[byMarkers].Count)
                            byMarkers = i;
                    template = markers[byMarkers].Count > 0 ? templates[byMarkers] : null;
                }

                if (template is null && year is { } y)
                {
                    var forYear = new List<ReportTemplate>();
                    foreach (var candidate in templates)
                        if (candidate.AppliesTo(y))
                            forYear.Add(candidate);
                    template = forYear.Count == 1 ? forYear[0] : null;
                }

                Add(ExtractionIssue.NoTableValues,
                    "找到了年度报告的标题或表头，但表格中没有数字（表格可能是图片）：未读取任何单元格。",
                    "The annual report's headings or headers were found, but its tables hold no numbers (they may be images): no cell was read.");
                var none = ExtractedCellList.AllMissing(template);
                return new ReadResult(template, null, year, agency, none, AllMissingSections(template), findings);
            }

            if (forced is not null && chosen != best && bestMatcher.Found > matcher.Found)
                Add(ExtractionIssue.TemplateOverridden,
                    $"按指定的模板 {forced.Id} 读取；文本的表格更符合模板 {templates[best].Id}（{bestMatcher.Found} 对 {matcher.Found} 个单元格）。",
                    $"Read as template {forced.Id}, as requested; the text's tables fit template {templates[best].Id} better ({bestMatcher.Found} against {matcher.Found} cells).");
            if (year is null)
                Add(ExtractionIssue.YearNotFound, "未找到报告年度。", "No report year was found.");
            else if (!chosenTemplate.AppliesTo(year.Value))
                Add(ExtractionIssue.TemplateYearMismatch,
                    $"表格为 {chosenTemplate.Id} 格式（{chosenTemplate.Basis}），但报告年度 {year} 应使用{ExpectedFor(templates, year.Value, english: false)}。",
                    $"The tables follow the {chosenTemplate.Id} format ({chosenTemplate.Basis}), but report year {year} calls for {ExpectedFor(templates, year.Value, english: true)}.");
            for (int i = 0; i < templates.Count; i++)
            {
                if (i == chosen || markers[i].Count == 0 || markers[chosen].Count == 0)
                    continue;

                // Headers the chosen template shares (a revision keeps most of its predecessor's) are no sign of mixing.
                var foreign = new List<string>();
                foreach (var marker in markers[i])
                    if (!markers[chosen].Contains(marker))
                        foreign.Add(marker);
                if (foreign.Count == 0)
                    continue;
                Add(ExtractionIssue.MixedTemplates,
                    $"文本按 {chosenTemplate.Id} 格式读取，但也含有 {templates[i].Id} 格式的表头：{string.Join("、", foreign)}。",
                    $"The text was read as the {chosenTemplate.Id} format but also holds headers of the {templates[i].Id} format: {string.Join(", ", foreign)}.");
            }

            matcher.Finish();
            var (values, statuses, sources, notes) = matcher.TakeCells();
            var cells = new ExtractedCellList(chosenTemplate.Cells, values, statuses, sources, notes, text);
            var report = chosenTemplate.CreateReport(values, year, agency);
            if (matcher.Findings.Count > 0)
                findings.AddRange(Ordered(matcher.Findings));
            return new ReadResult(chosenTemplate, report, year, agency, cells, Sections(matcher), findings);
        }
        finally
        {
            foreach (var used in matchers)
                used?.Return();
        }
    }

    /// <summary>
    /// What a read needs of its candidate templates, made once per list of templates (not per read) and shared by all
    /// threads (it is immutable): their vocabularies, the order to match them in, and each one's other vocabularies.
    /// </summary>
    private sealed class ReadPlan
    {
        // The last plan made: reads nearly always pass the same templates (the registry's, or the same option).
        private static ReadPlan? s_last;

        private readonly ReportTemplate[] _templates;

        private ReadPlan(IReadOnlyList<ReportTemplate> templates)
        {
            _templates = new ReportTemplate[templates.Count];
            Vocabularies = new TemplateVocabulary[templates.Count];
            for (int i = 0; i < _templates.Length; i++)
            {
                _templates[i] = templates[i];
                Vocabularies[i] = TemplateVocabulary.For(templates[i]);
            }

            Order = RunOrder(_templates);
            Others = new TemplateVocabulary[_templates.Length][];
            for (int i = 0; i < _templates.Length; i++)
            {
                var others = new List<TemplateVocabulary>(_templates.Length - 1);
                for (int j = 0; j < _templates.Length; j++)
                    if (j != i)
                        others.Add(Vocabularies[j]);
                Others[i] = others.ToArray();
            }
        }

        public TemplateVocabulary[] Vocabularies { get; }

        /// <summary>See <see cref="RunOrder"/>.</summary>
        public int[] Order { get; }

        /// <summary>Per template: the vocabularies of the other candidates (whose headers are foreign to it).</summary>
        public TemplateVocabulary[][] Others { get; }

        /// <summary>The plan for <paramref name="templates"/>: the last one made when it has the same templates, in the same order.</summary>
        public static ReadPlan For(IReadOnlyList<ReportTemplate> templates)
        {
            var last = Volatile.Read(ref s_last);
            if (last is not null && last.Matches(templates))
                return last;
            var plan = new ReadPlan(templates);
            Volatile.Write(ref s_last, plan);
            return plan;
        }

        private bool Matches(IReadOnlyList<ReportTemplate> templates)
        {
            // Compared element by element (the caller's list may have changed since).
            if (templates.Count != _templates.Length)
                return false;
            for (int i = 0; i < _templates.Length; i++)
                if (!ReferenceEquals(templates[i], _templates[i]))
                    return false;
            return true;
        }
    }

    /// <summary>Template indexes by table count, then cell count, most first (ties in candidate order).</summary>
    private static int[] RunOrder(IReadOnlyList<ReportTemplate> templates)
    {
        var order = new int[templates.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        // Insertion sort: stable, and there are a handful of templates.
        for (int i = 1; i < order.Length; i++)
        {
            int item = order[i], j = i - 1;
            while (j >= 0 && Before(templates[item], templates[order[j]]))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = item;
        }

        return order;

        static bool Before(ReportTemplate a, ReportTemplate b) =>
            a.Tables.Count != b.Tables.Count ? a.Tables.Count > b.Tables.Count : a.Cells.Count > b.Cells.Count;
    }

    /// <summary>Whether <paramref name="template"/> would lose to <paramref name="leader"/>'s result even with every table and cell found.</summary>
    private static bool CannotBeat(ReportTemplate template, TemplateMatcher leader) =>
        template.Tables.Count < leader.TablesFound || (template.Tables.Count == leader.TablesFound && template.Cells.Count < leader.Found);

    private static int IndexOf(IReadOnlyList<ReportTemplate> templates, ReportTemplate template)
    {
        for (int i = 0; i < templates.Count; i++)
            if (templates[i] == template)
                return i;
        return -1;
    }

    private static string ExpectedFor(IReadOnlyList<ReportTemplate> templates, int year, bool english)
    {
        var ids = new List<string>();
        foreach (var template in templates)
            if (template.AppliesTo(year))
                ids.Add(template.Id);
        if (ids.Count == 0)
            return english ? "no known template" : "未知的模板";
        return english ? "the " + string.Join(" or ", ids) + " format" : " " + string.Join(" 或 ", ids) + " 格式";
    }

    private static List<ExtractionFinding> Ordered(List<ExtractionFinding> findings)
    {
        var located = new List<(ExtractionFinding Finding, int Order)>();
        var unlocated = new List<ExtractionFinding>();
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Position is null)
                unlocated.Add(findings[i]);
            else
                located.Add((findings[i], i));
        }

        located.Sort(static (a, b) =>
        {
            int byPosition = a.Finding.Position!.Value.CompareTo(b.Finding.Position!.Value);
            return byPosition != 0 ? byPosition : a.Order.CompareTo(b.Order);
        });
        var result = new List<ExtractionFinding>(findings.Count);
        foreach (var item in located)
            result.Add(item.Finding);
        result.AddRange(unlocated);
        return result;
    }

    /// <summary>The sections' completeness, from the counts the matcher kept per table (the same as counting the statuses).</summary>
    private static IReadOnlyList<SectionExtraction> Sections(TemplateMatcher matcher)
    {
        var vocabulary = matcher.Vocabulary;
        var sections = vocabulary.Template.Sections;
        var result = new SectionExtraction[sections.Count];
        for (int s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            int reported = 0, blank = 0, cells = 0;
            var tables = section.Tables;
            for (int t = 0; t < tables.Count; t++)
            {
                int index = vocabulary.TableIndex(tables[t]);
                reported += matcher.TableReported(index);
                blank += matcher.TableBlank(index);
                cells += tables[t].Cells.Count;
            }

            result[s] = new SectionExtraction(section, reported, blank, cells - reported - blank);
        }

        return result;
    }

    /// <summary>The sections of <paramref name="template"/> with every cell missing (a read that found no table values).</summary>
    private static IReadOnlyList<SectionExtraction> AllMissingSections(ReportTemplate? template)
    {
        if (template is null)
            return Array.Empty<SectionExtraction>();
        var sections = template.Sections;
        var result = new SectionExtraction[sections.Count];
        for (int s = 0; s < sections.Count; s++)
        {
            int cells = 0;
            foreach (var table in sections[s].Tables)
                cells += table.Cells.Count;
            result[s] = new SectionExtraction(sections[s], 0, 0, cells);
        }

        return result;
    }
}
