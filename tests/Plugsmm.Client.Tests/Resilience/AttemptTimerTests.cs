using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>The attempt's cancellation source: follows the client's clock, and on the system clock is reused only when unused.</summary>
public sealed class AttemptTimerTests
{
    [Fact]
    public void On_a_fake_clock_the_source_cancels_when_that_clock_passes_the_timeout()
    {
        var time = new FakeTimeProvider();
        var timer = new AttemptTimer(time);

        var source = timer.Rent(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(source.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(source.IsCancellationRequested);

        timer.Return(source);
        Assert.NotSame(source, timer.Rent(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void On_the_system_clock_an_unused_source_is_reset_and_reused_and_a_cancelled_one_is_not()
    {
        // Each step runs on this thread: the cache is the thread's.
        var timer = new AttemptTimer(TimeProvider.System);

        var first = timer.Rent(TimeSpan.FromHours(1));
        timer.Return(first);
        var second = timer.Rent(TimeSpan.FromHours(1));
        Assert.Same(first, second);
        Assert.False(second.IsCancellationRequested);

        second.Cancel();
        timer.Return(second);
        var third = timer.Rent(TimeSpan.FromHours(1));
        Assert.NotSame(second, third);
        Assert.False(third.IsCancellationRequested);
        timer.Return(third);
    }
}
