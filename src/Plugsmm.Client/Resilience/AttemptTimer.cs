namespace Plugsmm.Client;

/// <summary>
/// The cancellation source of one attempt: cancelled when the attempt's timeout passes on the client's clock. On the
/// system clock a thread keeps one source for its next attempt (reset, not remade, so its timer is reused too); on any
/// other clock (a fake one in tests) each attempt gets a new source that follows that clock.
/// </summary>
internal sealed class AttemptTimer(TimeProvider timeProvider)
{
    [ThreadStatic]
    private static CancellationTokenSource? t_cached;

    private readonly bool _systemClock = timeProvider == TimeProvider.System;

    /// <summary>A source that cancels itself after <paramref name="timeout"/>; give it back with <see cref="Return"/>.</summary>
    public CancellationTokenSource Rent(TimeSpan timeout)
    {
        if (!_systemClock)
        {
            return new CancellationTokenSource(timeout, timeProvider);
        }

        var source = t_cached ?? new CancellationTokenSource();
        t_cached = null;
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Keeps the source for this thread's next attempt if it can be reset (not cancelled), else disposes it.</summary>
    public void Return(CancellationTokenSource source)
    {
        if (_systemClock && source.TryReset())
        {
            t_cached = source;
            return;
        }

        source.Dispose();
    }
}
