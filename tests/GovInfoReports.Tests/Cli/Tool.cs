using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GovInfoReports.Cli;

namespace GovInfoReports.Tests.Cli;

/// <summary>Runs <c>govinfo</c> in-process, and makes folders of report files for it.</summary>
internal static class Tool
{
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name + ".txt");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = GovInfoCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The per-file objects of <c>validate --format json</c>.</summary>
    public static List<JsonElement> Files(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>A fresh temporary folder, removed with the test's <see cref="IDisposable"/>.</summary>
    public sealed class Folder : IDisposable
    {
        public Folder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govinfo-tests-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string name, string text, Encoding? encoding = null)
        {
            string file = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, encoding ?? new UTF8Encoding(false));
            return file;
        }

        public string WriteBytes(string name, byte[] bytes)
        {
            string file = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
