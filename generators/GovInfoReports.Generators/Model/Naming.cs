namespace GovInfoReports.Generators.Model;

/// <summary>How template ids become C# names. One place, used by the binder (to find clashes) and the emitters.</summary>
internal static class Naming
{
    /// <summary>The names every generated record has (declared by the generator or synthesized by the compiler).</summary>
    public static readonly string[] ReservedMembers =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "GetType", "MemberwiseClone", "Deconstruct", "Finalize",
    };

    /// <summary>The names the report record declares besides its sections.</summary>
    public static readonly string[] ReportMembers = { "Template", "Year", "Agency", "GetCell", "FromCells", "Descriptor" };

    /// <summary>Public type names of the runtime's GovInfoReports namespace, which a template's type must not take.</summary>
    public static readonly string[] RuntimeTypeNames = { "IReport", "CellValue", "Amount", "AmountUnit", "AmountUnits", "ReportTemplate", "TemplateRegistry" };

    public static string Member(string id) => char.ToUpperInvariant(id[0]) + id.Substring(1);

    public static string SectionType(string id) => Member(id) + "Section";

    public static string TableType(string id) => Member(id) + "Table";

    public static string GroupType(string id) => Member(id) + "Group";

    /// <summary>The row record of a table: shared <c>{Set}Row</c> at report level for a named column set, <c>Row</c> in the table's own type for inline columns.</summary>
    public static string RowType(string? columnSetName) => columnSetName is null ? "Row" : Member(columnSetName) + "Row";

    public static bool IsCamelCaseId(string id)
    {
        if (id.Length == 0 || id[0] < 'a' || id[0] > 'z')
            return false;
        foreach (char c in id)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return false;
        }

        return true;
    }

    public static bool IsTypeName(string name)
    {
        if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z')
            return false;
        foreach (char c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                return false;
        }

        return true;
    }

    public static bool IsTemplateId(string id)
    {
        if (id.Length == 0 || !char.IsLetterOrDigit(id[0]) || id[0] > 'z')
            return false;
        foreach (char c in id)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
                return false;
        }

        return true;
    }
}
