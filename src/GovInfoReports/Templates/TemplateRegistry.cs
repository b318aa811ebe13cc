using System;
using System.Collections.Generic;
using System.Threading;

namespace GovInfoReports.Templates;

/// <summary>
/// Every template known to the process: the official ones shipped in this library and those a user's
/// project adds with its own template files. Each assembly built with the GovInfoReports generator
/// registers its templates from a generated module initializer when it loads, so no reflection or
/// assembly scanning is involved. The official templates are registered as soon as this library is
/// loaded; a user assembly's templates as soon as that assembly is loaded (touching any of its types,
/// or <c>RuntimeHelpers.RunModuleConstructor(typeof(X).Module.ModuleHandle)</c>, loads it).
/// </summary>
public static class TemplateRegistry
{
    private static readonly object Gate = new();
    private static ReportTemplate[] _templates = Array.Empty<ReportTemplate>();
    private static string[] _conflicts = Array.Empty<string>();

    /// <summary>The registered templates, ordered by <see cref="ReportTemplate.FromYear"/> then id.</summary>
    public static IReadOnlyList<ReportTemplate> All
    {
        get { return Volatile.Read(ref _templates); }
    }

    /// <summary>
    /// Registrations that were refused because another template with the same id was already registered
    /// (one line each, in Chinese and English). Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Conflicts
    {
        get { return Volatile.Read(ref _conflicts); }
    }

    /// <summary>Finds a template by id (e.g. <c>2021</c>).</summary>
    /// <param name="id">The template id.</param>
    /// <returns>The template, or <see langword="null"/> when none has that id.</returns>
    public static ReportTemplate? Find(string id)
    {
        if (id is null)
            throw new ArgumentNullException(nameof(id));
        foreach (var template in All)
            if (string.Equals(template.Id, id, StringComparison.Ordinal))
                return template;
        return null;
    }

    /// <summary>The templates that apply to reports of <paramref name="year"/>.</summary>
    /// <param name="year">A report year.</param>
    public static IReadOnlyList<ReportTemplate> ForYear(int year)
    {
        var result = new List<ReportTemplate>();
        foreach (var template in All)
            if (template.AppliesTo(year))
                result.Add(template);
        return result;
    }

    /// <summary>
    /// Registers a template. Generated module initializers call this; call it yourself only for a
    /// template built by hand. Registering the same instance twice does nothing; a second template with
    /// an id already taken is refused and listed in <see cref="Conflicts"/>.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <returns><see langword="true"/> when the template is registered (now or before).</returns>
    public static bool Register(ReportTemplate template)
    {
        if (template is null)
            throw new ArgumentNullException(nameof(template));
        lock (Gate)
        {
            foreach (var existing in _templates)
            {
                if (ReferenceEquals(existing, template))
                    return true;
                if (string.Equals(existing.Id, template.Id, StringComparison.Ordinal))
                {
                    var conflict =
                        $"模板 {template.Id}（{template.TypeName}）未注册：已有同名模板（{existing.TypeName}）。" +
                        $" Template {template.Id} ({template.TypeName}) was not registered: {existing.TypeName} already has that id.";
                    Volatile.Write(ref _conflicts, Append(_conflicts, conflict));
                    return false;
                }
            }

            var next = Append(_templates, template);
            Array.Sort(next, static (a, b) =>
            {
                int byYear = a.FromYear.CompareTo(b.FromYear);
                return byYear != 0 ? byYear : string.CompareOrdinal(a.Id, b.Id);
            });
            Volatile.Write(ref _templates, next);
            return true;
        }
    }

    /// <summary>
    /// Removes a template registered by hand (a test's, or one a tool loaded for a run). Reads that have begun keep the
    /// list they started with.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <returns><see langword="true"/> when it was registered and is removed.</returns>
    public static bool Unregister(ReportTemplate template)
    {
        if (template is null)
            throw new ArgumentNullException(nameof(template));
        lock (Gate)
        {
            int index = Array.IndexOf(_templates, template);
            if (index < 0)
                return false;
            var next = new ReportTemplate[_templates.Length - 1];
            Array.Copy(_templates, next, index);
            Array.Copy(_templates, index + 1, next, index, next.Length - index);
            Volatile.Write(ref _templates, next);
            return true;
        }
    }

    private static T[] Append<T>(T[] items, T item)
    {
        var next = new T[items.Length + 1];
        Array.Copy(items, next, items.Length);
        next[items.Length] = item;
        return next;
    }
}
