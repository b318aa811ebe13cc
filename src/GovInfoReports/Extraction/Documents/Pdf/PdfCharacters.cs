using System.Collections.Generic;
using System.Text;
using GovInfoReports.Extraction;

namespace GovInfoReports.Documents;

/// <summary>
/// Characters some fonts' ToUnicode maps give for ordinary ideographs: Kangxi radicals (⼀ ⾏, U+2F00–U+2FD5) and CJK
/// compatibility ideographs (U+F900–U+FAFF), mapped as NFKC maps them; CJK radicals supplement forms (⺠ ⻓ ⻔,
/// U+2E80–U+2EFF), most of which NFKC leaves alone, mapped here to the ideograph each stands for (Unicode's
/// EquivalentUnifiedIdeograph data, the simplified forms that Chinese fonts use); and Latin ligatures (ﬁ).
/// NFKC comes from the library's own table (<see cref="GovInfoReports.Extraction.CompatibilityData"/>), not from
/// <see cref="string.Normalize()"/>: with invariant globalization — no ICU, the default of trimmed and container builds —
/// the framework's normalisation leaves them all alone, and the tables of a report printed by Chromium would not be read.
/// </summary>
internal static class PdfCharacters
{
    // Radical supplement form → unified ideograph (code points, so that this table is data, not report wording).
    private static readonly Dictionary<char, char> Radicals = new()
    {
        ['\u2E81'] = '\u5382', ['\u2E87'] = '\u51E0', ['\u2E8C'] = '\u5C0F', ['\u2E95'] = '\u5F50', ['\u2E9F'] = '\u6BCD',
        ['\u2EA0'] = '\u6C11', ['\u2EAC'] = '\u793A', ['\u2EAE'] = '\u7AF9', ['\u2EB6'] = '\u7F8A', ['\u2EBB'] = '\u807F',
        ['\u2EC1'] = '\u864E', ['\u2EC4'] = '\u897F', ['\u2EC5'] = '\u89C1', ['\u2EC6'] = '\u89D2', ['\u2EC8'] = '\u8BA0',
        ['\u2EC9'] = '\u8D1D', ['\u2ECB'] = '\u8F66', ['\u2ECF'] = '\u961D', ['\u2ED1'] = '\u9577', ['\u2ED3'] = '\u957F',
        ['\u2ED4'] = '\u95E8', ['\u2ED6'] = '\u961D', ['\u2ED8'] = '\u9752', ['\u2ED9'] = '\u97E6', ['\u2EDA'] = '\u9875',
        ['\u2EDB'] = '\u98CE', ['\u2EDC'] = '\u98DE', ['\u2EDD'] = '\u98DF', ['\u2EE2'] = '\u9A6C', ['\u2EE3'] = '\u9AA8',
        ['\u2EE4'] = '\u9B3C', ['\u2EE5'] = '\u9C7C', ['\u2EE6'] = '\u9E1F', ['\u2EE7'] = '\u5364', ['\u2EE8'] = '\u9EA6',
        ['\u2EE9'] = '\u9EC4', ['\u2EEC'] = '\u9F50', ['\u2EEE'] = '\u9F7F', ['\u2EF0'] = '\u9F99', ['\u2EF3'] = '\u9F9F',
    };

    /// <summary><paramref name="value"/> with those forms replaced; the same string when it has none.</summary>
    public static string Normalize(string value)
    {
        foreach (char c in value)
        {
            if ((c >= '\u2E80' && c <= '\u2FDF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFB00' && c <= '\uFB06'))
                return Map(value);
        }

        return value;
    }

    private static string Map(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (Radicals.TryGetValue(c, out var radical))
                text.Append(radical);
            else if (CompatibilityData.TryMap(c, out var mapped))
                text.Append(mapped);
            else
                text.Append(c);
        }

        return text.ToString();
    }
}
