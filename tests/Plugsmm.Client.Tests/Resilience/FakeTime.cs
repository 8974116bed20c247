using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Client.Tests.Resilience;

internal static class FakeTime
{
    /// <summary>
    /// Moves fake time forward in steps until <paramref name="task"/> finishes, so retry delays and breaks elapse
    /// on the fake clock. Between steps it lets the thread pool run the call's continuations (a millisecond of
    /// real time, never a simulated delay), so time moves while the call waits on a timer, not while it works.
    /// Returns the fake time that passed; the caller then awaits the task itself.
    /// </summary>
    public static async Task<TimeSpan> DriveAsync(FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 20_000)
    {
        var start = time.GetUtcNow();
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System));
            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, "the call did not finish within the fake time allowed");
        return time.GetUtcNow() - start;
    }
}
