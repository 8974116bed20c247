using System.Runtime.InteropServices;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// The thread's buffer of the string, content and client overloads holds the API key: nothing of a body may be left
/// in it once it is handed back, neither the bytes written nor a body cut short, nor in an array it grew out of.
/// </summary>
public sealed class BodyBufferWriterTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_bytes_written_are_wiped()
    {
        var writer = BodyBufferWriter.Rent();
        var array = ArrayOf(writer);

        var text = Key + " 🔥 " + Key + "é~" + Key;
        var span = writer.GetSpan(PhpUrlEscaper.RequiredDestinationLength(text.Length));
        Assert.True(PhpUrlEscaper.TryEscape(text, span, out var written, out _));
        writer.Advance(written);
        writer.Dispose();

        Assert.True(array.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left in the buffer");
    }

    [Fact]
    public void A_body_refused_halfway_leaves_nothing_in_the_threads_buffer()
    {
        var fields = Fields.Of(("key", Key), ("action", "add"), ("comments", "ok 🔥\n" + Key + "\uD800"));

        Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(fields));

        // The encoder handed its writer back to this thread's cache: that is the one rented now.
        var writer = BodyBufferWriter.Rent();
        try
        {
            Assert.True(ArrayOf(writer).AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the refused body were left in the buffer");
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Fact]
    public void Growing_wipes_the_array_left_behind()
    {
        var writer = BodyBufferWriter.Rent();
        var first = ArrayOf(writer);
        var text = Key + "🔥 ~ é";
        var span = writer.GetSpan(PhpUrlEscaper.RequiredDestinationLength(text.Length));
        Assert.True(PhpUrlEscaper.TryEscape(text, span, out var written, out _));
        writer.Advance(written);

        writer.GetSpan(first.Length * 4); // grows into a new array
        Assert.NotSame(first, ArrayOf(writer));
        Assert.True(first.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left in the array left behind");
        writer.Dispose();
    }

    private static byte[] ArrayOf(BodyBufferWriter writer)
    {
        Assert.True(MemoryMarshal.TryGetArray<byte>(writer.GetMemory(), out var segment));
        return segment.Array!;
    }
}
