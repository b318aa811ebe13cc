using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GovInfoReports.Generators.Parsing;

/// <summary>
/// A strict JSON reader (RFC 8259) over the characters of a template file. It never throws: the first
/// syntax error ends the read and is returned with its exact character position. Nesting is limited,
/// so that no input can exhaust the compiler's stack.
/// </summary>
internal sealed class JsonReader
{
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;
    private int _depth;
    private JsonSyntaxError? _error;

    private JsonReader(string text) => _text = text;

    /// <summary>Reads one JSON document. Returns the root, or null with <paramref name="error"/> set.</summary>
    public static JsonNode? Read(string text, out JsonSyntaxError? error)
    {
        var reader = new JsonReader(text);
        reader.SkipByteOrderMark();
        reader.SkipWhitespace();
        var root = reader.ReadValue();
        if (root is not null)
        {
            reader.SkipWhitespace();
            if (reader._pos < text.Length)
            {
                reader.Fail(reader._pos, "unexpected text after the end of the document");
                root = null;
            }
        }

        error = reader._error;
        return reader._error is null ? root : null;
    }

    private void SkipByteOrderMark()
    {
        if (_pos < _text.Length && _text[_pos] == '\uFEFF')
            _pos++;
    }

    private JsonNode? ReadValue()
    {
        if (_pos >= _text.Length)
            return Fail(_pos, "unexpected end of file, a value was expected");

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                int start = _pos;
                var s = ReadString();
                return s is null ? null : new JsonString(SourceSpan.FromBounds(start, _pos), s);
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                    return ReadNumber();
                return Fail(_pos, "unexpected character " + Show(c) + ", a value was expected");
        }
    }

    private JsonNode? ReadObject()
    {
        int start = _pos;
        if (!Enter())
            return null;
        _pos++; // {
        var members = new List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObject(SourceSpan.FromBounds(start, _pos), members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
                return Fail(_pos, AtEnd ? "unexpected end of file inside an object" : "a member name in double quotes was expected, found " + Show(_text[_pos]));
            int nameStart = _pos;
            var name = ReadString();
            if (name is null)
                return null;
            var nameSpan = SourceSpan.FromBounds(nameStart, _pos);
            SkipWhitespace();
            if (Peek() != ':')
                return Fail(_pos, AtEnd ? "unexpected end of file, ':' was expected" : "':' was expected after the member name, found " + Show(_text[_pos]));
            _pos++;
            SkipWhitespace();
            var value = ReadValue();
            if (value is null)
                return null;
            members.Add(new JsonMember(name, nameSpan, value));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == '}')
            {
                _pos++;
                _depth--;
                return new JsonObject(SourceSpan.FromBounds(start, _pos), members);
            }

            return Fail(_pos, AtEnd ? "unexpected end of file inside an object, '}' was expected" : "',' or '}' was expected, found " + Show(next));
        }
    }

    private JsonNode? ReadArray()
    {
        int start = _pos;
        if (!Enter())
            return null;
        _pos++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArray(SourceSpan.FromBounds(start, _pos), items);
        }

        while (true)
        {
            SkipWhitespace();
            var item = ReadValue();
            if (item is null)
                return null;
            items.Add(item);
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == ']')
            {
                _pos++;
                _depth--;
                return new JsonArray(SourceSpan.FromBounds(start, _pos), items);
            }

            return Fail(_pos, AtEnd ? "unexpected end of file inside an array, ']' was expected" : "',' or ']' was expected, found " + Show(next));
        }
    }

    private string? ReadString()
    {
        int start = _pos;
        _pos++; // opening quote
        StringBuilder? builder = null;
        int runStart = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"')
            {
                string result = builder is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return result;
            }

            if (c < ' ')
            {
                Fail(_pos, c == '\n' || c == '\r' ? "a string must end on the line it starts" : "a control character must be escaped inside a string");
                return null;
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            int escapeStart = _pos;
            _pos++;
            if (_pos >= _text.Length)
                break;
            char e = _text[_pos];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length)
                    {
                        Fail(escapeStart, "incomplete \\u escape");
                        return null;
                    }

                    if (!ushort.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        Fail(escapeStart, "a \\u escape needs four hexadecimal digits");
                        return null;
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    Fail(escapeStart, "unknown escape sequence \\" + e);
                    return null;
            }

            _pos++;
            runStart = _pos;
        }

        Fail(start, "the string is not closed");
        return null;
    }

    private JsonNode? ReadNumber()
    {
        int start = _pos;
        if (Peek() == '-')
            _pos++;
        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
                _pos++;
        }
        else
        {
            return Fail(_pos, "a digit was expected");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
                return Fail(_pos, "a digit was expected after the decimal point");
            while (IsDigit(Peek()))
                _pos++;
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
                _pos++;
            if (!IsDigit(Peek()))
                return Fail(_pos, "a digit was expected in the exponent");
            while (IsDigit(Peek()))
                _pos++;
        }

        if (IsDigit(Peek()) && _text[start] == '0')
            return Fail(_pos, "a number must not have leading zeros");

        return new JsonNumber(SourceSpan.FromBounds(start, _pos), _text.Substring(start, _pos - start));
    }

    private JsonNode? ReadLiteral(string word, JsonKind kind)
    {
        int start = _pos;
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0 || (_pos + word.Length < _text.Length && char.IsLetterOrDigit(_text[_pos + word.Length])))
            return Fail(_pos, "unexpected word, a value was expected (true, false, null, a number, a string, an array or an object)");
        _pos += word.Length;
        return new JsonLiteral(SourceSpan.FromBounds(start, _pos), kind);
    }

    private bool Enter()
    {
        if (++_depth > MaxDepth)
        {
            Fail(_pos, "the document is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
            return false;
        }

        return true;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            _pos++;
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Show(char c) => c < ' ' ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : "'" + c + "'";

    private JsonNode? Fail(int position, string message)
    {
        _error ??= new JsonSyntaxError(position, message);
        return null;
    }
}

/// <summary>A JSON syntax error at a character position.</summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(int position, string message)
    {
        Position = position;
        Message = message;
    }

    public int Position { get; }

    public string Message { get; }
}
