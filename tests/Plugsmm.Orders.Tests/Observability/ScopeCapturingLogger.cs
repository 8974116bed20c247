using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Orders.Tests;

/// <summary>A logger provider that keeps every line with its event id, message and the scopes' values, as a JSON console shows them.</summary>
internal sealed class ScopeCapturingLogger : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Line> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record Line(string Category, int EventId, string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class Logger(ScopeCapturingLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                (value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var pair in pairs)
                        {
                            values[pair.Key] = pair.Value;
                        }
                    }
                },
                scope);
            owner._lines.Enqueue(new Line(category, eventId.Id, formatter(state, exception), scope));
        }
    }
}
