using System;
using System.Linq;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>Small inputs with the variants real reports show (templates.md §9, issue 5), each read as a careful reader would.</summary>
public class VariantExtractionTests
{
    private static ExtractedCell Cell(ReadResult result, string path) =>
        result.Cells[Assert.IsAssignableFrom<ReportTemplate>(result.Template).FindCell(path)!.Index];

    private static void Reported(ReadResult result, string path, decimal value, AmountUnit unit = AmountUnit.Unknown)
    {
        var cell = Cell(result, path);
        Assert.True(cell.Status == CellStatus.Reported, $"{path}: {cell}\n{string.Join("\n", result.Findings)}");
        Assert.Equal(value, cell.Value.Number);
        Assert.Equal(unit, cell.Value.Unit);
    }

    private static void Blank(ReadResult result, string path) => Assert.Equal(CellStatus.Blank, Cell(result, path).Status);

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void A_markdown_pipe_table_with_annotated_cells_keeps_the_note_with_the_cell()
    {
        var result = ReportReader.Read(Lines(
            "## 二、主动公开政府信息情况",
            "| 第二十条第（一）项 | | | |",
            "| --- | --- | --- | --- |",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "| 规章 | 1 | 0 | 6 |",
            "| 行政规范性文件 | 22（其中修订16件） | / | 55（含自然失效29件） |"));

        Assert.Equal("2021", result.TemplateId);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.regulations.issued", 1);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.regulations.inForce", 6);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.issued", 22);
        Blank(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.repealed");
        Reported(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.inForce", 55);
        Assert.Equal("其中修订16件", Cell(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.issued").Note);
        Assert.Equal("含自然失效29件", Cell(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.inForce").Note);
        Assert.Equal(new SourcePosition(6, 13), Cell(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.issued").Position);
        Assert.Equal(2, result.Findings.Count(f => f.Issue == ExtractionIssue.AnnotatedCell));
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.YearNotFound);
    }

    [Theory]
    [InlineData("第二十条第（一）项")]
    [InlineData("第 二 十 条 第(一)项")]
    [InlineData("二、主动公开政府信息情况（第二十條(tiáo)第（一）项）")]
    [InlineData("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数")]
    [InlineData("“信 息 內 容”\t本年制发件数")]
    public void Without_a_title_year_the_year_most_named_before_the_tables_is_the_report_year(string tablesStart)
    {
        // Years written spaced, in full-width digits and with pinyin count; a year inside a longer number does not,
        // spaces between included (3 2021 年 keys as 32021年); the years named once the tables start (2022, three
        // times) are not counted.
        var result = ReportReader.Read(Lines(
            "一、总体情况",
            "本机关 2 0 2 0 年(nián)共主动公开信息 128 条，较 2019年 增加 12 条。",
            "全年（２０２０年）受理申请 3 件，编号 12019年 的申请已办结。",
            "编号 3 2021 年、3　2021年、3 2021 年、3 2021年 的申请于今年 2020 年 办结，上年度无。",
            tablesStart,
            "2022年 2022年 2022年",
            "规章 | 0 | 0 | 0"));

        Assert.Equal(2020, result.Year);
    }

    [Fact]
    public void An_html_dump_with_pipe_separators_reads_signed_deltas_and_nbsp_blanks()
    {
        var result = ReportReader.Read(Lines(
            "某县2020年政府信息公开工作年度报告",
            "第二十条第（五）项 | | | ",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            "行政许可 | 21 | +98 | 1780 |",
            "其他对外管理服务事项 | 85 | −8 | &nbsp; |"));

        Assert.Equal("2019", result.TemplateId);
        Assert.Equal(2020, result.Year);
        Assert.Equal("某县", result.Agency);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.previousItems", 21);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.change", 98);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.decisions", 1780);
        Reported(result, "proactiveDisclosure.licensing.otherServices.change", -8);
        Blank(result, "proactiveDisclosure.licensing.otherServices.decisions");
    }

    [Theory]
    [InlineData("\u2003")]
    [InlineData("\u3000")]
    [InlineData("\u00A0")]
    [InlineData("\u205F")]
    [InlineData("\u000B")]
    [InlineData("\t")]
    [InlineData("|")]
    [InlineData("｜")]
    public void A_long_label_ends_at_any_space_or_cell_separator(string separator)
    {
        // The label is longer than the tokenizer's character-by-character look (16), so its end is found by the
        // vectorised search, which must stop at every kind of space and separator.
        var result = ReportReader.Read(Lines(
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量（件）" + string.Join(separator, "", "3", "1", "0", "0", "0", "0", "4")));

        Reported(result, "applications.newlyReceived.naturalPerson", 3);
        Reported(result, "applications.newlyReceived.commercial", 1);
        Reported(result, "applications.newlyReceived.total", 4);
    }

    [Fact]
    public void Tab_separated_rows_keep_their_empty_cells_in_place()
    {
        var result = ReportReader.Read(Lines(
            "三、收到和处理政府信息公开申请情况",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
            "\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
            "一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t4\t",
            "二、上年结转政府信息公开申请数量\t\t1\t\t0\t0\t0\t0\t1",
            "三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t0\t0\t0"));

        Reported(result, "applications.newlyReceived.naturalPerson", 3);
        Reported(result, "applications.newlyReceived.total", 4);
        Reported(result, "applications.carriedOver.naturalPerson", 1);
        Blank(result, "applications.carriedOver.commercial");
        Reported(result, "applications.carriedOver.total", 1);
        // Two label cells, then seven cells: the empty one after the label is the first column's blank.
        Blank(result, "applications.results.disclosed.naturalPerson");
        Reported(result, "applications.results.disclosed.commercial", 0);
        Reported(result, "applications.results.disclosed.total", 0);
        // One label cell, an empty one and five numbers: six cells for seven columns, so which is empty cannot be told.
        Assert.Equal(CellStatus.Missing, Cell(result, "applications.results.partiallyDisclosed.naturalPerson").Status);
        var mismatch = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch);
        Assert.Equal(8, mismatch.Line());
    }

    [Fact]
    public void Half_width_punctuation_full_width_digits_and_thousands_separators_are_read()
    {
        var result = ReportReader.Read(Lines(
            "二、主动公开政府信息情况",
            "第二十条第(六)项",
            "信息内容 上一年项目数量 本年增/减 处理决定数量",
            "行政处罚 １２ 减4 ３０",
            "行政强制 0 −2 1,234",
            "第二十条第(九)项",
            "信息内容 采购项目数量 采购总金额",
            "政府集中采购 ３ 52.15"));

        Assert.Equal("2019", result.TemplateId);
        Reported(result, "proactiveDisclosure.enforcement.administrativePenalty.previousItems", 12);
        Reported(result, "proactiveDisclosure.enforcement.administrativePenalty.change", -4);
        Reported(result, "proactiveDisclosure.enforcement.administrativePenalty.decisions", 30);
        Reported(result, "proactiveDisclosure.enforcement.administrativeCoercion.change", -2);
        Reported(result, "proactiveDisclosure.enforcement.administrativeCoercion.decisions", 1234);
        Reported(result, "proactiveDisclosure.procurement.centralizedProcurement.projects", 3);
        // No unit printed and none in the 2019 header: kept as printed, unit unknown, and said so.
        Reported(result, "proactiveDisclosure.procurement.centralizedProcurement.amount", 52.15m);
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.AmountUnitUnknown);
    }

    [Fact]
    public void A_label_split_across_three_lines_is_one_label()
    {
        var result = ReportReader.Read(Lines(
            "第二十条第（五）项",
            "信息内容",
            "上一年",
            "项目数量",
            "本年增/减",
            "处理决定数量",
            "其他对外",
            "管理服务",
            "事项",
            "5",
            "+1",
            "6"));

        Reported(result, "proactiveDisclosure.licensing.otherServices.previousItems", 5);
        Reported(result, "proactiveDisclosure.licensing.otherServices.change", 1);
        Reported(result, "proactiveDisclosure.licensing.otherServices.decisions", 6);
    }

    [Fact]
    public void Traditional_script_with_pinyin_and_word_artefacts_matches_the_template_labels()
    {
        var result = ReportReader.Read(Lines(
            "第二十條(tiáo)第(五)項(xiàng)",
            "信息內(nèi)容 | [bookmark: _GoBack]上一年項(xiàng)目數(shù)量 | 本年增/減(jiǎn) | 處(chù)理決(jué)定數(shù)量",
            "行政許(xǔ)可 | 2 | 0 | 9",
            "第二十條第(八)項(xiàng)",
            "信息內(nèi)容 | 上一年項(xiàng)目數(shù)量 | 本年增/減",
            "行政事業(yè)性收費(fèi) | 1 | 0"));

        Assert.Equal("2019", result.TemplateId);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.decisions", 9);
        Reported(result, "proactiveDisclosure.fees.administrativeFees.previousItems", 1);
    }

    [Fact]
    public void Annotated_headers_and_labels_with_long_instructions_and_an_extra_row()
    {
        var result = ReportReader.Read(Lines(
            "武汉市某局2020年政府信息公开工作年度报告",
            "第二十条第（五）项",
            "信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年增加或减少的事项数,减用负值表示,如 -8) | 处理决定数量(指2020年办件量)",
            "行政许可 | 10 | -8 | 100",
            "其他对外管理服务事项(行政许可以外的行政确认、行政奖励、行政裁决、行政给付等政务服务事项) | 5 | 0 | 50",
            "其中：公共服务事项 | 3 | 0 | 30",
            "第二十条第（一）项",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规章 | 0 | 0 | 0",
            "规范性檔案 | 4 | 4 | 12"));

        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.change", -8);
        Reported(result, "proactiveDisclosure.licensing.otherServices.decisions", 50);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.publishedTotal", 12);
        var unknown = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.UnknownRow);
        Assert.Equal(6, unknown.Line());
        Assert.Contains("其中：公共服务事项", unknown.Message);
    }

    [Fact]
    public void Header_cells_split_over_two_rows_and_generic_mini_table_headers_do_not_disturb_the_rows()
    {
        var result = ReportReader.Read(Lines(
            "三、收到和处理政府信息公开申请情况",
            "| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |",
            "| | 自然人 | 法人或其他组织 | | | | | 总计 |",
            "| | | 商业 | 科研 | 社会公益 | 法律服务 | 其他 | |",
            "| | | 企业 | 机构 | 组织 | 机构 | | |",
            "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 1 | 6 |",
            "二、上年结转政府信息公开申请数量",
            "| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |",
            "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |"));

        Reported(result, "applications.newlyReceived.other", 1);
        Reported(result, "applications.newlyReceived.total", 6);
        Reported(result, "applications.carriedOver.naturalPerson", 2);
        Reported(result, "applications.carriedOver.total", 2);
        Assert.DoesNotContain(result.Findings, f => f.Issue is ExtractionIssue.UnknownRow or ExtractionIssue.CellCountMismatch or ExtractionIssue.StrayCells);
    }

    [Fact]
    public void Mutilated_headers_and_captions_do_not_stop_the_rows_from_being_read()
    {
        var result = ReportReader.Read(Lines(
            "某镇2023年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第",
            "信息内容 | 本年(2023)制发件数 | 本年废止件数 | 现行有效件数 (历史累计)",
            "规章 | 0 | 0 | 6",
            "行政规范性文件 | 2 | 1 | 30",
            "第二十条第（五）项",
            "信息内容 | 本年发件",
            "行政许可 | 7",
            "第二十条第（八）项",
            "信息内容 | 本年收费金额(单位:万元)",
            "行政事业性收费 | 5000元"));

        Assert.Equal("2021", result.TemplateId);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.regulations.inForce", 6);
        Reported(result, "proactiveDisclosure.regulatoryDocuments.normativeDocuments.inForce", 30);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.decisions", 7);
        // 5000 元 in a column printed in 万元: converted exactly.
        Reported(result, "proactiveDisclosure.fees.administrativeFees.amount", 0.5m, AmountUnit.TenThousandYuan);
    }

    [Fact]
    public void A_report_for_2022_that_still_uses_the_2019_table_is_read_as_2019_with_a_warning()
    {
        var result = ReportReader.Read(Lines(
            "某区2022年政府信息公开工作年度报告",
            "第二十条第（五）项",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政许可 | 21 | 3 | 180"));

        Assert.Equal("2019", result.TemplateId);
        Assert.Equal(2022, result.Year);
        var warning = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.TemplateYearMismatch);
        Assert.Equal(Validation.Severity.Warning, warning.Severity);
        Assert.Contains("2021", warning.Message);
    }

    [Fact]
    public void A_mixed_report_is_read_by_its_tables_and_the_table_with_the_other_template_columns_is_not_read()
    {
        var result = ReportReader.Read(Lines(
            "某县2021年政府信息公开工作年度报告",
            "第二十条第（一）项",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规章 | 0 | 0 | 0",
            "行政规范性文件 | 3 | 2 | 10",
            "第二十条第（五）项",
            "信息内容 | 本年处理决定数量",
            "行政许可 | 12",
            "第二十条第（六）项",
            "信息内容 | 本年处理决定数量",
            "行政处罚 | 3",
            "行政强制 | 0",
            "第二十条第（八）项",
            "信息内容 | 本年收费金额（单位：万元）",
            "行政事业性收费 | 0"));

        Assert.Equal("2021", result.TemplateId);
        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.decisions", 12);
        // 本年新制作数量 is not 本年制发件数: the (一) numbers are not put into 2021 columns.
        Assert.All(result.Cells.Where(c => c.Cell.Table.Id == "regulatoryDocuments"), c => Assert.Equal(CellStatus.Missing, c.Status));
        var foreign = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.ForeignColumns);
        Assert.Equal(6, foreign.Cells.Count);
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.MixedTemplates && f.Message.Contains("本年新制作数量"));
    }

    [Fact]
    public void A_page_whose_tables_were_images_gives_no_values_and_one_clear_finding()
    {
        var result = ReportReader.Read(Lines(
            "某县2021年政府信息公开工作年度报告",
            "一、总体情况",
            "本年度我县认真贯彻落实《条例》，各项工作有序推进。",
            "二、主动公开政府信息情况",
            "[image: table1.png]",
            "三、收到和处理政府信息公开申请情况",
            "[image: table2.png]",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况"));

        Assert.Null(result.Report);
        Assert.Equal("2021", result.TemplateId);
        Assert.Equal(2021, result.Year);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ExtractionIssue.NoTableValues, finding.Issue);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Text_that_is_not_an_annual_report_gives_no_report_and_one_error()
    {
        var result = ReportReader.Read("关于做好2021年春节期间安全生产工作的通知\n各乡镇：现将有关事项通知如下。一、提高认识。二、加强检查。");
        Assert.Null(result.Report);
        Assert.Null(result.Template);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ExtractionIssue.NotAReport, finding.Issue);
        Assert.Equal(Validation.Severity.Error, finding.Severity);
        Assert.Empty(result.Cells);
    }

    [Fact]
    public void A_text_cut_off_mid_table_is_partial_with_the_missing_rows_and_tables_named()
    {
        string text = SampleExtractionTests.Text("2020-mianyang-town");
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = ReportReader.Read(string.Join("\n", lines.Take(200)));
        Assert.Equal("2019", result.TemplateId);
        Assert.True(result.Sections.Single(s => s.Section.Id == "proactiveDisclosure").IsComplete);
        Assert.False(result.Sections.Single(s => s.Section.Id == "applications").IsComplete);
        Assert.Equal(15, result.Sections.Single(s => s.Section.Id == "reviews").Missing);
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.TableNotFound && f.Cells.Count == 15);
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.RowNotFound && f.Message.Contains("四、结转下年度继续办理"));
        // Row 5.属于三类内部事务信息 is cut after four of its seven numbers: not placed.
        Assert.Contains(result.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch && f.Cells[0].Row.Id == "internalAffairs");
    }

    [Fact]
    public void Sub_rows_printed_without_labels_are_read_by_position_only_when_the_count_is_exact()
    {
        string Withheld(int count) => Lines(
            "三、收到和处理政府信息公开申请情况",
            "(三)不予公开",
            string.Join(" ", Enumerable.Range(1, count)),
            "(四)无法提供");
        var exact = ReportReader.Read(Withheld(56), new ReadOptions { TemplateId = "2019" });
        Reported(exact, "applications.results.withheld.stateSecret.naturalPerson", 1);
        Reported(exact, "applications.results.withheld.queryMatters.total", 56);
        Assert.Contains(exact.Findings, f => f.Issue == ExtractionIssue.RowsByPosition);

        var off = ReportReader.Read(Withheld(55), new ReadOptions { TemplateId = "2019" });
        Assert.All(off.Cells.Where(c => c.Cell.Row.Parent?.Id == "withheld"), c => Assert.Equal(CellStatus.Missing, c.Status));
        Assert.Contains(off.Findings, f => f.Issue == ExtractionIssue.CellCountMismatch && f.Cells.Count == 56);
    }

    [Fact]
    public void Numbers_a_column_cannot_hold_and_unreadable_cells_are_left_missing_with_a_finding_each()
    {
        var result = ReportReader.Read(Lines(
            "第二十条第（五）项",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政许可 | 1.5 | 2 | 0O",
            "其他对外管理服务事项 | -3 | 0 | 4"));

        Reported(result, "proactiveDisclosure.licensing.administrativeLicensing.change", 2);
        Reported(result, "proactiveDisclosure.licensing.otherServices.decisions", 4);
        var invalid = result.Findings.Where(f => f.Issue == ExtractionIssue.InvalidValue).ToList();
        Assert.Equal(new[] { "proactiveDisclosure.licensing.administrativeLicensing.previousItems", "proactiveDisclosure.licensing.otherServices.previousItems" },
            invalid.Select(f => Assert.Single(f.Cells).Path));
        var unreadable = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.UnparseableCell);
        Assert.Equal("0O", unreadable.Text);
        Assert.Equal(new SourcePosition(3, 18), unreadable.Position);
        Assert.Equal(CellStatus.Missing, Cell(result, "proactiveDisclosure.licensing.administrativeLicensing.decisions").Status);
    }

    [Fact]
    public void A_misspelt_sub_row_label_is_matched_by_its_number_under_its_group_and_said_so()
    {
        var result = ReportReader.Read(Lines(
            "三、收到和处理政府信息公开申请情况",
            "（三）不予公开",
            "5.属于三类内部事物信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1"), new ReadOptions { TemplateId = "2021" });

        Reported(result, "applications.results.withheld.internalAffairs.naturalPerson", 1);
        var approximate = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.ApproximateLabel);
        Assert.Contains("5.属于三类内部事务信息", approximate.Message);
    }

    [Fact]
    public void Options_override_the_template_year_and_agency_and_say_so()
    {
        string text = SampleExtractionTests.Text("2020-mianyang-town");
        var result = ReportReader.Read(text, new ReadOptions { TemplateId = "2021", Year = 2021, Agency = "某镇", Language = Validation.MessageLanguage.English });
        Assert.Equal("2021", result.TemplateId);
        Assert.Equal(2021, result.Year);
        Assert.Equal("某镇", result.Agency);
        var overridden = Assert.Single(result.Findings, f => f.Issue == ExtractionIssue.TemplateOverridden);
        Assert.Contains("fit template 2019 better", overridden.Message);
        Assert.Throws<ArgumentException>(() => ReportReader.Read(text, new ReadOptions { TemplateId = "1999" }));
    }

    [Fact]
    public void Every_finding_has_a_stable_code_severity_and_message_in_both_languages()
    {
        var chinese = SampleExtractionTests.Read("2020-shaxian-huyuan-township").Findings;
        var english = ReportReader.Read(SampleExtractionTests.Text("2020-shaxian-huyuan-township"), new ReadOptions { Language = Validation.MessageLanguage.English }).Findings;
        Assert.Equal(chinese.Select(f => f.Code), english.Select(f => f.Code));
        Assert.All(chinese, f => Assert.Matches("^EX[0-9]{2}$", f.Code));
        Assert.All(chinese, f => Assert.Matches("[\u4e00-\u9fff]", f.Message));
        Assert.All(english, f => Assert.DoesNotMatch("^[\u4e00-\u9fff]", f.Message));
        Assert.Equal(Enum.GetValues<ExtractionIssue>().Select(i => i.Code()).Distinct().Count(), Enum.GetValues<ExtractionIssue>().Length);
    }
}

internal static class FindingExtensions
{
    public static int Line(this ExtractionFinding finding) => Assert.NotNull(finding.Position).Line;
}
