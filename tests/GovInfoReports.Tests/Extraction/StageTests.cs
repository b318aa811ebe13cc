using System.Collections.Generic;
using System.Linq;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

/// <summary>Each stage of a read on its own input: tokens from a line, alignment from tokens, metadata from a title.</summary>
public sealed class StageTests
{
    private static readonly ValueWords Words = ReportWording.Default.Values;

    [Fact]
    public void Tokens_of_a_pipe_row_with_an_empty_cell_between_numbers()
    {
        var tokens = Tokenize("规章 | 3 | | 5");
        Assert.Equal(new[] { TokenKind.Text, TokenKind.Value, TokenKind.Blank, TokenKind.Value }, tokens.AsSpan().ToArray().Select(t => t.Kind));
        Assert.Equal(new[] { 1, 6, 9, 12 }, tokens.AsSpan().ToArray().Select(t => t.Column));
        Assert.Equal("规章", tokens.Key(0));
        Assert.Equal(3, tokens[1].Int32);
        Assert.True(tokens[1].IsPlainCount);
    }

    [Fact]
    public void Tokens_an_empty_cell_between_a_label_and_a_number_is_a_gap_the_row_decides()
    {
        // It may be the second column of a merged label or a blank cell: the row's column count decides.
        var tokens = Tokenize("规章 | | 3 | 5");
        Assert.Equal(new[] { TokenKind.Text, TokenKind.Blank, TokenKind.Value, TokenKind.Value }, tokens.AsSpan().ToArray().Select(t => t.Kind));
        Assert.Equal(new[] { false, true, false, false }, tokens.AsSpan().ToArray().Select(t => t.Gap));
    }

    [Fact]
    public void Tokens_empty_cells_after_the_last_number_are_gaps_and_the_closing_separator_is_no_cell()
    {
        var tokens = Tokenize("规章 | 3 | | |");
        Assert.Equal(new[] { TokenKind.Text, TokenKind.Value, TokenKind.Blank, TokenKind.Blank }, tokens.AsSpan().ToArray().Select(t => t.Kind));
        Assert.Equal(new[] { false, false, true, true }, tokens.AsSpan().ToArray().Select(t => t.Gap));
    }

    [Fact]
    public void Tokens_a_label_followed_by_empty_cells_only_has_gaps_and_a_header_line_none()
    {
        var row = Tokenize("规章 | | |");
        Assert.Equal(new[] { false, true, true }, row.AsSpan().ToArray().Select(t => t.Gap));
        // Text, empty cells, text: a header line, whose empty cells are under a merged heading.
        var header = Tokenize("行政复议 | | 行政诉讼 | |");
        Assert.All(header.AsSpan().ToArray(), t => Assert.Equal(TokenKind.Text, t.Kind));
    }

    [Fact]
    public void Tokens_a_markdown_rule_is_no_row()
    {
        var tokens = Tokenize("| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 1 |");
        Assert.DoesNotContain(tokens.AsSpan().ToArray(), t => t.Line == 2);
        Assert.Equal(4, tokens.Count);
    }

    [Theory]
    [InlineData("1.属于国家秘密", "Text", null)]
    [InlineData("+98", "Value", 98)]
    [InlineData("减4", "Value", -4)]
    [InlineData("12件", "Value", 12)]
    [InlineData("１２", "Value", 12)]
    [InlineData("—", "Blank", null)]
    [InlineData("1,2345", "Unparseable", null)]
    public void Tokens_one_word(string word, string kind, int? value)
    {
        var tokens = Tokenize(word);
        var token = Assert.Single(tokens.AsSpan().ToArray());
        Assert.Equal(kind, token.Kind.ToString());
        if (value is { } expected)
            Assert.Equal(expected, token.Int32);
    }

    [Fact]
    public void Tokens_a_unit_and_a_note_printed_after_a_number_belong_to_it()
    {
        var tokens = Tokenize("67.74 万 （其中修订16件）");
        var token = Assert.Single(tokens.AsSpan().ToArray());
        Assert.Equal(ValueUnit.TenThousandYuan, token.Unit);
        Assert.Equal(67.74m, tokens.Number(in token));
        Assert.Equal("其中修订16件", tokens.Note(in token));
    }

    [Fact]
    public void Alignment_places_a_rows_numbers_in_its_cells_and_names_what_is_missing()
    {
        var template = TemplateRegistry.Find("2021")!;
        var tokens = Tokenize("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n二、上年结转政府信息公开申请数量\t0\t0\t0");
        var vocabulary = TemplateVocabulary.For(template, ReportWording.Default);
        var matcher = TemplateMatcher.Rent(vocabulary, ReportWording.Default, [], tokens, MessageLanguage.English);
        try
        {
            matcher.Run();
            matcher.Finish();
            var row = template.Cells.Where(c => c.Row.Id == "newlyReceived").ToList();
            Assert.Equal(new int?[] { 1, 2, 3, 4, 5, 6, 21 }, row.Select(c => matcher.Cells.Values[c.Index].ToInt32()));
            Assert.All(row, c => Assert.Equal(CellStatus.Reported, matcher.Cells.Statuses[c.Index]));
            Assert.Equal(7, matcher.Cells.Found);
            // Three numbers for seven columns: none is placed, and the finding says so.
            Assert.Contains(matcher.Findings.List, f => f.Issue == ExtractionIssue.CellCountMismatch && f.Cells.All(c => c.Row.Id == "carriedOver"));
            Assert.Contains(matcher.Findings.List, f => f.Issue == ExtractionIssue.TableNotFound);
        }
        finally
        {
            matcher.Return();
        }
    }

    [Theory]
    [InlineData("某某县人民政府办公室2021年政府信息公开工作年度报告\n正文", "某某县人民政府办公室", 2021)]
    [InlineData("首页 > 政务公开\n关于某某镇2023年度政府信息公开工作年度报告\n正文", "某某镇", 2023)]
    [InlineData("某某乡政府信息公开年度报告\n2020年，我乡……2020年度……2019年", "某某乡", 2020)]
    public void Metadata_from_the_title_else_the_year_most_named(string text, string agency, int year)
    {
        ReportMetadata.Find(text, ReportWording.Default, out int? foundYear, out string? foundAgency);
        Assert.Equal(agency, foundAgency);
        Assert.Equal(year, foundYear);
    }

    private static TokenList Tokenize(string text)
    {
        var tokens = new TokenList();
        tokens.Start(text);
        Tokenizer.Tokenize(text, Words, tokens);
        return tokens;
    }
}
