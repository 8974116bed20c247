using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// An engine's clock over a <see cref="FakeTimeProvider"/> that reports each timer the engine creates (a wait of its
/// pacer): the test then knows the engine is parked and how far to move the clock, without any real-time sleep.
/// </summary>
internal sealed class ParkingClock(FakeTimeProvider time) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private Task<TimeSpan>? _nextTimer;

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override long TimestampFrequency => time.TimestampFrequency;

    public override long GetTimestamp() => time.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = time.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the engine waits on this clock; the wait's length.</summary>
    public async Task<TimeSpan> ParkedAsync()
    {
        _nextTimer ??= _timers.Reader.ReadAsync().AsTask();
        var due = await _nextTimer;
        _nextTimer = null;
        return due;
    }

    /// <summary>
    /// Runs a call of the engine to its end: whenever it waits on this clock, moves the fake clock to the wait's end.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        while (true)
        {
            _nextTimer ??= _timers.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(call, _nextTimer) == call)
            {
                return await call;
            }

            var due = await _nextTimer;
            _nextTimer = null;
            time.Advance(due);
        }
    }

    /// <summary>
    /// Runs the engine's steps as its background service does (back to back while there is work, the poll interval
    /// apart when idle) until <paramref name="duration"/> of the fake clock has passed.
    /// </summary>
    public async Task RunForAsync(OrderEngine engine, TimeSpan duration, TimeSpan pollInterval)
    {
        var end = time.GetUtcNow() + duration;
        while (time.GetUtcNow() < end)
        {
            if (await DriveAsync(Task.Run(() => engine.RunOnceAsync(CancellationToken.None))) == 0)
            {
                time.Advance(pollInterval);
            }
        }
    }
}
