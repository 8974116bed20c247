using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Client.Tests.Resilience;

internal static class FakeTime
{
    /// <summary>How long a test may wait in real time for a call that neither finishes nor waits on the clock: a guard, never a pause.</summary>
    internal static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Moves fake time forward until <paramref name="task"/> finishes, so retry delays, slow answers and timeouts
    /// elapse on the fake clock. Time moves only while the call is parked on the clock (<see cref="FakeClock.IsParked"/>:
    /// a delay, or an answer that never comes), never while it works, and then straight to the next timer that is due,
    /// so a busy machine changes nothing: no real time is waited for. Returns the fake time that passed; the caller
    /// then awaits the task itself. <paramref name="step"/> times <paramref name="maxSteps"/> is the fake time allowed.
    /// </summary>
    public static async Task<TimeSpan> DriveAsync(FakeClock time, Task task, TimeSpan step, int maxSteps = 20_000)
    {
        var start = time.GetUtcNow();
        var allowed = step * maxSteps;
        DateTimeOffset? firedDueAt = null;
        while (!task.IsCompleted)
        {
            var changed = time.Changed;
            if (time.IsParked)
            {
                var next = time.NextDue;
                Assert.True(next is not null, "the call waits on the clock but no timer of it is due");
                Assert.True(next.Value - start <= allowed, "the call did not finish within the fake time allowed");
                // Timers due now fire on an advance by nothing, once. A timer created (or changed) while the clock moved
                // can be due a little later than its record says: then advancing by nothing again would spin here for
                // ever; a millisecond at a time reaches it.
                var now = time.GetUtcNow();
                if (next.Value > now)
                {
                    time.Advance(next.Value - now);
                }
                else if (firedDueAt != now)
                {
                    firedDueAt = now;
                    time.Advance(TimeSpan.Zero);
                }
                else
                {
                    time.Advance(TimeSpan.FromMilliseconds(1));
                }

                continue;
            }

            await Task.WhenAny(task, changed).WaitAsync(Guard, TimeProvider.System);
        }

        return time.GetUtcNow() - start;
    }
}

/// <summary>
/// A fake clock that knows when the code on it is parked: waiting on one of its delays (a <c>Task.Delay</c> on this
/// clock: a retry's wait, a slow panel's latency) or in <see cref="ParkAsync"/> (an answer that never comes). The
/// timers of cancellation sources (timeouts) do not count: code under a timeout is working until it waits on something.
/// </summary>
internal sealed class FakeClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private int _parks;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeClock()
    {
    }

    public FakeClock(DateTimeOffset startDateTime)
        : base(startDateTime)
    {
    }

    /// <summary>Completes at the next change: a timer set, changed, fired or dropped, a park begun or ended.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Whether something waits on this clock: a delay that is due some time, or a park.</summary>
    public bool IsParked
    {
        get
        {
            lock (_gate)
            {
                return _parks > 0 || _timers.Exists(t => t.Due is not null && !t.IsTimeout);
            }
        }
    }

    /// <summary>When the next timer (delay or timeout) is due, if any is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(t => t.Due is not null).Min(t => t.Due);
            }
        }
    }

    /// <summary>Returns once something waits on this clock (see <see cref="IsParked"/>), or <paramref name="call"/> has finished.</summary>
    public async Task WhenParkedAsync(Task call)
    {
        while (true)
        {
            var changed = Changed;
            if (IsParked || call.IsCompleted)
            {
                return;
            }

            await Task.WhenAny(call, changed).WaitAsync(FakeTime.Guard, TimeProvider.System);
        }
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled, parked on this clock meanwhile.</summary>
    public Task ParkAsync(CancellationToken cancellationToken)
    {
        var parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = 0;
        lock (_gate)
        {
            _parks++;
        }

        Signal();
        // Unparked inside the cancellation itself, before anything it wakes runs: the clock never looks parked
        // while the woken code works.
        cancellationToken.Register(() =>
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                lock (_gate)
                {
                    _parks--;
                }

                Signal();
            }

            parked.TrySetCanceled(cancellationToken);
        });
        return parked.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback, state, isTimeout: state is CancellationTokenSource);
        lock (_gate)
        {
            _timers.Add(timer);
            timer.Set(GetUtcNow(), dueTime, period);
        }

        timer.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), timer, dueTime, period);
        Signal();
        return timer;
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private sealed class TrackedTimer(FakeClock clock, TimerCallback callback, object? state, bool isTimeout) : ITimer
    {
        private TimeSpan _period;

        public ITimer? Inner { get; set; }

        public bool IsTimeout { get; } = isTimeout;

        /// <summary>When the timer fires next; null once it fired for good, was stopped or disposed.</summary>
        public DateTimeOffset? Due { get; private set; }

        public void Set(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
            _period = period;
        }

        public void Fire()
        {
            lock (clock._gate)
            {
                Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period;
            }

            clock.Signal();
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Set(clock.GetUtcNow(), dueTime, period);
            }

            var changed = Inner!.Change(dueTime, period);
            clock.Signal();
            return changed;
        }

        public void Dispose()
        {
            Drop();
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Drop();
            return Inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }

        private void Drop()
        {
            lock (clock._gate)
            {
                Due = null;
                clock._timers.Remove(this);
            }

            clock.Signal();
        }
    }
}
