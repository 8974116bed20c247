using Microsoft.Extensions.Logging;

namespace Plugsmm.Cli;

/// <summary>
/// The client's logs, one line each, on stderr and never on stdout (so <c>--json</c> stays one document). Without
/// <c>--verbose</c> only warnings about the configuration show (the legacy encoding, an open circuit): a failed call's
/// own warning is left out, since the tool reports every error once itself.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter error, bool verbose) : ILoggerProvider
{
    /// <summary>The client's per-call failure events (error, invalid JSON, timeout, unknown error): the tool's own error line says it.</summary>
    private static readonly HashSet<int> CallFailureEvents = [1003, 1004, 1005, 2001];

    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private bool Shows(LogLevel level, EventId eventId) =>
        verbose ? level >= LogLevel.Debug : level >= LogLevel.Warning && !CallFailureEvents.Contains(eventId.Id);

    private void Write(LogLevel level, string message)
    {
        var label = level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warning",
            LogLevel.Error => "error",
            _ => "critical",
        };
        lock (_gate)
        {
            error.WriteLine($"plugsmm: {label}: {message}");
        }
    }

    private sealed class Logger(StderrLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Shows(logLevel, default) || (logLevel >= LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (provider.Shows(logLevel, eventId))
            {
                provider.Write(logLevel, formatter(state, exception));
            }
        }
    }
}
