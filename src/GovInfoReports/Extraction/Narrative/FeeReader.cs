using System;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>
/// What a report states of the information-processing fees it charged (the 2021 format asks for it under
/// 六、其他需要报告的事项): none (<c>本年度未收取信息处理费</c>), or an amount (<c>收取信息处理费共计400元</c>).
/// </summary>
/// <param name="NotCharged">The report says no fee was charged.</param>
/// <param name="Amount">The amount charged, when the report states one.</param>
/// <param name="Unit">The amount's unit (元 or 万元), as printed.</param>
/// <param name="Position">Where the statement's sentence starts (line and column from 1).</param>
/// <param name="Text">The sentence as printed.</param>
public sealed record FeeStatement(bool NotCharged, decimal? Amount, AmountUnit Unit, SourcePosition Position, string Text);

/// <summary>
/// Finds the fee statement: the first sentence (up to 。；; or the line's end) naming the fee (<see cref="FeeWording.Subjects"/>)
/// that says none was charged (<see cref="FeeWording.None"/>) or gives an amount in 元 or 万元.
/// </summary>
internal static class FeeReader
{
    public static FeeStatement? Find(string text, ReportTemplate template)
    {
        if (template.Fee is not { } wording)
            return null;
        foreach (var subject in wording.Subjects)
        {
            for (int at = text.IndexOf(subject, StringComparison.Ordinal); at >= 0; at = text.IndexOf(subject, at + subject.Length, StringComparison.Ordinal))
            {
                int start = at, end = at;
                while (start > 0 && text[start - 1] is not ('。' or '；' or ';' or '\n'))
                    start--;
                while (end < text.Length && text[end] is not ('。' or '；' or ';' or '\n'))
                    end++;
                string sentence = text.Substring(start, end - start);
                var position = NarrativeReader.Position(text, start);
                foreach (var none in wording.None)
                    if (sentence.Contains(none, StringComparison.Ordinal))
                        return new FeeStatement(true, null, AmountUnit.Unknown, position, sentence.Trim());
                if (Amount(sentence) is { } amount)
                    return new FeeStatement(amount.Value == 0, amount.Value, amount.Unit, position, sentence.Trim());
            }
        }

        return null;
    }

    /// <summary>The first number of the sentence followed (spaces aside) by 元 or 万元.</summary>
    private static (decimal Value, AmountUnit Unit)? Amount(string sentence)
    {
        for (int i = 0; i < sentence.Length; i++)
        {
            if (!NarrativeReader.IsDigit(sentence[i]))
                continue;
            int start = i;
            while (i < sentence.Length && (NarrativeReader.IsDigit(sentence[i]) || (sentence[i] is ',' or '，' or '.' && i + 1 < sentence.Length && NarrativeReader.IsDigit(sentence[i + 1]))))
                i++;
            int next = i;
            while (next < sentence.Length && sentence[next] is ' ' or '\u3000')
                next++;
            var unit = next < sentence.Length && string.CompareOrdinal(sentence, next, AmountUnit.TenThousandYuan.ToSymbol(), 0, 2) == 0 ? AmountUnit.TenThousandYuan
                : next < sentence.Length && sentence[next] == AmountUnit.Yuan.ToSymbol()[0] ? AmountUnit.Yuan
                : AmountUnit.Unknown;
            if (unit != AmountUnit.Unknown && NarrativeReader.ParseDigits(sentence, start, i) is { } value)
                return (value, unit);
        }

        return null;
    }
}
