using System.Diagnostics;
using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary>
/// <c>plugsmm simulate --ledger FILE [options]</c> as a process on loopback: started, waited for until it prints its
/// <c>Listening on</c> line, killed at the end. The ledger file is how tests count what the panel did.
/// </summary>
public class Simulator : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private Process? _process;

    public const string Key = "simulated-panel-key-0123456789ab";

    public string Ledger { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"plugsmm-ledger-{Guid.NewGuid():N}.jsonl");

    public Uri Address { get; private set; } = null!;

    /// <summary>The options given to <c>simulate</c> besides <c>--ledger</c>.</summary>
    protected virtual string[] Options => [];

    /// <summary>The environment of a tool run against this panel: its key and address.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string? Value)[] changes)
    {
        var environment = new Dictionary<string, string?> { ["PLUGSMMS_API_KEY"] = Key, ["PLUGSMM_BASE_URL"] = Address.ToString() };
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }

        return environment;
    }

    public Task<ToolRun> RunAsync(params string[] args) => Tool.RunAsync(args, Environment());

    /// <summary>Every request the panel handled so far, one parsed JSON line each.</summary>
    public IReadOnlyList<JsonElement> LedgerLines()
    {
        using var stream = new FileStream(Ledger, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    public async Task InitializeAsync()
    {
        _process = Tool.Start(["simulate", "--ledger", Ledger, .. Options]);
        _process.OutputDataReceived += (_, e) => Seen(e.Data);
        _process.ErrorDataReceived += (_, e) => Seen(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        var ready = await Task.WhenAny(_listening.Task, exited, Task.Delay(Guard, TimeProvider.System));
        Assert.True(ready == _listening.Task, "plugsmm simulate did not print 'Listening on': " + string.Join('\n', Output()));
        Address = await _listening.Task;
    }

    /// <summary>What the simulator printed so far, stdout and stderr.</summary>
    public string Printed => string.Join('\n', Output());

    /// <summary>Sends Ctrl+C (SIGINT) and waits for the simulator to stop; returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var guard = new CancellationTokenSource(Guard);
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        File.Delete(Ledger);
        return Task.CompletedTask;
    }

    private List<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        const string Prefix = "Listening on ";
        if (line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[Prefix.Length..].Trim()));
        }
    }
}
