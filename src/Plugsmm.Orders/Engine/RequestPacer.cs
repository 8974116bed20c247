namespace Plugsmm.Orders;

/// <summary>
/// Spaces one panel's requests <c>60 s / R</c> apart on the engine's clock, so that no sliding minute holds more than
/// R of them (request k + R leaves at least 60 s after request k), and holds the next request while the panel asks for
/// a wait (a 429's <c>Retry-After</c>). A request after a quiet spell leaves at once. Thread-safe: every request to the
/// panel, from any step, takes its turn here.
/// </summary>
internal sealed class RequestPacer
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    internal RequestPacer(int perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        _time = time;

        // Rounded up, so that R spacings are never less than a minute.
        Spacing = TimeSpan.FromTicks((TimeSpan.TicksPerMinute + perMinute - 1) / perMinute);
    }

    /// <summary>The least time between two requests.</summary>
    internal TimeSpan Spacing { get; }

    /// <summary>
    /// Waits for this request's turn. The turn is taken when the wait ends, on the clock's time then, so a late timer
    /// never brings the next request closer.
    /// </summary>
    /// <param name="longest">The longest this request may wait for its turn (null: as long as it takes).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The turn is further away than <paramref name="longest"/>: the request was not sent.</exception>
    internal async Task WaitTurnAsync(TimeSpan? longest, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now >= _next)
                {
                    _next = now + Spacing;
                    return;
                }

                wait = _next - now;
                if (longest is { } limit && now - started + wait > limit)
                {
                    throw new TimeoutException($"The panel's next turn is {wait} away, longer than this request may wait ({limit}).");
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The panel refused a request for its rate: no request leaves before <paramref name="retryAfter"/> has passed.</summary>
    internal void Hold(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + retryAfter;
            if (until > _next)
            {
                _next = until;
            }
        }
    }
}
