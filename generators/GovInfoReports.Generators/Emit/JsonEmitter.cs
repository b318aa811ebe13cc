using System.Collections.Generic;
using System.Linq;
using GovInfoReports.Generators.Model;

namespace GovInfoReports.Generators.Emit;

/// <summary>
/// Emits the System.Text.Json converter of one template, attached to the report record with [JsonConverter]
/// so plain JsonSerializer calls use it. Writing appends constant UTF-8 chunks (<c>,"total":</c>) and the
/// cell values to a <c>JsonChunkWriter</c>, which hands each section to the Utf8JsonWriter as one raw value.
/// Reading is a Utf8JsonReader loop per object that tries the member expected next (documents usually keep
/// the written order) before the others, and is strict: unknown, duplicate or mistyped members, overflow,
/// negative counts and a missing or wrong "template" member throw a JsonException naming the path.
/// (The System.Text.Json source generator cannot see generated records, so the converter is ours.)
/// Beside the converter, a one-pass reader of the written layout (TryReadCanonical, on CanonicalJsonReader):
/// the writer's member order spelled out as UTF-8 literals, so a document as written is read without a tokenizer;
/// it declines any other document, which ReportJson then reads with the converter.
/// </summary>
internal static class JsonEmitter
{
    private const string Json = "global::System.Text.Json.";
    private const string R = "global::GovInfoReports.Serialization.ReportJsonReader";
    private const string W = "global::GovInfoReports.Serialization.ReportJsonWriter";
    private const string Chunks = "global::GovInfoReports.Serialization.JsonChunkWriter";
    private const string Canonical = "global::GovInfoReports.Serialization.CanonicalJsonReader";
    private static readonly string[] ReportMembers = { "template", "year", "agency" };

    public static string HintName(TemplateModel template) => template.TypeName + ".Json.g.cs";

    public static string Emit(JsonModel json, string ns)
    {
        var template = json.Template;
        var shapes = json.Shapes;
        var names = ReportMembers
            .Concat(template.Sections.Select(s => s.Id))
            .Concat(shapes.SelectMany(s => s.Members).Select(m => m.Id))
            .Distinct()
            .ToList();

        var w = CodeWriter.GeneratedFile(CodeWriter.FromTemplate(template.Id), ns);
        w.Line("[" + Json + "Serialization.JsonConverter(typeof(" + template.TypeName + ".JsonConverter))]");
        w.Open("public sealed partial record " + template.TypeName);
        w.Doc("Reads and writes " + template.TypeName + " report documents (template " + template.Id + ") without reflection; strict when reading.");
        w.Open("public sealed class JsonConverter : " + Json + "Serialization.JsonConverter<" + template.TypeName + ">");
        foreach (var name in names)
            w.Line("private static readonly " + Json + "JsonEncodedText " + Field(name) + " = " + Json + "JsonEncodedText.Encode(" + CodeWriter.Literal(name) + ");");
        w.Line("private static readonly " + Json + "JsonEncodedText TemplateId = " + Json + "JsonEncodedText.Encode(" + CodeWriter.Literal(template.Id) + ");");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override " + template.TypeName + " Read(ref " + Json + "Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + "JsonSerializerOptions options) => ReadReport(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override void Write(" + Json + "Utf8JsonWriter writer, " + template.TypeName + " value, " + Json + "JsonSerializerOptions options) => WriteReport(writer, value);");

        w.Line();
        w.Line("private static readonly " + Json + "JsonEncodedText[] " + MembersField(null) + " = { " + string.Join(", ", ReportMembers.Concat(template.Sections.Select(s => s.Id)).Select(Field)) + " };");
        foreach (var shape in shapes)
            w.Line("private static readonly " + Json + "JsonEncodedText[] " + MembersField(shape.Type) + " = { " + string.Join(", ", shape.Members.Select(m => Field(m.Id))) + " };");

        EmitReadReport(w, template);
        EmitWriteReport(w, template, shapes);
        EmitReadCanonicalReport(w, template);
        var fixedPaths = new HashSet<string>(shapes.Where(s => s.Path is not null).Select(s => s.Type));
        foreach (var shape in shapes)
        {
            EmitRead(w, shape, fixedPaths);
            EmitWrite(w, shape);
            EmitReadCanonical(w, shape);
        }

        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Field(string id) => "N_" + id;

    private static void EmitReadReport(CodeWriter w, TemplateModel template)
    {
        w.Line();
        w.Doc("Reads one report document; the reader is on its first token or before it.");
        w.Open("internal static " + template.TypeName + " ReadReport(ref " + Json + "Utf8JsonReader reader)");
        w.Line("if (reader.TokenType == " + Json + "JsonTokenType.None) " + R + ".Next(ref reader, \"$\");");
        w.Line(R + ".ExpectObject(ref reader, \"$\");");
        w.Line("bool seenTemplate = false, seenYear = false, seenAgency = false;");
        foreach (var section in template.Sections)
            w.Line("bool seen_" + section.Id + " = false;");
        w.Line("int? year = null;");
        w.Line("string? agency = null;");
        foreach (var section in template.Sections)
            w.Line(Naming.SectionType(section.Id) + " " + Local(section.Id) + " = " + ReportEmitter.Empty(Naming.SectionType(section.Id)) + ";");
        w.Line("int member = -1;");
        w.Open("while (" + R + ".Next(ref reader, \"$\") == " + Json + "JsonTokenType.PropertyName)");
        w.Line("member = " + R + ".Member(ref reader, " + MembersField(null) + ", member + 1);");
        w.Open("switch (member)");
        w.Line("case 0:");
        w.Line("    " + R + ".CheckFirst(ref seenTemplate, \"$\", \"template\");");
        w.Line("    " + R + ".Next(ref reader, \"$\");");
        w.Line("    " + R + ".ReadTemplateId(ref reader, " + CodeWriter.Literal(template.Id) + ");");
        w.Line("    break;");
        w.Line("case 1:");
        w.Line("    " + R + ".CheckFirst(ref seenYear, \"$\", \"year\");");
        w.Line("    " + R + ".Next(ref reader, \"$\");");
        w.Line("    year = " + R + ".ReadYear(ref reader);");
        w.Line("    break;");
        w.Line("case 2:");
        w.Line("    " + R + ".CheckFirst(ref seenAgency, \"$\", \"agency\");");
        w.Line("    " + R + ".Next(ref reader, \"$\");");
        w.Line("    agency = " + R + ".ReadAgency(ref reader);");
        w.Line("    break;");
        int index = ReportMembers.Length;
        foreach (var section in template.Sections)
        {
            w.Line("case " + index++ + ":");
            w.Line("    " + R + ".CheckFirst(ref seen_" + section.Id + ", \"$\", " + CodeWriter.Literal(section.Id) + ");");
            w.Line("    " + R + ".Next(ref reader, \"$\");");
            w.Line("    " + Local(section.Id) + " = " + ReadMethod(Naming.SectionType(section.Id)) + "(ref reader);");
            w.Line("    break;");
        }

        var expected = string.Join(", ", ReportMembers.Concat(template.Sections.Select(s => s.Id)));
        w.Line("default:");
        w.Line("    throw " + R + ".UnknownMember(ref reader, \"$\", " + CodeWriter.Literal(expected) + ");");
        w.Close();
        w.Close();
        w.Line();
        w.Open("if (!seenTemplate)");
        w.Line("throw " + R + ".Error(\"$\", " + CodeWriter.Literal("缺少 template 成员 / the document has no \"template\" member (expected \"" + template.Id + "\")") + ");");
        w.Close();
        w.Line();
        EmitReturnReport(w, template);
        w.Close();
    }

    // The report built from the locals year, agency and v_<section> of both readers.
    private static void EmitReturnReport(CodeWriter w, TemplateModel template)
    {
        w.Line("return new " + template.TypeName);
        w.Open("{");
        w.Line("Year = year,");
        w.Line("Agency = agency,");
        foreach (var section in template.Sections)
            w.Line(Naming.Member(section.Id) + " = " + Local(section.Id) + ",");
        w.Close("};");
    }

    // The one-pass reader of the written layout (CanonicalJsonReader): the members in the order EmitWrite writes them.
    private static void EmitReadCanonicalReport(CodeWriter w, TemplateModel template)
    {
        w.Line();
        w.Doc("Reads a document laid out as WriteReport writes it, in one pass over its bytes; null for any other document (ReadReport then reads it or says what is wrong).");
        w.Open("internal static " + template.TypeName + "? TryReadCanonical(global::System.ReadOnlySpan<byte> utf8Json)");
        w.Line("var json = new " + Canonical + "(utf8Json);");
        w.Line("json.Open(" + Utf8Literal("{\"template\":") + ");");
        w.Line("json.Literal(" + Utf8Literal("\"" + template.Id + "\"") + ");");
        w.Line("json.Next(" + Utf8Literal(",\"year\":") + ");");
        w.Line("int? year = json.Year();");
        w.Line("json.Next(" + Utf8Literal(",\"agency\":") + ");");
        w.Line("string? agency = json.String();");
        foreach (var section in template.Sections)
        {
            w.Line("json.Next(" + Utf8Literal(",\"" + section.Id + "\":") + ");");
            w.Line("var " + Local(section.Id) + " = " + CanonicalMethod(Naming.SectionType(section.Id)) + "(ref json);");
        }

        w.Line("json.Close();");
        w.Open("if (!json.End())");
        w.Line("return null;");
        w.Close();
        w.Line();
        EmitReturnReport(w, template);
        w.Close();
    }

    private static void EmitReadCanonical(CodeWriter w, JsonShapeModel shape)
    {
        w.Line();
        w.Open("private static " + shape.Type + " " + CanonicalMethod(shape.Type) + "(ref " + Canonical + " json)");
        w.Open("if (json.Failed)");
        w.Line("return " + ReportEmitter.Empty(shape.Type) + ";");
        w.Close();
        w.Line();
        if (shape.Members.Count == 0)
        {
            w.Line("json.Empty();");
            w.Line("return " + ReportEmitter.Empty(shape.Type) + ";");
            w.Close();
            return;
        }

        bool first = true;
        foreach (var m in shape.Members)
        {
            w.Line("json." + (first ? "Open" : "Next") + "(" + Utf8Literal((first ? "{" : ",") + "\"" + m.Id + "\":") + ");");
            first = false;
            string value = m.Column is null
                ? CanonicalMethod(m.ChildType!) + "(ref json)"
                : "json." + m.Column.Kind switch
                {
                    ValueKindModel.Amount when m.Column.Unit is null => "Amount",
                    ValueKindModel.Amount => "Decimal",
                    ValueKindModel.SignedCount => "SignedCount",
                    _ => "Count",
                } + "()";
            w.Line("var " + Local(m.Id) + " = " + value + ";");
        }

        w.Line("json.Close();");
        w.Line("return " + NewObject(shape) + ";");
        w.Close();
    }

    // An object of the shape from its locals v_<member>.
    private static string NewObject(JsonShapeModel shape) =>
        "new " + shape.Type + " { " + string.Join(", ", shape.Members.Select(m => Naming.Member(m.Id) + " = " + Local(m.Id))) + " }";

    private static string CanonicalMethod(string type) => "Canonical_" + type.Replace('.', '_');

    private static void EmitWriteReport(CodeWriter w, TemplateModel template, IReadOnlyList<JsonShapeModel> shapes)
    {
        // The chunk buffer starts large enough for the largest section (every value at its longest).
        var sizes = new Dictionary<string, int>();
        int capacity = template.Sections.Max(s => MaxBytes(Naming.SectionType(s.Id), shapes, sizes));

        w.Line();
        w.Doc("Writes one report document.");
        w.Open("internal static void WriteReport(" + Json + "Utf8JsonWriter writer, " + template.TypeName + " value)");
        w.Line("writer.WriteStartObject();");
        w.Line("writer.WriteString(" + Field("template") + ", TemplateId);");
        w.Line("if (value.Year is { } year) writer.WriteNumber(" + Field("year") + ", year); else writer.WriteNull(" + Field("year") + ");");
        w.Line(W + ".WriteString(writer, " + Field("agency") + ", value.Agency);");
        w.Line("var json = new " + Chunks + "(writer, " + capacity.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");");
        foreach (var section in template.Sections)
        {
            w.Line("writer.WritePropertyName(" + Field(section.Id) + ");");
            w.Line(WriteMethod(Naming.SectionType(section.Id)) + "(ref json, value." + Naming.Member(section.Id) + ");");
            w.Line("json.Flush();");
        }

        w.Line("json.Dispose();");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitRead(CodeWriter w, JsonShapeModel shape, HashSet<string> fixedPaths)
    {
        w.Line();
        if (shape.Path is null)
        {
            // A row type, shared by every row of its column set: the caller passes the row's path.
            w.Open("private static " + shape.Type + " " + ReadMethod(shape.Type) + "(ref " + Json + "Utf8JsonReader reader, string path)");
        }
        else
        {
            // Sections, tables and groups occur at one place in the document: their path is a constant.
            w.Open("private static " + shape.Type + " " + ReadMethod(shape.Type) + "(ref " + Json + "Utf8JsonReader reader)");
            w.Line("const string path = " + CodeWriter.Literal(shape.Path) + ";");
        }

        w.Line(R + ".ExpectObject(ref reader, path);");
        foreach (var m in shape.Members)
            w.Line("bool seen_" + m.Id + " = false;");
        foreach (var m in shape.Members)
            w.Line(m.ClrType + " " + Local(m.Id) + " = " + (m.Column is null ? ReportEmitter.Empty(m.ChildType!) : "null") + ";");
        w.Line("int member = -1;");
        w.Open("while (" + R + ".Next(ref reader, path) == " + Json + "JsonTokenType.PropertyName)");
        w.Line("member = " + R + ".Member(ref reader, " + MembersField(shape.Type) + ", member + 1);");
        w.Open("switch (member)");
        int index = 0;
        foreach (var m in shape.Members)
        {
            w.Line("case " + index++ + ":");
            w.Line("    " + R + ".CheckFirst(ref seen_" + m.Id + ", path, " + CodeWriter.Literal(m.Id) + ");");
            w.Line("    " + R + ".Next(ref reader, path);");
            w.Line("    " + Local(m.Id) + " = " + ReadValue(shape, m, fixedPaths) + ";");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    throw " + R + ".UnknownMember(ref reader, path, " + CodeWriter.Literal(string.Join(", ", shape.Members.Select(m => m.Id))) + ");");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return " + NewObject(shape) + ";");
        w.Close();
    }

    private static void EmitWrite(CodeWriter w, JsonShapeModel shape)
    {
        w.Line();
        w.Open("private static void " + WriteMethod(shape.Type) + "(ref " + Chunks + " json, " + shape.Type + "? value)");
        w.Line("value ??= " + ReportEmitter.Empty(shape.Type) + ";");
        bool first = true;
        foreach (var m in shape.Members)
        {
            // The punctuation before a member and its name are one constant chunk: {"a": or ,"b":
            w.Line("json.Append(" + Utf8Literal((first ? "{" : ",") + "\"" + m.Id + "\":") + ");");
            first = false;
            var member = "value." + Naming.Member(m.Id);
            if (m.Column is null)
            {
                w.Line(WriteMethod(m.ChildType!) + "(ref json, " + member + ");");
                continue;
            }

            var append = m.Column.Kind switch
            {
                ValueKindModel.Amount when m.Column.Unit is null => "AppendAmount",
                ValueKindModel.Amount => "AppendDecimal",
                _ => "AppendInt32",
            };
            w.Line("json." + append + "(" + member + ");");
        }

        w.Line("json.Append(" + Utf8Literal(first ? "{}" : "}") + ");");
        w.Close();
    }

    // The longest JSON text of an object of this shape: names and punctuation, every value at its longest.
    private static int MaxBytes(string type, IReadOnlyList<JsonShapeModel> shapes, Dictionary<string, int> sizes)
    {
        if (sizes.TryGetValue(type, out int known))
            return known;
        var shape = shapes.First(s => s.Type == type);
        int size = 2;
        foreach (var m in shape.Members)
        {
            size += m.Id.Length + 4;
            size += m.Column is null
                ? MaxBytes(m.ChildType!, shapes, sizes)
                : m.Column.Kind switch
                {
                    ValueKindModel.Amount when m.Column.Unit is null => 64,
                    ValueKindModel.Amount => 32,
                    _ => 11,
                };
        }

        sizes[type] = size;
        return size;
    }

    private static string Utf8Literal(string text) => CodeWriter.Literal(text) + "u8";

    private static string MembersField(string? type) => type is null ? "M_Report" : "M_" + type.Replace('.', '_');

    private static string ReadValue(JsonShapeModel owner, JsonMemberModel m, HashSet<string> fixedPaths)
    {
        if (m.Column is null)
        {
            return fixedPaths.Contains(m.ChildType!)
                ? ReadMethod(m.ChildType!) + "(ref reader)"
                : ReadMethod(m.ChildType!) + "(ref reader, " + CodeWriter.Literal(owner.Path + "." + m.Id) + ")";
        }

        var helper = m.Column.Kind switch
        {
            ValueKindModel.Amount when m.Column.Unit is null => "ReadAmount",
            ValueKindModel.Amount => "ReadDecimal",
            ValueKindModel.SignedCount => "ReadSignedCount",
            _ => "ReadCount",
        };
        return R + "." + helper + "(ref reader, path, " + CodeWriter.Literal(m.Id) + ")";
    }

    private static string Local(string id) => "v_" + id;

    private static string ReadMethod(string type) => "Read_" + type.Replace('.', '_');

    private static string WriteMethod(string type) => "Write_" + type.Replace('.', '_');
}
