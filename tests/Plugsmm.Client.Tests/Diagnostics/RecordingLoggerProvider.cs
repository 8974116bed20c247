using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// A logger provider that records, at every level, everything a structured sink could receive: the formatted
/// message, every key and value of the state (lists of values one by one), every scope active at the time, and
/// the exception.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>(category, text) for every text of every record.</summary>
    public ConcurrentQueue<(string Category, string Text)> Texts { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string>(StateText.Of(state)) { formatter(state, exception), exception?.ToString() ?? string.Empty };
            provider._scopes.ForEachScope((scope, list) => list.AddRange(StateText.Of(scope)), texts);
            foreach (var text in texts)
            {
                provider.Texts.Enqueue((category, text));
            }
        }
    }
}
