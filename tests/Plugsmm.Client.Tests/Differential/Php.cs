using System.Diagnostics;
using System.Text;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>Runs the machine's PHP (the reference for the wire format) on the scripts under php/.</summary>
internal static class Php
{
    private static readonly Lazy<string?> LazyExecutable = new(FindExecutable);

    /// <summary>The php binary on PATH, or null when this machine has none.</summary>
    public static string? Executable => LazyExecutable.Value;

    /// <summary>CI sets CI=true and installs php-cli: there a missing PHP is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "php", name);

    /// <summary>Feeds <paramref name="lines"/> to <c>php -n script</c> and returns what it prints, line by line.</summary>
    public static async Task<string[]> RunLinesAsync(string script, IEnumerable<string> lines)
    {
        var php = Executable ?? throw new InvalidOperationException("php is not on PATH.");
        // -n: no php.ini, so nothing on the machine changes PHP's defaults (precision=14 among them).
        var start = new ProcessStartInfo(php, ["-n", ScriptPath(script)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            foreach (var line in lines)
            {
                await process.StandardInput.WriteAsync(line);
                await process.StandardInput.WriteAsync('\n');
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // PHP stopped reading: its exit code and stderr below say why.
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"php exited with {process.ExitCode}: {await errors}");
        }

        var text = await output;
        // One line per input, and an empty body is an empty line: drop only the final line break.
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "php"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A test that needs PHP: skipped where PHP is absent, except in CI (CI=true), where .ci/run installs
/// php-cli and a missing PHP fails the test instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PhpFactAttribute : FactAttribute
{
    public PhpFactAttribute()
    {
        if (Php.Executable is null && !Php.Required)
        {
            Skip = "php is not on PATH (install php-cli; CI always has it).";
        }
    }
}
