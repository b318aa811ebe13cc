using System;
using System.Text;

namespace GovInfoReports.Extraction;

/// <summary>Operations on label keys (see <see cref="ReportText.LabelKey"/>): list numbers and bracketed notes.</summary>
internal static class LabelForms
{
    private const string Numerals = "一二三四五六七八九十";

    /// <summary>
    /// Splits a leading list number off a key: <c>一、</c>, <c>(一)</c>, <c>1.</c>, <c>1、</c>, <c>(1)</c>. The number is
    /// returned normalised (<c>1、</c> and <c>(1)</c> become <c>1.</c>), or empty when there is none.
    /// </summary>
    public static string SplitNumber(string key, out string rest)
    {
        int i = 0;
        if (key.Length > 2 && key[0] == '(')
        {
            int j = 1;
            bool chinese = Numerals.IndexOf(key[1]) >= 0;
            while (j < key.Length && (chinese ? Numerals.IndexOf(key[j]) >= 0 : char.IsDigit(key[j])))
                j++;
            if (j > 1 && j < key.Length && key[j] == ')')
            {
                rest = key.Substring(j + 1);
                return chinese ? key.Substring(0, j + 1) : key.Substring(1, j - 1) + ".";
            }

            rest = key;
            return "";
        }

        if (key.Length > 1 && Numerals.IndexOf(key[0]) >= 0)
        {
            while (i < key.Length && Numerals.IndexOf(key[i]) >= 0)
                i++;
            if (i < key.Length && key[i] == '、')
            {
                rest = key.Substring(i + 1);
                return key.Substring(0, i + 1);
            }

            rest = key;
            return "";
        }

        if (key.Length > 1 && key[0] >= '0' && key[0] <= '9')
        {
            while (i < key.Length && key[i] >= '0' && key[i] <= '9')
                i++;
            if (i < key.Length && (key[i] == '.' || key[i] == '、'))
            {
                rest = key.Substring(i + 1);
                return key.Substring(0, i) + ".";
            }
        }

        rest = key;
        return "";
    }

    /// <summary>Whether a list number (as <see cref="SplitNumber"/> returns it) is a Chinese numeral list number (<c>五、</c>), as section headings have.</summary>
    public static bool IsChineseListNumber(string number) => number.Length > 0 && number[number.Length - 1] == '、';

    /// <summary>The key without its bracketed notes: <c>现行有效件数(历史累计)</c> → <c>现行有效件数</c>.</summary>
    public static string RemoveNotes(string key)
    {
        if (key.IndexOf('(') < 0)
            return key;
        var builder = new StringBuilder(key.Length);
        int depth = 0;
        foreach (char c in key)
        {
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (depth == 0)
                builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Share of characters in common (as multisets), relative to the longer key.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return 0;
        var counts = new System.Collections.Generic.Dictionary<char, int>();
        foreach (char c in a)
            counts[c] = counts.TryGetValue(c, out int n) ? n + 1 : 1;
        int common = 0;
        foreach (char c in b)
        {
            if (counts.TryGetValue(c, out int n) && n > 0)
            {
                counts[c] = n - 1;
                common++;
            }
        }

        return (double)common / Math.Max(a.Length, b.Length);
    }
}
