using System;
using System.IO;
using System.Text;

namespace GovInfoReports.Extraction;

/// <summary>Why the bytes of a file are not text that a report can be read from.</summary>
public enum TextFileProblem
{
    /// <summary>The bytes decode as text.</summary>
    None = 0,

    /// <summary>The file is empty (or holds only a byte order mark or white space).</summary>
    Empty = 1,

    /// <summary>The file is not text (NUL bytes or control characters: an image, a PDF, a zip, …).</summary>
    Binary = 2,
}

/// <summary>The text of a report file and how it was decoded.</summary>
/// <param name="Text">The text; empty when <paramref name="Problem"/> is not <see cref="TextFileProblem.None"/>.</param>
/// <param name="Encoding">The encoding found: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c> or <c>gb18030</c> (which covers GBK and GB2312); null for an empty or binary file.</param>
/// <param name="Problem">Why the file holds no text, if it does not.</param>
public sealed record DecodedText(string Text, string? Encoding, TextFileProblem Problem)
{
    /// <summary>
    /// How many invalid byte sequences of a UTF-8 file were replaced by U+FFFD (a file damaged in a few places is still
    /// read as the UTF-8 it is, not as another encoding); 0 when the bytes decoded cleanly.
    /// </summary>
    public int InvalidSequences { get; init; }
}

/// <summary>
/// Reads report text files in the encodings Chinese documents come in — UTF-8 (with or without byte order
/// mark), UTF-16 and UTF-32 (by byte order mark, or UTF-16 by its zero bytes), and GB18030/GBK — and
/// recognises files that are not text at all.
/// </summary>
public static class ReportTextFile
{
    private const int Gb18030CodePage = 54936;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static DecodedText Read(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes the bytes of a report file, finding their encoding.</summary>
    /// <param name="bytes">The file's bytes.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return new DecodedText("", null, TextFileProblem.Empty);

        // A byte order mark says it all (UTF-32 LE before UTF-16 LE: its mark begins with the same two bytes).
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }))
            return Checked(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false).GetString(bytes[4..]), "utf-32le");
        if (bytes.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
            return Checked(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false).GetString(bytes[4..]), "utf-32be");
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return Checked(new UTF8Encoding(false, false).GetString(bytes[3..]), "utf-8");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
            return Checked(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return Checked(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        // UTF-16 without a mark: the ASCII digits, spaces and line breaks of a report put zero bytes at every
        // other position (odd ones for little endian), and hardly ever at the others.
        if (Utf16WithoutMark(bytes) is { } bigEndian)
            return Checked(bigEndian ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Unicode.GetString(bytes), bigEndian ? "utf-16be" : "utf-16le");

        if (bytes.IndexOf((byte)0) >= 0)
            return new DecodedText("", null, TextFileProblem.Binary);

        try
        {
            return Checked(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8 throughout: damaged UTF-8, or another encoding.
        }

        var (multibyte, invalid) = Utf8Sequences(bytes);
        if (invalid * InvalidPerValidUtf8 <= multibyte)
        {
            // UTF-8 with a few damaged bytes (a bit flipped, a character cut): GB18030 would garble every character.
            var text = Checked(new UTF8Encoding(false, false).GetString(bytes), "utf-8");
            return text.Problem == TextFileProblem.None ? text with { InvalidSequences = invalid } : text;
        }

        // Not UTF-8: the other encoding of Chinese text files. GB18030 is a superset of GBK and GB2312.

        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)
            ?? throw new InvalidOperationException("The GB18030 encoding is not available.");
        return Checked(gb18030.GetString(bytes), "gb18030");
    }

    /// <summary>
    /// At most one invalid sequence per this many valid multi-byte characters makes bytes damaged UTF-8 rather than
    /// another encoding. GBK text read as UTF-8 is mostly invalid: of its two-byte characters only about one in ten
    /// happens to form a valid sequence.
    /// </summary>
    private const int InvalidPerValidUtf8 = 20;

    /// <summary>The valid multi-byte characters and the invalid sequences of <paramref name="bytes"/> read as UTF-8.</summary>
    private static (int Multibyte, int Invalid) Utf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int multibyte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            int ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
                break;
            bytes = bytes.Slice(ascii);
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done)
                multibyte++;
            else
                invalid++;
            bytes = bytes.Slice(consumed);
        }

        return (multibyte, invalid);
    }

    private static bool? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 32 || bytes.Length % 2 != 0)
            return null;
        int pairs = Math.Min(bytes.Length, 8192) / 2;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2)
        {
            if (bytes[i] == 0)
                evenZeros++;
            if (bytes[i + 1] == 0)
                oddZeros++;
        }

        // ASCII characters (digits, line breaks: at least a few in a hundred in any report) give zeros on one side;
        // Chinese characters give a zero byte on the other side only when their code is a multiple of 256 — rare,
        // though 一 (U+4E00) is common in reports. Binary data has zeros on both sides alike.
        if (oddZeros * 50 >= pairs && evenZeros * 3 < oddZeros)
            return false;
        if (evenZeros * 50 >= pairs && oddZeros * 3 < evenZeros)
            return true;
        return null;
    }

    /// <summary>The decoded text, unless it is mostly control characters (a binary file that happened to decode) or empty.</summary>
    private static DecodedText Checked(string text, string encoding)
    {
        int control = 0, visible = 0;
        foreach (char c in text)
        {
            if (c is '\t' or '\n' or '\r' or '\f' or ' ' or '\u3000' or '\uFEFF')
                continue;
            if (c < ' ' || c == '\u007F' || c == '\uFFFD')
                control++;
            else
                visible++;
        }

        if (visible == 0 && control == 0)
            return new DecodedText("", null, TextFileProblem.Empty);
        if (control * 20 > visible + control)
            return new DecodedText("", null, TextFileProblem.Binary);
        return new DecodedText(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, encoding, TextFileProblem.None);
    }
}
