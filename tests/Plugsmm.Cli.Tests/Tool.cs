using System.Diagnostics;
using System.Reflection;

namespace Plugsmm.Cli.Tests;

/// <summary>What one run of the tool did.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real, built tool (<c>dotnet plugsmm.dll</c> from src/Plugsmm.Cli's output) as a process, with a clean
/// environment for the variables it reads, and a generous time limit as a guard only.
/// </summary>
public static class Tool
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>The variables the tool reads: cleared from the inherited environment before each run.</summary>
    private static readonly string[] ToolVariables = ["PLUGSMMS_API_KEY", "PLUGSMMS_API_KEY_FILE", "PLUGSMM_BASE_URL", "PLUGSMM_USE_NEW_API"];

    public static string Path { get; } = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PlugsmmToolPath").Value!;

    /// <summary>Starts the tool; the caller reads and waits.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(Path), $"The tool is not built at {Path}: build src/Plugsmm.Cli first.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in ToolVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Plugsmm__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start)!;
    }

    public static async Task<ToolRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? stdin = null)
    {
        using var process = Start(args, environment);
        using var guard = new CancellationTokenSource(Guard);
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"plugsmm {string.Join(' ', args)} did not exit within {Guard}.");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
