// Traditional → Simplified character pairs for the vocabulary of government information disclosure annual reports.
namespace GovInfoReports.Extraction;

internal static class ChineseScriptData
{
    /// <summary>Pairs of characters: even index = Traditional form, odd index = its Simplified form.</summary>
    internal const string TraditionalSimplifiedPairs =
        "侷局係系個个們们備备傢家內内則则劃划動动務务勝胜" +
        "區区參参員员問问單单噹当嚴严國国執执堅坚報报夠够" +
        "實实審审寬宽將将專专對对導导層层屬属幹干廢废廣广" +
        "廳厅強强彥彦後后從从復复徹彻應应戶户捲卷採采據据" +
        "數数於于時时暫暂曆历書书會会枱台條条業业極极構构" +
        "標标機机檔档檯台欄栏權权歷历歸归決决沒没況况減减" +
        "準准為为無无熱热營营爲为爾尔獲获現现環环當当發发" +
        "盡尽監监眾众確确祕秘積积穩稳穫获箇个節节範范糾纠" +
        "納纳級级細细組组結结統统經经維维網网線线編编縣县" +
        "總总績绩織织繫系繳缴繼继續续纍累罰罚職职聽听臺台" +
        "與与舉举華华萬万處处號号裏里補补裡里製制複复見见" +
        "規规視视親亲計计訓训記记訟讼訪访設设許许訴诉詢询" +
        "試试認认誰谁調调請请議议護护讀读豐丰負负貫贯責责" +
        "費费質质購购踰逾轉转辦办這这進进運运過过鄉乡針针" +
        "錄录鎭镇鎮镇長长門门開开閤合閱阅關关隊队隻只項项" +
        "領领題题額额類类颱台餘余體体髮发麼么點点黨党齣出";
}
