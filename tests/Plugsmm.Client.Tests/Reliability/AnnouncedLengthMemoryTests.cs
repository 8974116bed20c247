using Xunit.Abstractions;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>Measures the whole process's allocations: nothing else runs while it does.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// Nothing of an answer's size is reserved on the panel's word: calls whose answers announce 64 MiB and send one byte
/// allocate only what arrives (plus the calls' own small change), and keep nothing after them.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class AnnouncedLengthMemoryTests(ITestOutputHelper output)
{
    private const int Calls = 16;
    private const long Announced = 64L * 1024 * 1024;

    /// <summary>All 16 calls together may allocate 16 MiB: a quarter of what one of them announces.</summary>
    private const long AllocatedBound = 16L * 1024 * 1024;

    /// <summary>After the calls and a full collection, the heap may have grown by 8 MiB at most.</summary>
    private const long RetainedBound = 8L * 1024 * 1024;

    [Fact]
    public async Task Sixteen_concurrent_calls_announcing_64_MiB_and_sending_one_byte_stay_small_and_keep_nothing()
    {
        // Every call is inside its read at once: what each reserved before the body arrived is held together.
        var warmingUp = true;
        var reading = 0;
        var allReading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task FirstRead(CancellationToken token)
        {
            if (warmingUp)
            {
                return Task.CompletedTask;
            }

            if (Interlocked.Increment(ref reading) == Calls)
            {
                allReading.TrySetResult();
            }

            return allReading.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
        }

        var client = AnswerStreams.Client(() => AnswerStreams.Answer(new AnswerStreams.BodyStream("7"u8.ToArray(), FirstRead), Announced));
        await Record.ExceptionAsync(() => client.GetBalanceAsync()); // warm-up: the client's one-time costs are not the calls'
        warmingUp = false;
        var heapBefore = FullCollection();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var errors = await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => Record.ExceptionAsync(() => client.GetBalanceAsync()))));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = FullCollection() - heapBefore;
        output.WriteLine($"{Calls} calls announcing {Announced:N0} bytes: allocated {allocated:N0} bytes, heap after a full collection {retained:N0} bytes more than before.");
        Assert.All(errors, e => Assert.IsType<PlugsmmException>(e));
        Assert.Equal(Calls, reading);
        Assert.InRange(allocated, 0, AllocatedBound);
        Assert.InRange(retained, long.MinValue, RetainedBound);
    }

    private static long FullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
