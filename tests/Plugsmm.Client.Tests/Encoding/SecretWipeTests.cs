namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>The wipe of buffers that held a body: every byte of the span zeroed, not one byte beside it touched.</summary>
public sealed class SecretWipeTests
{
    public static TheoryData<int, int> Spans()
    {
        var data = new TheoryData<int, int>();
        foreach (var length in new[] { 0, 1, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 191, 470, 534, 4095, 4096, 4097, 20_000 })
        {
            foreach (var offset in new[] { 0, 1, 7 })
            {
                data.Add(offset, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void Zeroes_exactly_the_span(int offset, int length)
    {
        var buffer = new byte[offset + length + 80];
        new Random(length).NextBytes(buffer);
        buffer.AsSpan().Replace((byte)0, (byte)1);
        var before = buffer.ToArray();

        SecretWipe.Clear(buffer.AsSpan(offset, length));

        Assert.Equal(before[..offset], buffer[..offset]);
        Assert.All(buffer[offset..(offset + length)], b => Assert.Equal(0, b));
        Assert.Equal(before[(offset + length)..], buffer[(offset + length)..]);
    }
}
