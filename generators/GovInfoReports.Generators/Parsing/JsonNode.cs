using System.Collections.Generic;

namespace GovInfoReports.Generators.Parsing;

// A minimal JSON document model whose every node knows its character span in the template file.
// Char offsets (not UTF-8 byte offsets) are what Roslyn locations use, and what a Chinese label needs.

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

internal abstract class JsonNode
{
    protected JsonNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    public abstract JsonKind Kind { get; }

    /// <summary>How the node's kind is named in messages: "an object", "a string", …</summary>
    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

internal sealed class JsonMember
{
    public JsonMember(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(SourceSpan span, IReadOnlyList<JsonMember> members)
        : base(span) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override JsonKind Kind => JsonKind.Object;

    /// <summary>The span of the opening brace: where "this object lacks X" is reported.</summary>
    public SourceSpan OpeningBrace => new(Span.Start, 1);
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(SourceSpan span, IReadOnlyList<JsonNode> items)
        : base(span) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonString : JsonNode
{
    public JsonString(SourceSpan span, string value)
        : base(span) => Value = value;

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(SourceSpan span, string text)
        : base(span) => Text = text;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public override JsonKind Kind => JsonKind.Number;
}

internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(SourceSpan span, JsonKind kind)
        : base(span) => Kind = kind;

    public override JsonKind Kind { get; }
}
