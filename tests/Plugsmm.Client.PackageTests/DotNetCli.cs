using System.Diagnostics;
using System.Text;

namespace Plugsmm.Client.PackageTests;

/// <summary>What one dotnet CLI command did.</summary>
public sealed record CliResult(string Command, int ExitCode, string Output)
{
    /// <summary>The lines MSBuild and the compilers report as warnings (<c>file(1,2): warning CODE: …</c>).</summary>
    public IReadOnlyList<string> Warnings => Output.Split('\n').Where(line => line.Contains(" warning ", StringComparison.Ordinal) || line.Contains(": warning", StringComparison.Ordinal)).Select(line => line.Trim()).Distinct().ToList();

    public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI that runs these tests, with a clean environment: none of the MSBuild variables of the
/// outer <c>dotnet test</c>, no build servers or reused nodes left behind, no telemetry.
/// </summary>
internal static class DotNetCli
{
    private static readonly string Host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name is "DOTNET_HOST_PATH" or "NUGET_PACKAGES")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return await RunAsync(start, "dotnet " + string.Join(' ', arguments), timeout);
    }

    public static async Task<CliResult> RunProgramAsync(string path, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return await RunAsync(start, string.Join(' ', [path, .. arguments]), timeout);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo start, string command, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"(killed after {timeout.TotalSeconds:0} s)");
            return new CliResult(command, -1, output.ToString());
        }

        process.WaitForExit(); // drains the output events
        Append(output, $"({clock.Elapsed.TotalSeconds:0.0} s)");
        return new CliResult(command, process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
