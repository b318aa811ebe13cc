using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using GovInfoReports.Tests.Shared;

namespace GovInfoReports.HostileTests;

/// <summary>Hostile files, made by code: text, web pages and Word documents (written as raw XML in a zip, so that nothing is built in memory first).</summary>
internal static class Inputs
{
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string name) => File.ReadAllText(Path.Combine(Samples, name + ".txt"));

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>Writes <paramref name="count"/> copies of <paramref name="text"/> to <paramref name="writer"/>, without making the whole string.</summary>
    public static void Write(TextWriter writer, string text, long count)
    {
        for (long i = 0; i < count; i++)
            writer.Write(text);
    }

    /// <summary>A page whose body is <paramref name="body"/>.</summary>
    public static string Page(string body) => "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>" + body + "</body></html>";

    /// <summary>A minimal Word document whose body XML is written by <paramref name="body"/> (namespace prefix w).</summary>
    public static void Docx(string path, Action<TextWriter> body)
    {
        using var file = File.Create(path);
        RawDocx.Write(file, body);
    }

    public static string P(string text) => RawDocx.P(text);

    public static string Tc(string text, string properties = "") => RawDocx.Tc(text, properties);

    /// <summary>The head of the mianyang sample's licensing table, as a Word table's first rows.</summary>
    public static string LicensingHeader =>
        RawDocx.Tr("信息内容", "上一年项目数量", "本年增/减", "处理决定数量");

    public static string Lines(params string[] lines) => string.Join("\n", lines);

    /// <summary>
    /// A minimal PDF of <paramref name="pages"/> pages sharing one content stream (written as given, or zlib-compressed
    /// from <paramref name="content"/> repeated <paramref name="repeat"/> times), with a cross-reference table.
    /// </summary>
    public static void Pdf(string path, int pages, string content, int repeat = 1, bool compress = false)
    {
        byte[] stream;
        if (compress)
        {
            using var packed = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var chunk = Encoding.ASCII.GetBytes(content);
                for (int i = 0; i < repeat; i++)
                    zlib.Write(chunk);
            }

            stream = packed.ToArray();
        }
        else
        {
            stream = Encoding.ASCII.GetBytes(Repeat(content, repeat));
        }

        using var file = new FileStream(path, FileMode.Create);
        var offsets = new List<long>();
        void Text(string text) => file.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(file.Position);
            Text($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Text("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [" + string.Join(" ", Enumerable.Range(0, pages).Select(p => $"{4 + p} 0 R")) + $"] /Count {pages} >>");
        offsets.Add(file.Position);
        Text($"3 0 obj\n<< /Length {stream.Length}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n");
        file.Write(stream);
        Text("\nendstream\nendobj\n");
        for (int p = 0; p < pages; p++)
            Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
        long xref = file.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Text($"{offset:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }
}
