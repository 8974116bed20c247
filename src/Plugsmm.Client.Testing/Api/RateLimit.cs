namespace Plugsmm.Client.Testing;

/// <summary>
/// The panel's request limit: at most <c>perMinute</c> requests in any sliding minute of the panel's clock. A request
/// over it is refused with HTTP 429 and a <c>Retry-After</c> of the seconds until the oldest counted request leaves the window.
/// </summary>
internal sealed class RateLimit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>The refusal for a request at <paramref name="now"/>, or null when it is within the limit (and counted).</summary>
    public PanelFault? Take(int? perMinute, DateTimeOffset now)
    {
        if (perMinute is not { } limit)
        {
            _accepted.Clear();
            return null;
        }

        while (_accepted.Count > 0 && now - _accepted.Peek() >= Window)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count < limit)
        {
            _accepted.Enqueue(now);
            return null;
        }

        var wait = _accepted.Count == 0 ? Window : _accepted.Peek() + Window - now;
        return PanelFault.TooManyRequests(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
    }
}
