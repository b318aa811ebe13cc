using System;
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
}
