using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GovInfoReports.Serialization;

/// <summary>
/// The strict scalar reads the generated JSON converters are made of. Every failure is a
/// <see cref="JsonException"/> whose message names the JSON path and the reason, in Chinese and English.
/// Public for generated code in user assemblies; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportJsonReader
{
    /// <summary>The earliest report year a document may give.</summary>
    internal const int MinYear = 1900;

    /// <summary>The latest report year a document may give.</summary>
    internal const int MaxYear = 9999;

    /// <summary>Reads a count cell: a whole number ≥ 0, or null for a blank cell.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="parent">The JSON path of the containing object, for messages.</param>
    /// <param name="name">The member name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? ReadCount(ref Utf8JsonReader reader, string parent, string name)
    {
        // Fast path: a plain run of up to 9 digits, as writers write counts.
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TryDigits(reader.ValueSpan, out int digits))
            return digits;
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        return ReadCountSlow(ref reader, parent, name);
    }

    private static int? ReadCountSlow(ref Utf8JsonReader reader, string parent, string name)
    {
        // The digit test has failed already: straight to the checked path.
        var value = ReadSignedCountSlow(ref reader, parent, name);
        if (value < 0)
            throw Error(parent + "." + name, $"负数 {Text(value.Value)} 不是有效的计数 / {Text(value.Value)} is negative, but the template only allows counts ≥ 0");
        return value;
    }

    /// <summary>Reads a signed count cell: a whole number, or null for a blank cell.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="parent">The JSON path of the containing object, for messages.</param>
    /// <param name="name">The member name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? ReadSignedCount(ref Utf8JsonReader reader, string parent, string name)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TryDigits(reader.ValueSpan, out int digits))
            return digits;
        return ReadSignedCountSlow(ref reader, parent, name);
    }

    private static int? ReadSignedCountSlow(ref Utf8JsonReader reader, string parent, string name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out int value))
                    return value;
                if (TryGetDecimal(ref reader, out decimal d, parent + "." + name))
                {
                    if (decimal.Truncate(d) != d)
                        throw Error(parent + "." + name, $"{Text(d)} 不是整数 / {Text(d)} is not a whole number");
                    // JSON (and JSON Schema's "integer") counts 12.0 and 1.2e1 as whole numbers.
                    if (d >= int.MinValue && d <= int.MaxValue)
                        return (int)d;
                }

                throw Error(parent + "." + name, "数值超出整数范围 / the number is outside the range of a count (Int32)");
            default:
                throw WrongType(ref reader, parent + "." + name, "a whole number or null");
        }
    }

    /// <summary>
    /// <see cref="Utf8JsonReader.TryGetDecimal(out decimal)"/>, except that a number too small for a decimal (1e-400,
    /// which it reads as 0) is an error rather than a silent zero.
    /// </summary>
    private static bool TryGetDecimal(ref Utf8JsonReader reader, out decimal value, string path)
    {
        if (!reader.TryGetDecimal(out value))
            return false;
        if (value == 0 && !IsZeroLiteral(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan))
            throw Error(path, "数值过小，无法表示 / the number is too small to be represented (it is not 0)");
        return true;
    }

    /// <summary>Whether a JSON number's digits before its exponent are all zeros.</summary>
    private static bool IsZeroLiteral(ReadOnlySpan<byte> number)
    {
        foreach (byte b in number)
        {
            if (b is (byte)'e' or (byte)'E')
                return true;
            if (b is >= (byte)'1' and <= (byte)'9')
                return false;
        }

        return true;
    }

    /// <summary>Reads a money cell in the template's unit: a number ≥ 0 (its decimal digits kept), or null.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="parent">The JSON path of the containing object, for messages.</param>
    /// <param name="name">The member name.</param>
    public static decimal? ReadDecimal(ref Utf8JsonReader reader, string parent, string name)
    {
        string Path() => parent + "." + name;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (!TryGetDecimal(ref reader, out decimal value, Path()))
                    throw Error(Path(), "数值超出范围 / the number is outside the range of a decimal amount");
                if (value < 0)
                    throw Error(Path(), $"金额不能为负 {Text(value)} / {Text(value)} is negative, but amounts are ≥ 0");
                return value;
            default:
                throw WrongType(ref reader, Path(), "a number or null");
        }
    }

    /// <summary>Reads a money cell with its own unit: <c>{"value": 67.74, "unit": "万元"}</c> (unit null when unknown), or null.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="parent">The JSON path of the containing object, for messages.</param>
    /// <param name="name">The member name.</param>
    public static Amount? ReadAmount(ref Utf8JsonReader reader, string parent, string name)
    {
        string path = parent + "." + name;
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw WrongType(ref reader, path, "an object {\"value\": …, \"unit\": …} or null");
        decimal? value = null;
        AmountUnit unit = AmountUnit.Unknown;
        bool seenValue = false, seenUnit = false;
        while (Next(ref reader, path) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                CheckFirst(ref seenValue, path, "value");
                Next(ref reader, path);
                value = ReadDecimal(ref reader, path, "value");
            }
            else if (reader.ValueTextEquals("unit"u8))
            {
                CheckFirst(ref seenUnit, path, "unit");
                Next(ref reader, path);
                unit = ReadUnit(ref reader, path);
            }
            else
            {
                throw UnknownMember(ref reader, path, "value, unit");
            }
        }

        if (value is null)
            throw Error(path, "金额缺少 value / the amount object needs a numeric \"value\" (write null for a blank cell)");
        return new Amount(value.Value, unit);
    }

    /// <summary>Reads the optional report year (<c>$.year</c>): a whole number or null.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    public static int? ReadYear(ref Utf8JsonReader reader)
    {
        var year = ReadSignedCount(ref reader, "$", "year");
        if (year is < MinYear or > MaxYear)
            throw Error("$.year", $"年份 {Text(year.Value)} 无效 / {Text(year.Value)} is not a report year");
        return year;
    }

    /// <summary>Reads the optional agency (<c>$.agency</c>): a string or null.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    public static string? ReadAgency(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw WrongType(ref reader, "$.agency", "a string or null"),
    };

    /// <summary>Checks the <c>template</c> member against the template id the converter reads.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="templateId">The id the converter expects.</param>
    public static void ReadTemplateId(ref Utf8JsonReader reader, string templateId)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw WrongType(ref reader, "$.template", "a string (the template id)");
        var id = reader.GetString();
        if (!string.Equals(id, templateId, StringComparison.Ordinal))
            throw Error("$.template", $"模板为 \"{id}\"，而此处读取模板 {templateId} / the document is of template \"{id}\", but a report of template {templateId} is being read");
    }

    /// <summary>Checks that the reader is at the start of an object (after moving onto the first token when reading begins).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="path">The JSON path, for messages.</param>
    public static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw WrongType(ref reader, path, "an object");
    }

    /// <summary>Moves to the next token: a property name, or the end of the current object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="path">The JSON path, for messages.</param>
    /// <returns>The token type.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonTokenType Next(ref Utf8JsonReader reader, string path)
    {
        if (!reader.Read())
            ThrowEnded(path);
        return reader.TokenType;
    }

    /// <summary>
    /// Finds the property name the reader is on among an object's members. The member at
    /// <paramref name="expected"/> (the one after the previous member) is tried first: documents written
    /// by a converter keep their order, so a member costs one comparison, and any order still reads.
    /// </summary>
    /// <param name="reader">The reader, positioned on a property name.</param>
    /// <param name="members">The object's members, pre-encoded, in their written order.</param>
    /// <param name="expected">The index of the member expected next.</param>
    /// <returns>The member's index, or -1 when the object has no such member.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Member(ref Utf8JsonReader reader, JsonEncodedText[] members, int expected)
    {
        // The name as written (no escapes, one segment) compares directly; anything else takes the general path.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if ((uint)expected < (uint)members.Length && reader.ValueSpan.SequenceEqual(members[expected].EncodedUtf8Bytes))
                return expected;
            return FindMember(ref reader, members, skip: expected);
        }

        return FindMember(ref reader, members, skip: -1);
    }

    // Compares with every member but skip (already compared), unescaping the name as needed.
    private static int FindMember(ref Utf8JsonReader reader, JsonEncodedText[] members, int skip)
    {
        for (int i = 0; i < members.Length; i++)
        {
            if (i != skip && reader.ValueTextEquals(members[i].EncodedUtf8Bytes))
                return i;
        }

        return -1;
    }

    /// <summary>Marks a member as seen; a second occurrence is an error.</summary>
    /// <param name="seen">Whether the member was seen before.</param>
    /// <param name="path">The JSON path of the object.</param>
    /// <param name="name">The member name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckFirst(ref bool seen, string path, string name)
    {
        if (seen)
            ThrowDuplicate(path, name);
        seen = true;
    }

    /// <summary>The error for a member the template does not define.</summary>
    /// <param name="reader">The reader, positioned on the property name.</param>
    /// <param name="path">The JSON path of the object.</param>
    /// <param name="expected">The members the object may have.</param>
    public static JsonException UnknownMember(ref Utf8JsonReader reader, string path, string expected)
    {
        var name = reader.GetString();
        return Error(path + "." + name, $"未知成员 \"{name}\" / unknown member \"{name}\"; expected one of: {expected}");
    }

    /// <summary>The error for a value of the wrong JSON type.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="path">The JSON path of the value.</param>
    /// <param name="expected">What was expected.</param>
    public static JsonException WrongType(ref Utf8JsonReader reader, string path, string expected) =>
        Error(path, $"类型错误 / expected {expected}, found {Describe(reader.TokenType)}");

    /// <summary>A <see cref="JsonException"/> naming the path and the reason.</summary>
    /// <param name="path">The JSON path.</param>
    /// <param name="reason">What is wrong.</param>
    public static JsonException Error(string path, string reason) => new($"{path}: {reason}", path, null, null);

    private static void ThrowEnded(string path) => throw Error(path, "文档不完整 / the document ends inside this object");

    private static void ThrowDuplicate(string path, string name) =>
        throw Error(path + "." + name, $"成员 \"{name}\" 重复 / the member \"{name}\" appears twice");

    // A count as writers write it: 1 to 9 ASCII digits (the reader has checked the number's syntax, so no
    // leading zeros). Anything else — a sign, a fraction, an exponent, 10 digits — takes the checked path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if ((uint)(text.Length - 1) >= 9)
            return false;
        foreach (byte b in text)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
                return false;
            value = value * 10 + (int)digit;
        }

        return true;
    }

    private static AmountUnit ReadUnit(ref Utf8JsonReader reader, string amountPath)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return AmountUnit.Unknown;
        if (reader.TokenType != JsonTokenType.String)
            throw WrongType(ref reader, amountPath + ".unit", "\"元\", \"万元\" or null");
        var symbol = reader.GetString();
        if (TryParseUnit(symbol, out var unit))
            return unit;
        throw Error(amountPath + ".unit", $"未知单位 \"{symbol}\" / unknown unit \"{symbol}\"; use \"元\", \"万元\" or null");
    }

    /// <summary>The unit of an amount object's <c>unit</c> member: <c>"元"</c> or <c>"万元"</c> only.</summary>
    internal static bool TryParseUnit(string? symbol, out AmountUnit unit)
    {
        unit = AmountUnit.Unknown;
        return symbol is "元" or "万元" && AmountUnits.TryParse(symbol, out unit);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
