using System.Collections.Generic;
using System.Text;

namespace GovInfoReports.Documents;

/// <summary>
/// Characters some fonts' ToUnicode maps give for ordinary ideographs: Kangxi radicals (⼀ ⾏, U+2F00–U+2FD5) and CJK
/// compatibility ideographs (U+F900–U+FAFF), mapped as NFKC maps them; CJK radicals supplement forms (⺠ ⻓ ⻔,
/// U+2E80–U+2EFF), most of which NFKC leaves alone, mapped here to the ideograph each stands for (Unicode's
/// EquivalentUnifiedIdeograph data, the simplified forms that Chinese fonts use); and Latin ligatures (ﬁ).
/// The mappings are tables here (Unicode 14 data), not <see cref="string.Normalize()"/>: with invariant globalization —
/// no ICU, the default of trimmed and container builds — the framework's normalisation leaves them all alone, and the
/// tables of a report printed by Chromium would not be read.
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

    // Kangxi radical U+2F00 + i → KangxiIdeographs[i] (NFKC, Unicode 14).
    private const string KangxiIdeographs =
        "\u4E00\u4E28\u4E36\u4E3F\u4E59\u4E85\u4E8C\u4EA0\u4EBA\u513F\u5165\u516B\u5182\u5196\u51AB\u51E0"
        + "\u51F5\u5200\u529B\u52F9\u5315\u531A\u5338\u5341\u535C\u5369\u5382\u53B6\u53C8\u53E3\u56D7\u571F"
        + "\u58EB\u5902\u590A\u5915\u5927\u5973\u5B50\u5B80\u5BF8\u5C0F\u5C22\u5C38\u5C6E\u5C71\u5DDB\u5DE5"
        + "\u5DF1\u5DFE\u5E72\u5E7A\u5E7F\u5EF4\u5EFE\u5F0B\u5F13\u5F50\u5F61\u5F73\u5FC3\u6208\u6236\u624B"
        + "\u652F\u6534\u6587\u6597\u65A4\u65B9\u65E0\u65E5\u66F0\u6708\u6728\u6B20\u6B62\u6B79\u6BB3\u6BCB"
        + "\u6BD4\u6BDB\u6C0F\u6C14\u6C34\u706B\u722A\u7236\u723B\u723F\u7247\u7259\u725B\u72AC\u7384\u7389"
        + "\u74DC\u74E6\u7518\u751F\u7528\u7530\u758B\u7592\u7676\u767D\u76AE\u76BF\u76EE\u77DB\u77E2\u77F3"
        + "\u793A\u79B8\u79BE\u7A74\u7ACB\u7AF9\u7C73\u7CF8\u7F36\u7F51\u7F8A\u7FBD\u8001\u800C\u8012\u8033"
        + "\u807F\u8089\u81E3\u81EA\u81F3\u81FC\u820C\u821B\u821F\u826E\u8272\u8278\u864D\u866B\u8840\u884C"
        + "\u8863\u897E\u898B\u89D2\u8A00\u8C37\u8C46\u8C55\u8C78\u8C9D\u8D64\u8D70\u8DB3\u8EAB\u8ECA\u8F9B"
        + "\u8FB0\u8FB5\u9091\u9149\u91C6\u91CC\u91D1\u9577\u9580\u961C\u96B6\u96B9\u96E8\u9751\u975E\u9762"
        + "\u9769\u97CB\u97ED\u97F3\u9801\u98A8\u98DB\u98DF\u9996\u9999\u99AC\u9AA8\u9AD8\u9ADF\u9B25\u9B2F"
        + "\u9B32\u9B3C\u9B5A\u9CE5\u9E75\u9E7F\u9EA5\u9EBB\u9EC3\u9ECD\u9ED1\u9EF9\u9EFD\u9F0E\u9F13\u9F20"
        + "\u9F3B\u9F4A\u9F52\u9F8D\u9F9C\u9FA0";

    // CJK compatibility ideograph U+F900 + i → CompatibilityIdeographs[i] (NFKC, Unicode 14); \0 where NFKC keeps the
    // character (the twelve unified ideographs of the block, and unassigned code points) or maps it out of the BMP.
    private const string CompatibilityIdeographs =
        "\u8C48\u66F4\u8ECA\u8CC8\u6ED1\u4E32\u53E5\u9F9C\u9F9C\u5951\u91D1\u5587\u5948\u61F6\u7669\u7F85"
        + "\u863F\u87BA\u88F8\u908F\u6A02\u6D1B\u70D9\u73DE\u843D\u916A\u99F1\u4E82\u5375\u6B04\u721B\u862D"
        + "\u9E1E\u5D50\u6FEB\u85CD\u8964\u62C9\u81D8\u881F\u5ECA\u6717\u6D6A\u72FC\u90CE\u4F86\u51B7\u52DE"
        + "\u64C4\u6AD3\u7210\u76E7\u8001\u8606\u865C\u8DEF\u9732\u9B6F\u9DFA\u788C\u797F\u7DA0\u83C9\u9304"
        + "\u9E7F\u8AD6\u58DF\u5F04\u7C60\u807E\u7262\u78CA\u8CC2\u96F7\u58D8\u5C62\u6A13\u6DDA\u6F0F\u7D2F"
        + "\u7E37\u964B\u52D2\u808B\u51DC\u51CC\u7A1C\u7DBE\u83F1\u9675\u8B80\u62CF\u6A02\u8AFE\u4E39\u5BE7"
        + "\u6012\u7387\u7570\u5317\u78FB\u4FBF\u5FA9\u4E0D\u6CCC\u6578\u7D22\u53C3\u585E\u7701\u8449\u8AAA"
        + "\u6BBA\u8FB0\u6C88\u62FE\u82E5\u63A0\u7565\u4EAE\u5169\u51C9\u6881\u7CE7\u826F\u8AD2\u91CF\u52F5"
        + "\u5442\u5973\u5EEC\u65C5\u6FFE\u792A\u95AD\u9A6A\u9E97\u9ECE\u529B\u66C6\u6B77\u8F62\u5E74\u6190"
        + "\u6200\u649A\u6F23\u7149\u7489\u79CA\u7DF4\u806F\u8F26\u84EE\u9023\u934A\u5217\u52A3\u54BD\u70C8"
        + "\u88C2\u8AAA\u5EC9\u5FF5\u637B\u6BAE\u7C3E\u7375\u4EE4\u56F9\u5BE7\u5DBA\u601C\u73B2\u7469\u7F9A"
        + "\u8046\u9234\u96F6\u9748\u9818\u4F8B\u79AE\u91B4\u96B8\u60E1\u4E86\u50DA\u5BEE\u5C3F\u6599\u6A02"
        + "\u71CE\u7642\u84FC\u907C\u9F8D\u6688\u962E\u5289\u677B\u67F3\u6D41\u6E9C\u7409\u7559\u786B\u7D10"
        + "\u985E\u516D\u622E\u9678\u502B\u5D19\u6DEA\u8F2A\u5F8B\u6144\u6817\u7387\u9686\u5229\u540F\u5C65"
        + "\u6613\u674E\u68A8\u6CE5\u7406\u75E2\u7F79\u88CF\u88E1\u91CC\u96E2\u533F\u6EBA\u541D\u71D0\u7498"
        + "\u85FA\u96A3\u9C57\u9E9F\u6797\u6DCB\u81E8\u7ACB\u7B20\u7C92\u72C0\u7099\u8B58\u4EC0\u8336\u523A"
        + "\u5207\u5EA6\u62D3\u7CD6\u5B85\u6D1E\u66B4\u8F3B\u884C\u964D\u898B\u5ED3\u5140\u55C0\u0000\u0000"
        + "\u585A\u0000\u6674\u0000\u0000\u51DE\u732A\u76CA\u793C\u795E\u7965\u798F\u9756\u7CBE\u7FBD\u0000"
        + "\u8612\u0000\u8AF8\u0000\u0000\u9038\u90FD\u0000\u0000\u0000\u98EF\u98FC\u9928\u9DB4\u90DE\u96B7"
        + "\u4FAE\u50E7\u514D\u52C9\u52E4\u5351\u559D\u5606\u5668\u5840\u58A8\u5C64\u5C6E\u6094\u6168\u618E"
        + "\u61F2\u654F\u65E2\u6691\u6885\u6D77\u6E1A\u6F22\u716E\u722B\u7422\u7891\u793E\u7949\u7948\u7950"
        + "\u7956\u795D\u798D\u798E\u7A40\u7A81\u7BC0\u7DF4\u7E09\u7E41\u7F72\u8005\u81ED\u8279\u8279\u8457"
        + "\u8910\u8996\u8B01\u8B39\u8CD3\u8D08\u8FB6\u9038\u96E3\u97FF\u983B\u6075\u0000\u8218\u0000\u0000"
        + "\u4E26\u51B5\u5168\u4F80\u5145\u5180\u52C7\u52FA\u559D\u5555\u5599\u55E2\u585A\u58B3\u5944\u5954"
        + "\u5A62\u5B28\u5ED2\u5ED9\u5F69\u5FAD\u60D8\u614E\u6108\u618E\u6160\u61F2\u6234\u63C4\u641C\u6452"
        + "\u6556\u6674\u6717\u671B\u6756\u6B79\u6BBA\u6D41\u6EDB\u6ECB\u6F22\u701E\u716E\u77A7\u7235\u72AF"
        + "\u732A\u7471\u7506\u753B\u761D\u761F\u76CA\u76DB\u76F4\u774A\u7740\u78CC\u7AB1\u7BC0\u7C7B\u7D5B"
        + "\u7DF4\u7F3E\u8005\u8352\u83EF\u8779\u8941\u8986\u8996\u8ABF\u8AF8\u8ACB\u8B01\u8AFE\u8AED\u8B39"
        + "\u8B8A\u8D08\u8F38\u9072\u9199\u9276\u967C\u96E3\u9756\u97DB\u97FF\u980B\u983B\u9B12\u9F9C\u0000"
        + "\u0000\u0000\u3B9D\u4018\u4039\u0000\u0000\u0000\u9F43\u9F8E\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000";

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
            else if (c >= '\u2F00' && c < '\u2F00' + KangxiIdeographs.Length)
                text.Append(KangxiIdeographs[c - '\u2F00']);
            else if (c >= '\uF900' && c < '\uF900' + CompatibilityIdeographs.Length && CompatibilityIdeographs[c - '\uF900'] != '\0')
                text.Append(CompatibilityIdeographs[c - '\uF900']);
            else
                text.Append(Wide(c) ?? c.ToString());
        }

        return text.ToString();
    }

    /// <summary>The forms that become more than one UTF-16 unit: ligatures, and ideographs beyond the BMP.</summary>
    private static string? Wide(char c) => c switch
    {
        // The compatibility ideographs whose ideograph lies outside the Basic Multilingual Plane (a surrogate pair).
        '\uFA6C' => char.ConvertFromUtf32(0x242EE),
        '\uFACF' => char.ConvertFromUtf32(0x2284A),
        '\uFAD0' => char.ConvertFromUtf32(0x22844),
        '\uFAD1' => char.ConvertFromUtf32(0x233D5),
        '\uFAD5' => char.ConvertFromUtf32(0x25249),
        '\uFAD6' => char.ConvertFromUtf32(0x25CD0),
        '\uFAD7' => char.ConvertFromUtf32(0x27ED3),
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => null,
    };
}
