namespace Plugsmm.Client.Testing;

/// <summary>
/// The panel's request limit, per API key: at most <c>perMinute</c> requests with the same <c>key</c> field in any
/// sliding minute of the panel's clock. A request over it is refused with HTTP 429 and a <c>Retry-After</c> of the
/// seconds until that key's oldest counted request leaves the window. Requests without a key share one budget.
/// </summary>
internal sealed class RateLimit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);

    /// <summary>The refusal for a request with <paramref name="key"/> at <paramref name="now"/>, or null when it is within the limit (and counted).</summary>
    public PanelFault? Take(int? perMinute, string key, DateTimeOffset now)
    {
        if (perMinute is not { } limit)
        {
            _accepted.Clear();
            return null;
        }

        if (!_accepted.TryGetValue(key, out var accepted))
        {
            _accepted[key] = accepted = new();
        }

        while (accepted.Count > 0 && now - accepted.Peek() >= Window)
        {
            accepted.Dequeue();
        }

        if (accepted.Count < limit)
        {
            accepted.Enqueue(now);
            return null;
        }

        var wait = accepted.Peek() + Window - now;
        return PanelFault.TooManyRequests(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
    }
}
