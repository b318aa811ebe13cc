using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// Emits the module initializer that registers every template of the compilation with the runtime's
/// <c>TemplateRegistry</c> when the assembly loads: the registry finds packaged and user templates
/// alike, with no reflection or assembly scanning.
/// </summary>
internal static class RegistrationEmitter
{
    public const string HintName = "GovInfoReports.TemplateRegistration.g.cs";

    public static string Emit(EquatableArray<string> typeNames, string ns)
    {
        var w = CodeWriter.GeneratedFile(
            ": registers this assembly's templates when it loads.",
            ns,
            "#pragma warning disable CA2255 // A module initializer is how templates register themselves without reflection.");
        w.Doc("Registers the templates of this assembly with the GovInfoReports template registry.");
        w.Open("internal static class GovInfoReportsTemplateRegistration");
        w.Doc("Runs when the assembly is loaded.");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        foreach (var typeName in typeNames.OrderBy(n => n, System.StringComparer.Ordinal))
            w.Line("global::GovInfoReports.Templates.TemplateRegistry.Register(" + typeName + ".Template);");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
