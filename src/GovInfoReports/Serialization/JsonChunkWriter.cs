using System;
using System.Buffers.Text;
using System.Buffers;
using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovInfoReports.Serialization;

/// <summary>
/// Builds one JSON value from pre-encoded pieces — the constant member-name chunks a generated converter
/// holds as UTF-8 literals (<c>,"total":</c>) and the cell values between them — then hands it to a
/// <see cref="Utf8JsonWriter"/> as one raw value. The bytes are those the writer itself would write
/// (numbers through <see cref="Utf8Formatter"/>, as the writer formats them; unit strings escaped by the
/// writer's encoder); an indented writer gets the value token by token, so it indents it as usual.
/// Public for generated code in user assemblies; not meant to be called directly.
/// </summary>
/// <remarks>Rents its buffer from <see cref="ArrayPool{T}.Shared"/>; call <see cref="Dispose"/> when done.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JsonChunkWriter
{
    // The longest Utf8Formatter output of a decimal ("-79228162514264337593543950335" with a point and
    // 28 decimals is 31 bytes) and of an Int32 ("-2147483648").
    private const int MaxDecimalBytes = 32;
    private const int MaxInt32Bytes = 11;

    private static UnitWords? s_units;

    private readonly Utf8JsonWriter _writer;
    private byte[] _buffer;
    private int _length;

    /// <summary>Starts a value for <paramref name="writer"/>.</summary>
    /// <param name="writer">The writer the values go to.</param>
    /// <param name="capacity">The expected size in bytes; the buffer grows when a value needs more.</param>
    public JsonChunkWriter(Utf8JsonWriter writer, int capacity)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        _length = 0;
    }

    /// <summary>Appends pre-encoded JSON text (punctuation and member names).</summary>
    /// <param name="utf8">Valid JSON text in UTF-8.</param>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        if (_buffer.Length - _length < utf8.Length)
            Grow(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Appends a count, or <c>null</c> for a blank cell.</summary>
    /// <param name="value">The value.</param>
    public void AppendInt32(int? value)
    {
        if (value is not { } v)
        {
            Append("null"u8);
            return;
        }

        if (_buffer.Length - _length < MaxInt32Bytes)
            Grow(MaxInt32Bytes);
        Utf8Formatter.TryFormat(v, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    /// <summary>Appends an amount in the template's unit, or <c>null</c> for a blank cell.</summary>
    /// <param name="value">The value.</param>
    public void AppendDecimal(decimal? value)
    {
        if (value is not { } v)
        {
            Append("null"u8);
            return;
        }

        if (_buffer.Length - _length < MaxDecimalBytes)
            Grow(MaxDecimalBytes);
        Utf8Formatter.TryFormat(v, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    /// <summary>Appends an amount with its unit, <c>{"value":67.74,"unit":"万元"}</c>, or <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    public void AppendAmount(Amount? value)
    {
        if (value is not { } amount)
        {
            Append("null"u8);
            return;
        }

        Append("{\"value\":"u8);
        AppendDecimal(amount.Value);
        Append(",\"unit\":"u8);
        Append(amount.Unit switch
        {
            AmountUnit.Yuan => Units().Yuan,
            AmountUnit.TenThousandYuan => Units().TenThousandYuan,
            _ => "null"u8,
        });
        Append("}"u8);
    }

    /// <summary>
    /// Writes the value built so far to the writer (after a property name, where a value belongs) and starts
    /// the next one in the same buffer.
    /// </summary>
    public void Flush()
    {
        var json = _buffer.AsSpan(0, _length);
        if (_writer.Options.Indented)
            Rewrite(_writer, json);
        else
            _writer.WriteRawValue(json, skipInputValidation: true);
        _length = 0;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _length = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    // The unit words as JSON strings, escaped as this writer's encoder escapes them (the default encoder
    // writes 元 as \u5143, a relaxed one as UTF-8). One entry: programs use one encoder.
    private readonly UnitWords Units()
    {
        var encoder = _writer.Options.Encoder;
        var units = s_units;
        if (units is null || !ReferenceEquals(units.Encoder, encoder))
            s_units = units = new UnitWords(encoder);
        return units;
    }

    // An indented writer indents what it writes itself: the value goes through it token by token. Numbers keep
    // their text; strings are unescaped here and escaped again by the writer's encoder.
    private static void Rewrite(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped)
                        writer.WritePropertyName(reader.GetString()!);
                    else
                        writer.WritePropertyName(reader.ValueSpan);
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(reader.GetString());
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    break;
            }
        }
    }

    private sealed class UnitWords
    {
        public UnitWords(JavaScriptEncoder? encoder)
        {
            Encoder = encoder;
            Yuan = Quoted("元", encoder);
            TenThousandYuan = Quoted("万元", encoder);
        }

        public JavaScriptEncoder? Encoder { get; }

        public byte[] Yuan { get; }

        public byte[] TenThousandYuan { get; }

        private static byte[] Quoted(string text, JavaScriptEncoder? encoder)
        {
            var encoded = JsonEncodedText.Encode(text, encoder).EncodedUtf8Bytes;
            var quoted = new byte[encoded.Length + 2];
            quoted[0] = (byte)'"';
            encoded.CopyTo(quoted.AsSpan(1));
            quoted[^1] = (byte)'"';
            return quoted;
        }
    }
}
