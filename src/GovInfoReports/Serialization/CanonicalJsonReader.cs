using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GovInfoReports.Serialization;

/// <summary>
/// Reads a report document laid out as the generated writers write it — every member present, in the template's
/// order, names unescaped, counts as plain digits — in one pass over its UTF-8 bytes, without a JSON tokenizer.
/// Whitespace between tokens is allowed (indented documents read too). At the first byte that does not fit that
/// layout (another member order, a missing or extra member, <c>12.0</c> or <c>1e1</c> for a count, an escaped
/// member name, content after the document, a syntax error) the reader stops and <see cref="Failed"/> becomes
/// true: the caller then reads the document with the general reader, which accepts every valid document and
/// names each error. So this reader accepts no document the general reader refuses, and reads every document it
/// accepts to the same values. Public for generated code in user assemblies; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct CanonicalJsonReader
{
    private readonly ReadOnlySpan<byte> _json;
    private int _at;
    private bool _failed;

    /// <summary>A reader at the start of <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The document as UTF-8.</param>
    public CanonicalJsonReader(ReadOnlySpan<byte> utf8Json)
    {
        _json = utf8Json;
        _at = 0;
        _failed = false;
    }

    /// <summary>Whether the document left the written layout; every later call then does nothing and returns null.</summary>
    public readonly bool Failed => _failed;

    /// <summary>Reads <c>{"name":</c>: the start of an object and its first member's name.</summary>
    /// <param name="token">The UTF-8 bytes <c>{"name":</c>, as the writer writes them (whitespace may come between them).</param>
    public void Open(ReadOnlySpan<byte> token) => Member(token);

    /// <summary>Reads <c>,"name":</c>: the next member's name.</summary>
    /// <param name="token">The UTF-8 bytes <c>,"name":</c>, as the writer writes them (whitespace may come between them).</param>
    public void Next(ReadOnlySpan<byte> token) => Member(token);

    /// <summary>Reads <c>}</c>: the end of an object.</summary>
    public void Close() => Byte((byte)'}');

    /// <summary>Reads <c>{}</c>: an object without members.</summary>
    public void Empty()
    {
        if (Byte((byte)'{'))
            Byte((byte)'}');
    }

    /// <summary>Reads the exact bytes <paramref name="literal"/> (after whitespace), e.g. a quoted template id.</summary>
    /// <param name="literal">The bytes expected.</param>
    public void Literal(ReadOnlySpan<byte> literal)
    {
        if (_failed)
            return;
        SkipSpace();
        if (_json.Slice(_at).StartsWith(literal))
            _at += literal.Length;
        else
            Fail();
    }

    /// <summary>Ends the document: only whitespace may follow.</summary>
    /// <returns>Whether the whole document was read in the written layout.</returns>
    public bool End()
    {
        if (_failed)
            return false;
        SkipSpace();
        if (_at != _json.Length)
            Fail();
        return !_failed;
    }

    /// <summary>Reads a count: <c>null</c>, or digits without a sign or leading zero, at most <see cref="int.MaxValue"/>.</summary>
    /// <returns>The count, or null (a blank cell, or after a failure).</returns>
    public int? Count() => Value() ? Digits() : null;

    /// <summary>Reads a signed count: <c>null</c>, or an optional minus sign and digits without a leading zero, in the range of <see cref="int"/>.</summary>
    /// <returns>The count, or null (a blank cell, or after a failure).</returns>
    public int? SignedCount()
    {
        if (!Value())
            return null;
        if (_json[_at] != (byte)'-')
            return Digits();
        _at++;
        return Digits(negative: true);
    }

    /// <summary>Reads the report year: <c>null</c>, or a whole number from 1900 to 9999.</summary>
    /// <returns>The year, or null.</returns>
    public int? Year()
    {
        int? year = SignedCount();
        if (year is < ReportJsonReader.MinYear or > ReportJsonReader.MaxYear)
            return Fail<int>();
        return year;
    }

    /// <summary>Reads an amount in the template's unit: <c>null</c>, or a number ≥ 0 without an exponent (its decimal digits kept).</summary>
    /// <returns>The amount, or null.</returns>
    public decimal? Decimal() => Value() ? Number() : null;

    /// <summary>Reads an amount with its own unit: <c>null</c>, or <c>{"value":…,"unit":…}</c> with a number ≥ 0 and <c>"元"</c>, <c>"万元"</c> or <c>null</c>.</summary>
    /// <returns>The amount, or null.</returns>
    public Amount? Amount()
    {
        if (!Value())
            return null;
        Open("{\"value\":"u8);
        decimal? value = Decimal();
        if (value is null)
            return Fail<Amount>(); // the general reader refuses an amount object without a value
        Next(",\"unit\":"u8);
        var unit = AmountUnit.Unknown;
        if (Value())
        {
            string? symbol = String();
            if (symbol is null || !ReportJsonReader.TryParseUnit(symbol, out unit))
                return Fail<Amount>();
        }

        Close();
        return _failed ? null : new Amount(value.Value, unit);
    }

    /// <summary>Reads a string or <c>null</c>. Escaped strings are unescaped exactly as <see cref="Utf8JsonReader"/> does.</summary>
    /// <returns>The string, or null.</returns>
    public string? String()
    {
        if (!Value())
            return null;
        if (_json[_at] != (byte)'"')
            return Fail();
        int start = _at + 1;
        var rest = _json.Slice(start);
        int stop = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (stop < 0)
            return Fail();
        if (rest[stop] == (byte)'"')
        {
            // The common case: no escapes. JSON allows no control character in a string, and the text must be UTF-8.
            var content = rest.Slice(0, stop);
            if (content.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || !System.Text.Unicode.Utf8.IsValid(content))
                return Fail();
            _at = start + stop + 1;
            return Encoding.UTF8.GetString(content);
        }

        // Escapes: find the closing quote, then let Utf8JsonReader read the one string token (its rules, exactly).
        int end = start + stop;
        while (end < _json.Length && _json[end] != (byte)'"')
            end += _json[end] == (byte)'\\' ? 2 : 1;
        if (end >= _json.Length)
            return Fail();
        try
        {
            var reader = new Utf8JsonReader(_json.Slice(_at, end + 1 - _at));
            if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
            {
                _at = end + 1;
                return text;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Invalid escapes or UTF-16: the general reader reports them.
        }

        return Fail();
    }

    // Before a value: false after a failure, and false (consuming it) for null. Otherwise the reader is on the value's first byte.
    private bool Value()
    {
        if (_failed)
            return false;
        SkipSpace();
        if (_at >= _json.Length)
        {
            Fail();
            return false;
        }

        if (_json[_at] != (byte)'n')
            return true;
        if (_json.Slice(_at).StartsWith("null"u8))
            _at += 4;
        else
            Fail();
        return false;
    }

    // A whole number as writers write it: 0, or 1 to 10 digits without a leading zero ("01" fails at the next
    // member's comma), at most int.MaxValue (int.MinValue's magnitude after a minus sign). Fractions and exponents
    // (12.0, 1e1) leave the layout: the general reader reads them.
    private int Digits(bool negative = false)
    {
        var json = _json;
        int at = _at, start = at;
        long value = 0;
        while ((uint)at < (uint)json.Length)
        {
            uint digit = (uint)(json[at] - '0');
            if (digit > 9)
                break;
            if (at - start == 10 || (value == 0 && at > start))
            {
                Fail(); // 11 digits, or a digit after a leading zero
                return 0;
            }

            value = value * 10 + digit;
            at++;
        }

        if (at == start || value > (negative ? 1L + int.MaxValue : int.MaxValue))
        {
            Fail();
            return 0;
        }

        _at = at;
        return (int)(negative ? -value : value);
    }

    // A number ≥ 0 as JSON writes it without an exponent: 0 or a digit run without a leading zero, then an optional fraction.
    private decimal? Number()
    {
        var json = _json;
        int start = _at, at = start;
        if (at < json.Length && json[at] == (byte)'0')
            at++;
        else
            at = SkipDigits(json, at);
        if (at == start)
            return Fail<decimal>();
        if (at < json.Length && json[at] == (byte)'.')
        {
            int fraction = at + 1;
            at = SkipDigits(json, fraction);
            if (at == fraction)
                return Fail<decimal>();
        }

        if (at < json.Length && (json[at] | 0x20) == (byte)'e')
            return Fail<decimal>();

        // The parser Utf8JsonReader.TryGetDecimal uses, so the digits kept (67.740) and the range are the same.
        if (!Utf8Parser.TryParse(json.Slice(start, at - start), out decimal value, out int consumed) || consumed != at - start)
            return Fail<decimal>();
        _at = at;
        return value;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && (uint)(json[at] - '0') <= 9)
            at++;
        return at;
    }

    // token: "{" or "," then the quoted name and ":". Compared whole first (compact documents); then allowing
    // whitespace before the punctuation, before the name and before the colon (indented documents).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Member(ReadOnlySpan<byte> token)
    {
        if (_failed)
            return;
        if (_json.Slice(_at).StartsWith(token))
            _at += token.Length;
        else
            Spaced(token);
    }

    private void Spaced(ReadOnlySpan<byte> token)
    {
        if (Byte(token[0]))
            Name(token.Slice(2, token.Length - 4));
    }

    private void Name(ReadOnlySpan<byte> name)
    {
        if (!Byte((byte)'"'))
            return;
        var rest = _json.Slice(_at);
        if (rest.Length > name.Length && rest[name.Length] == (byte)'"' && rest.StartsWith(name))
        {
            _at += name.Length + 1;
            Byte((byte)':');
        }
        else
        {
            Fail();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Byte(byte expected)
    {
        if (_failed)
            return false;
        SkipSpace();
        if ((uint)_at < (uint)_json.Length && _json[_at] == expected)
        {
            _at++;
            return true;
        }

        Fail();
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipSpace()
    {
        // JSON whitespace: space, tab, line feed, carriage return.
        while ((uint)_at < (uint)_json.Length && _json[_at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            _at++;
    }

    private string? Fail()
    {
        _failed = true;
        return null;
    }

    private T? Fail<T>()
        where T : struct
    {
        _failed = true;
        return null;
    }
}
