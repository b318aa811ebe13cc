using System.Linq;
using GovInfoReports.Extraction;
using GovInfoReports.Templates;
using Xunit;

namespace GovInfoReports.Tests.Extraction;

public class NormalizationTests
{
    [Theory]
    [InlineData("五原縣和勝鄉(xiāng)2021年", "五原县和胜乡2021年")]
    [InlineData("(區(qū)分處理的,只計這一情形)", "(区分处理的,只计这一情形)")]
    [InlineData("３．危及“三安全一穩(wěn)定”", "3.危及“三安全一稳定”")]
    [InlineData("[bookmark: _GoBack]處理決定數量", "处理决定数量")]
    [InlineData("第二十条第（一）项", "第二十条第(一)项")]
    [InlineData("本年收费金额（单位：万元）", "本年收费金额(单位:万元)")]
    [InlineData("规章\u00A0&nbsp;0", "规章  0")]
    [InlineData("(一)项 (de) 字(a)", "(一)项 (de) 字")]
    public void Text_is_normalised_as_the_matcher_sees_it(string input, string expected) =>
        Assert.Equal(expected, ReportText.Normalize(input));

    [Fact]
    public void Label_keys_ignore_whitespace_and_quote_style()
    {
        Assert.Equal(ReportText.LabelKey("3.危及“三安全一稳定”"), ReportText.LabelKey("3.危及\"三安全一稳定\""));
        Assert.Equal(ReportText.LabelKey("三、本年度办理结果"), ReportText.LabelKey("三、 本 年 度 办 理 结 果"));
        Assert.Equal(ReportText.LabelKey("自然人"), ReportText.LabelKey("自然 人"));
    }

    [Fact]
    public void Normalisation_never_changes_the_simplified_vocabulary_of_any_template()
    {
        foreach (var template in TemplateRegistry.All)
        {
            var labels = template.Sections.SelectMany(s => s.Tables.SelectMany(t =>
                    t.Columns.SelectMany(c => c.Aliases.Append(c.Label).Append(c.Group ?? ""))
                        .Concat(new[] { t.Caption ?? "", t.Note ?? "", t.RowHeader ?? "", t.ColumnsCaption ?? "" })
                        .Concat(t.Cells.Select(c => c.Row.FullLabel))
                        .Concat(t.Aliases))
                    .Append(s.Heading).Concat(s.Aliases))
                .Concat(template.Markers);
            foreach (string label in labels)
            {
                // Only the compatibility forms (full-width brackets, colon, comma) may change, never a character.
                string folded = new string(label.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray());
                Assert.Equal(folded, ReportText.Normalize(label));
            }
        }
    }
}
