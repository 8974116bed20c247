using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>
/// PHP's built-in server on a free loopback port, running php/capture.php: a stand-in panel that records
/// what PHP itself parsed from every request. Started and stopped by the test; no sleeping, it waits for
/// PHP's own "started" line.
/// </summary>
internal sealed class PhpCaptureServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _captureFile;

    private PhpCaptureServer(Process process, int port, string captureFile)
    {
        _process = process;
        _captureFile = captureFile;
        Root = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Root { get; }

    public static async Task<PhpCaptureServer> StartAsync()
    {
        var php = Php.Executable ?? throw new InvalidOperationException("php is not on PATH.");
        var captureFile = Path.Combine(Path.GetTempPath(), $"plugsmm-capture-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(captureFile, string.Empty);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(php, ["-n", "-S", $"127.0.0.1:{port}", Php.ScriptPath("capture.php")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["CAPTURE_FILE"] = captureFile;
            var process = Process.Start(start)!;
            process.StandardOutput.ReadToEndAsync().ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter();
            using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardError.ReadLineAsync(startup.Token) is { } line)
            {
                if (line.Contains("Development Server", StringComparison.Ordinal) && line.Contains("started", StringComparison.Ordinal))
                {
                    _ = DrainAsync(process.StandardError);
                    return new PhpCaptureServer(process, port, captureFile);
                }
            }

            // The port was taken between choosing and binding: try another, a few times.
            await process.WaitForExitAsync();
            process.Dispose();
            if (attempt == 5)
            {
                throw new InvalidOperationException("PHP's built-in server did not start.");
            }
        }
    }

    /// <summary>Every request PHP received, in order.</summary>
    public List<Capture> Captures() =>
        File.ReadAllLines(_captureFile)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var post = root.GetProperty("post").ValueKind == JsonValueKind.Object
                    ? root.GetProperty("post").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
                    : [];
                return new Capture(root.GetProperty("path").GetString()!, root.GetProperty("method").GetString()!, root.GetProperty("content_type").GetString()!, post, root.GetProperty("raw").GetString()!);
            })
            .ToList();

    /// <summary>Every request PHP received, as the JSON capture.php wrote (for nested $_POST arrays).</summary>
    public List<JsonElement> CaptureDocuments() =>
        File.ReadAllLines(_captureFile)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_captureFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    internal sealed record Capture(string Path, string Method, string ContentType, Dictionary<string, string> Post, string Raw);
}
