using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace GovInfoReports.PackageTests.Infrastructure;

/// <summary>The output and exit code of a finished process; <paramref name="Command"/> as a user would type it.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>The command, its exit code and its output, for assertion messages.</summary>
    public override string ToString() => $"`{Command}` exited with {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the .NET CLI (and git) as a user would, from a clean environment.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The directory to run in.</param>
    /// <param name="environment">Extra environment variables (e.g. <c>NUGET_PACKAGES</c>).</param>
    /// <param name="arguments">The arguments, each passed as one argument.</param>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", "dotnet", workingDirectory, environment, arguments);

    /// <summary>Runs the installed <c>govinfo</c> tool at <paramref name="path"/> (shown as <c>govinfo</c>, as a user types it).</summary>
    public static ProcessResult Tool(string path, string workingDirectory, params string[] arguments) => Start(path, "govinfo", workingDirectory, null, arguments);

    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult Git(string workingDirectory, params string[] arguments) => Start("git", "git", workingDirectory, null, arguments);

    private static ProcessResult Start(string fileName, string displayName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var info = StartInfo(fileName, workingDirectory, environment, arguments);
        string command = displayName + " " + string.Join(" ", arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"`{command}` did not finish within {Timeout.TotalMinutes} minutes:{Environment.NewLine}{output}");
        }

        process.WaitForExit(); // flushes the asynchronous readers
        lock (output)
            return new ProcessResult(command, process.ExitCode, output.ToString());
    }

    /// <summary>
    /// How a command is started as a user would start it: output redirected, no setting of the enclosing <c>dotnet test</c>
    /// (MSBuild, VSTest) passed on, no telemetry or first-run text, English messages, and no build server left running.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        // The test host runs inside `dotnet test`, whose MSBuild settings must not leak into a user's build.
        foreach (var key in new List<string>(info.Environment.Keys))
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                info.Environment.Remove(key);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        // No build server may outlive the command: it would hold the output pipes open and keep files locked.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
        return info;
    }
}
