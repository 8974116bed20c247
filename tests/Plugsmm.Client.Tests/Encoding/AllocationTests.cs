using System.Buffers;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// What the encoder allocates, counted by the runtime (bytes, not time): the string overload allocates its
/// result and nothing else; the buffer-writer overload allocates nothing.
/// </summary>
public sealed class AllocationTests
{
    private static readonly KeyValuePair<string, object?>[] Order = Fields.Of(
        ("key", "0123456789abcdef0123456789abcdef"), ("action", "add"), ("service", 1042),
        ("link", "https://www.instagram.com/p/Cx~9_ab-Z/?utm_source=ig_web&igshid=MzRl#comments"),
        ("quantity", 1500), ("runs", 5), ("interval", 30), ("rate", 0.9), ("charge", 12.34567m), ("ok", true),
        ("comments", "Great post! 🔥\nLove it ❤️\nПривет"));

    [Fact]
    public void Encoding_into_a_buffer_writer_allocates_nothing()
    {
        var writer = new ArrayBufferWriter<byte>(4096);
        PhpFormEncoder.Encode(Order, writer); // warm up: statics, the thread's state

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.ResetWrittenCount();
            PhpFormEncoder.Encode(Order, writer);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Encoding_to_a_string_allocates_only_the_string()
    {
        var expected = PhpFormEncoder.Encode(Order);
        var stringSize = MeasureAllocation(() => _ = new string('x', expected.Length));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = PhpFormEncoder.Encode(Order);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100 * stringSize, allocated);
    }

    private static long MeasureAllocation(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
