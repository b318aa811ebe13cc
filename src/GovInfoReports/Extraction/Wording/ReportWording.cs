using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GovInfoReports.Extraction;

/// <summary>
/// The words a report uses around and inside its tables that no template's descriptors carry: how its title names
/// the agency and the year, where its tables begin, a web page's navigation, generic column headers, printed variants
/// of label words, units and signs of values. Read from a data file (<c>schema/wording.json</c>, described by
/// <c>schema/wording.schema.json</c>), so that wording seen in new reports is added without code.
/// </summary>
/// <remarks>
/// Every word is compared by its matching key (<see cref="ReportText.LabelKey"/>: normalised, Simplified, without
/// spaces), so a file may list a word in either script. <see cref="Default"/> is the file shipped with the library;
/// <see cref="ReadOptions.Wording"/> reads with another one.
/// </remarks>
public sealed class ReportWording
{
    private static readonly Lazy<ReportWording> s_default = new(LoadDefault);

    private readonly string[] _noteYuan;
    private readonly string[] _noteTenThousandYuan;

    // The members of each object of the file, as schema/wording.schema.json declares them ("$schema" aside).
    private static readonly string[] RootMembers = ["title", "years", "pageChrome", "tablesBegin", "genericHeaders", "labelVariants", "units", "signs"];
    private static readonly (string Name, string[] Members)[] ObjectMembers =
    [
        ("title", ["namesReport", "endsWith", "agencyEndsBefore", "leadingWords", "agencyEndings"]),
        ("years", ["suffixes"]),
        ("pageChrome", ["words", "symbols"]),
        ("tablesBegin", ["contains", "lineStartsWith"]),
        ("genericHeaders", ["words", "numbered"]),
        ("units", ["yuan", "tenThousandYuan", "count", "inHeaderNotes"]),
        ("inHeaderNotes", ["yuan", "tenThousandYuan"]),
        ("signs", ["increase", "decrease"]),
        ("labelVariants", ["printed", "standsFor", "note"]),
    ];

    private ReportWording(JsonElement root)
    {
        CheckMembers(root, "the file", RootMembers);
        var title = Member(root, "title");
        NamesReport = Words(title, "namesReport");
        TitleEnds = Words(title, "endsWith");
        AgencyEndsBefore = Words(title, "agencyEndsBefore");
        LeadingWords = Words(title, "leadingWords");
        AgencyEndings = Words(title, "agencyEndings");
        YearSuffixes = Words(Member(root, "years"), "suffixes");
        var chrome = Member(root, "pageChrome");
        ChromeWords = Concat(Words(chrome, "words"), Words(chrome, "symbols"));
        var begin = Member(root, "tablesBegin");
        TablesBeginWithin = Words(begin, "contains");
        TablesBeginAtLineStart = Words(begin, "lineStartsWith");
        var generic = Member(root, "genericHeaders");
        GenericHeaders = new HashSet<string>(Words(generic, "words"), StringComparer.Ordinal);
        NumberedHeaders = Words(generic, "numbered");
        LabelVariants = Variants(Member(root, "labelVariants"));
        var units = Member(root, "units");
        var signs = Member(root, "signs");
        var notes = Member(units, "inHeaderNotes");
        _noteYuan = Words(notes, "yuan");
        _noteTenThousandYuan = Words(notes, "tenThousandYuan");
        Values = new ValueWords(
            Words(units, "yuan"), Words(units, "tenThousandYuan"), Words(units, "count"),
            Words(signs, "increase"), Words(signs, "decrease"));
    }

    /// <summary>The wording shipped with the library (<c>schema/wording.json</c>).</summary>
    public static ReportWording Default => s_default.Value;

    /// <summary>Reads a wording file (UTF-8 JSON, as described by <c>schema/wording.schema.json</c>).</summary>
    /// <param name="utf8Json">The file's content.</param>
    /// <returns>The wording.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="FormatException">The file is not valid JSON, or a member is missing or of the wrong type.</exception>
    public static ReportWording Load(Stream utf8Json)
    {
        if (utf8Json is null)
            throw new ArgumentNullException(nameof(utf8Json));
        try
        {
            using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return new ReportWording(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"措辞文件不是有效的 JSON（第 {e.LineNumber + 1} 行）。 The wording file is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>Reads a wording file from its text (see <see cref="Load(Stream)"/>).</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The wording.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid wording file.</exception>
    public static ReportWording Parse(string json)
    {
        if (json is null)
            throw new ArgumentNullException(nameof(json));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream);
    }

    /// <summary>Title words: a title holding one names a report (its agency is read).</summary>
    internal string[] NamesReport { get; }

    /// <summary>Title words: a title line holding one ends the title.</summary>
    internal string[] TitleEnds { get; }

    /// <summary>The agency's name ends before the first of these.</summary>
    internal string[] AgencyEndsBefore { get; }

    /// <summary>Words before an agency's name that are no part of it.</summary>
    internal string[] LeadingWords { get; }

    /// <summary>How the name of a government body ends (人民政府, 局, 镇 …): a name that ends otherwise is no agency.</summary>
    internal string[] AgencyEndings { get; }

    /// <summary>What follows a year's four digits.</summary>
    internal string[] YearSuffixes { get; }

    /// <summary>A line holding one of these is a web page's navigation.</summary>
    internal string[] ChromeWords { get; }

    /// <summary>A line holding one of these is in the statistical part.</summary>
    internal string[] TablesBeginWithin { get; }

    /// <summary>A line starting with one of these is in the statistical part.</summary>
    internal string[] TablesBeginAtLineStart { get; }

    /// <summary>Column headers of no particular column.</summary>
    internal HashSet<string> GenericHeaders { get; }

    /// <summary>Prefixes of numbered generic headers (数据1).</summary>
    internal string[] NumberedHeaders { get; }

    /// <summary>Printed variants of label words: (printed, stands for).</summary>
    internal (string Printed, string StandsFor)[] LabelVariants { get; }

    /// <summary>Units and signs of values.</summary>
    internal ValueWords Values { get; }

    /// <summary>Whether <paramref name="key"/> is a generic column header (<c>合计</c>, <c>数据3</c>).</summary>
    internal bool IsGenericHeader(string key)
    {
        if (GenericHeaders.Contains(key))
            return true;
        foreach (string prefix in NumberedHeaders)
        {
            if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            bool digits = true;
            for (int i = prefix.Length; i < key.Length && digits; i++)
                digits = key[i] >= '0' && key[i] <= '9';
            if (digits)
                return true;
        }

        return false;
    }

    /// <summary>The unit a column header's note names (<c>(万元)</c>), or <see cref="AmountUnit.Unknown"/>.</summary>
    internal AmountUnit UnitInHeaderNote(string note)
    {
        foreach (string word in _noteTenThousandYuan)
            if (note.Contains(word))
                return AmountUnit.TenThousandYuan;
        foreach (string word in _noteYuan)
            if (note.Contains(word))
                return AmountUnit.Yuan;
        return AmountUnit.Unknown;
    }

    private static ReportWording LoadDefault()
    {
        using var stream = typeof(ReportWording).Assembly.GetManifestResourceStream("GovInfoReports.wording.json")
            ?? throw new InvalidOperationException("The library's wording file (GovInfoReports.wording.json) is missing from the assembly.");
        return Load(stream);
    }

    private static JsonElement Member(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object)
            throw Invalid($"an object was expected where “{name}” should be");
        if (!parent.TryGetProperty(name, out var member))
            throw Invalid($"the member “{name}” is missing");
        foreach (var (objectName, members) in ObjectMembers)
            if (objectName == name && member.ValueKind == JsonValueKind.Object)
                CheckMembers(member, $"“{name}”", members);
        return member;
    }

    /// <summary>Refuses a member the schema does not declare (a misspelt name would otherwise be ignored silently).</summary>
    private static void CheckMembers(JsonElement element, string where, string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Invalid($"{where} must be an object");
        foreach (var property in element.EnumerateObject())
            if (property.Name != "$schema" && Array.IndexOf(known, property.Name) < 0)
                throw Invalid($"{where} has an unknown member “{property.Name}”");
    }

    private static string[] Words(JsonElement parent, string name)
    {
        var array = Member(parent, name);
        if (array.ValueKind != JsonValueKind.Array)
            throw Invalid($"“{name}” must be an array of words");
        var words = new List<string>();
        foreach (var item in array.EnumerateArray())
            words.Add(Key(item, name));
        return words.ToArray();
    }

    private static (string, string)[] Variants(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw Invalid("“labelVariants” must be an array");
        var variants = new List<(string, string)>();
        foreach (var item in array.EnumerateArray())
        {
            CheckMembers(item, "a label variant", ObjectMembers[ObjectMembers.Length - 1].Members);
            variants.Add((Key(Member(item, "printed"), "printed"), Key(Member(item, "standsFor"), "standsFor")));
        }
        return variants.ToArray();
    }

    private static string Key(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.String)
            throw Invalid($"“{name}” holds something other than a word");
        string key = ReportText.LabelKey(item.GetString()!);
        if (key.Length == 0)
            throw Invalid($"“{name}” holds an empty word");
        return key;
    }

    private static string[] Concat(string[] a, string[] b)
    {
        var all = new string[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }

    private static FormatException Invalid(string what) =>
        new($"措辞文件无效：{what}。 The wording file is invalid: {what}.");
}
