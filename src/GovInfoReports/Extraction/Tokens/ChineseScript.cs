using System;

namespace GovInfoReports.Extraction;

/// <summary>
/// Traditional → Simplified conversion of single characters, limited to the vocabulary of annual reports
/// (template labels, headings, agency names). It never changes a Simplified character.
/// </summary>
internal static class ChineseScript
{
    private static readonly char[] Map = BuildMap();

    /// <summary>The Simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static char ToSimplified(char c) => Map[c];

    /// <summary>Whether <paramref name="c"/> is a CJK unified ideograph of the basic block.</summary>
    public static bool IsIdeograph(char c) => c >= '\u4E00' && c <= '\u9FFF';

    private static char[] BuildMap()
    {
        var map = new char[char.MaxValue + 1];
        for (int i = 0; i < map.Length; i++)
            map[i] = (char)i;
        string pairs = ChineseScriptData.TraditionalSimplifiedPairs;
        if (pairs.Length % 2 != 0)
            throw new InvalidOperationException("The Traditional → Simplified table has an odd length.");
        for (int i = 0; i < pairs.Length; i += 2)
            map[pairs[i]] = pairs[i + 1];
        return map;
    }
}
