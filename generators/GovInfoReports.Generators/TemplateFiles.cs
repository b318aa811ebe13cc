using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GovInfoReports.Generators;

/// <summary>
/// Which additional files are templates, and which namespace the generated types go into: read from
/// the MSBuild items and properties that build/GovInfoReports.Templates.targets makes visible.
/// </summary>
internal static class TemplateFiles
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.GovInfoTemplate";
    public const string NamespaceKey = "build_property.GovInfoReportsNamespace";
    public const string RootNamespaceKey = "build_property.RootNamespace";
    public const string DefaultNamespace = "GovInfoTemplates";

    public static bool IsTemplate(AnalyzerConfigOptions options) =>
        options.TryGetValue(MetadataKey, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    public static string GetNamespace(AnalyzerConfigOptions global)
    {
        if (global.TryGetValue(NamespaceKey, out var ns) && IsNamespace(ns))
            return ns!.Trim();
        if (global.TryGetValue(RootNamespaceKey, out var root) && IsNamespace(root))
            return root!.Trim();
        return DefaultNamespace;
    }

    private static bool IsNamespace(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;
        foreach (var part in value!.Trim().Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
                return false;
        }

        return true;
    }
}
