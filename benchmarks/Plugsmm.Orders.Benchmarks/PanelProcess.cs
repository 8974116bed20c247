using System.Diagnostics;
using System.Globalization;

namespace Plugsmm.Orders.Benchmarks;

/// <summary>The run's side of <see cref="PanelServer"/>: starts this app with <c>--serve-panel</c> and sends it commands.</summary>
internal sealed class PanelProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PanelProcess(Process process, Uri address, string apiKey)
    {
        _process = process;
        Address = address;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    public string ApiKey { get; }

    public static async Task<PanelProcess> StartAsync()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the panel with.");
        var start = new ProcessStartInfo(path) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PanelProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve-panel");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path} --serve-panel.");
        try
        {
            var hello = Fields(await ReadAsync(process).ConfigureAwait(false));
            return new PanelProcess(process, new Uri(hello["address"]), hello["key"]);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command; its answer's <c>name=value</c> fields.</summary>
    public async Task<Dictionary<string, string>> SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await ReadAsync(_process).ConfigureAwait(false);
        return line.StartsWith("error", StringComparison.Ordinal) ? throw new InvalidOperationException("The panel process: " + line) : Fields(line);
    }

    public async Task<PanelStats> StatsAsync()
    {
        var fields = await SendAsync("stats").ConfigureAwait(false);
        return new PanelStats(
            double.Parse(fields["first"], CultureInfo.InvariantCulture),
            long.Parse(fields["requests"], CultureInfo.InvariantCulture),
            long.Parse(fields["status"], CultureInfo.InvariantCulture),
            long.Parse(fields["status429"], CultureInfo.InvariantCulture),
            long.Parse(fields["polled"], CultureInfo.InvariantCulture),
            int.Parse(fields["orders"], CultureInfo.InvariantCulture),
            [.. fields["cycles"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => double.Parse(c, CultureInfo.InvariantCulture))]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("stop").ConfigureAwait(false);
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<string> ReadAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The panel process ended.");
    }

    private static Dictionary<string, string> Fields(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty, StringComparer.Ordinal);
}

/// <summary>What the panel counted since the last mark (the first answered <c>status</c> after it, in seconds; -1 before one).</summary>
internal sealed record PanelStats(double FirstStatusSeconds, long Requests, long StatusRequests, long Refused429, long Polled, int Orders, IReadOnlyList<double> Cycles);
