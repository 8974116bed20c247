using System.Runtime.InteropServices;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// The pooled buffer of the string and content overloads holds the API key: nothing of a body may be left in it
/// once it is handed back, neither the bytes written, nor what the escaper stored past them, nor a body cut short.
/// </summary>
public sealed class PooledByteBufferWriterTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_bytes_written_and_those_the_escaper_stored_past_them_are_wiped()
    {
        var writer = PooledByteBufferWriter.Rent();
        writer.WipeAll(); // a pooled array comes with whatever its last user left
        var array = ArrayOf(writer);

        // Mixed text makes the escaper store escaped chars and copies past its output.
        var text = Key + " 🔥 " + Key + "é~" + Key;
        var span = writer.GetSpan(PhpUrlEscaper.RequiredDestinationLength(text.Length));
        Assert.True(PhpUrlEscaper.TryEscape(text, span, out var written, out _));
        writer.Advance(written);
        writer.Dispose();

        Assert.True(array.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left in the pooled buffer");
    }

    [Fact]
    public void A_body_refused_halfway_leaves_nothing_in_the_threads_buffer()
    {
        var fields = Fields.Of(("key", Key), ("action", "add"), ("comments", "ok 🔥\n" + Key + "\uD800"));

        Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(fields));

        // The encoder handed its writer back to this thread's cache: that is the one rented now.
        var writer = PooledByteBufferWriter.Rent();
        try
        {
            Assert.True(ArrayOf(writer).AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the refused body were left in the pooled buffer");
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Fact]
    public void Growing_wipes_the_array_given_back()
    {
        var writer = PooledByteBufferWriter.Rent();
        writer.WipeAll(); // a pooled array comes with whatever its last user left
        var first = ArrayOf(writer);
        var text = Key + "🔥 ~ é";
        var span = writer.GetSpan(PhpUrlEscaper.RequiredDestinationLength(text.Length));
        Assert.True(PhpUrlEscaper.TryEscape(text, span, out var written, out _));
        writer.Advance(written);

        writer.GetSpan(first.Length * 4); // grows into a new array
        Assert.NotSame(first, ArrayOf(writer));
        Assert.True(first.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left in the array given back");
        writer.Dispose();
    }

    private static byte[] ArrayOf(PooledByteBufferWriter writer)
    {
        Assert.True(MemoryMarshal.TryGetArray<byte>(writer.GetMemory(), out var segment));
        return segment.Array!;
    }
}
