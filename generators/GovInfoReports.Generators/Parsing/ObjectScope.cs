using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Parsing;

/// <summary>
/// Reads the members of one JSON object of a template file: reports duplicate members, missing
/// required members and members of the wrong type at their exact spans, and, when done, every member
/// it was not asked about.
/// </summary>
internal sealed class ObjectScope
{
    private readonly JsonObject _object;
    private readonly string _what;
    private readonly string[] _known;
    private readonly List<TemplateDiagnostic> _diagnostics;
    private readonly Dictionary<string, JsonMember> _members = new(System.StringComparer.Ordinal);

    public ObjectScope(JsonObject obj, string what, List<TemplateDiagnostic> diagnostics, params string[] known)
    {
        _object = obj;
        _what = what;
        _known = known;
        _diagnostics = diagnostics;
        foreach (var member in obj.Members)
        {
            if (_members.ContainsKey(member.Name))
                Report(Diagnostics.DuplicateMember, member.NameSpan, member.Name);
            else
                _members.Add(member.Name, member);
        }
    }

    public JsonObject Node => _object;

    public string What => _what;

    public bool Has(string name) => _members.ContainsKey(name);

    public JsonMember? Member(string name) => _members.TryGetValue(name, out var m) ? m : null;

    /// <summary>Reports members that are not among the known names. Call once, when the object is read.</summary>
    public void ReportUnknownMembers()
    {
        foreach (var member in _object.Members)
        {
            if (System.Array.IndexOf(_known, member.Name) < 0 && member.Name != "$schema")
                Report(Diagnostics.UnknownMember, member.NameSpan, member.Name, _what, string.Join(", ", _known));
        }
    }

    public JsonString? RequiredString(string name)
    {
        if (!_members.TryGetValue(name, out var member))
        {
            Report(Diagnostics.MissingMember, _object.OpeningBrace, name, Capitalized(_what));
            return null;
        }

        return AsNonEmptyString(member);
    }

    public JsonString? OptionalString(string name) =>
        _members.TryGetValue(name, out var member) ? AsNonEmptyString(member) : null;

    public JsonArray? Array(string name, bool required)
    {
        if (!_members.TryGetValue(name, out var member))
        {
            if (required)
                Report(Diagnostics.MissingMember, _object.OpeningBrace, name, Capitalized(_what));
            return null;
        }

        if (member.Value is not JsonArray array)
        {
            Report(Diagnostics.WrongType, member.Value.Span, name, "an array", JsonNode.Describe(member.Value.Kind));
            return null;
        }

        if (array.Items.Count == 0)
        {
            Report(Diagnostics.EmptyList, member.Value.Span, name);
            return null;
        }

        return array;
    }

    public JsonObject? Object(string name, bool required)
    {
        if (!_members.TryGetValue(name, out var member))
        {
            if (required)
                Report(Diagnostics.MissingMember, _object.OpeningBrace, name, Capitalized(_what));
            return null;
        }

        if (member.Value is not JsonObject obj)
        {
            Report(Diagnostics.WrongType, member.Value.Span, name, "an object", JsonNode.Describe(member.Value.Kind));
            return null;
        }

        return obj;
    }

    /// <summary>An optional array of non-empty strings (labels, aliases, markers).</summary>
    public EquatableArray<string> Strings(string name)
    {
        if (!_members.TryGetValue(name, out var member))
            return EquatableArray<string>.Empty;
        if (member.Value is not JsonArray array)
        {
            Report(Diagnostics.WrongType, member.Value.Span, name, "an array of strings", JsonNode.Describe(member.Value.Kind));
            return EquatableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item is JsonString s && s.Value.Trim().Length > 0)
                builder.Add(s.Value);
            else if (item is JsonString)
                Report(Diagnostics.InvalidValue, item.Span, name, "an entry must not be empty");
            else
                Report(Diagnostics.WrongType, item.Span, name + "[]", "a string", JsonNode.Describe(item.Kind));
        }

        return new EquatableArray<string>(builder.ToImmutable());
    }

    public int? Integer(string name, bool required, int min, int max)
    {
        if (!_members.TryGetValue(name, out var member))
        {
            if (required)
                Report(Diagnostics.MissingMember, _object.OpeningBrace, name, Capitalized(_what));
            return null;
        }

        if (member.Value is not JsonNumber number)
        {
            Report(Diagnostics.WrongType, member.Value.Span, name, "a whole number", JsonNode.Describe(member.Value.Kind));
            return null;
        }

        if (!int.TryParse(number.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value)
            || value < min || value > max)
        {
            Report(Diagnostics.InvalidValue, number.Span, name,
                "a whole number from " + min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to " + max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is expected");
            return null;
        }

        return value;
    }

    public void Report(DiagnosticDefinition descriptor, SourceSpan span, params object[] args) =>
        _diagnostics.Add(new TemplateDiagnostic(descriptor, span, args));

    private JsonString? AsNonEmptyString(JsonMember member)
    {
        if (member.Value is not JsonString s)
        {
            Report(Diagnostics.WrongType, member.Value.Span, member.Name, "a string", JsonNode.Describe(member.Value.Kind));
            return null;
        }

        if (s.Value.Trim().Length == 0)
        {
            Report(Diagnostics.InvalidValue, s.Span, member.Name, "it must not be empty");
            return null;
        }

        return s;
    }

    private static string Capitalized(string what) =>
        what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what.Substring(1);

    public static string KnownList(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
