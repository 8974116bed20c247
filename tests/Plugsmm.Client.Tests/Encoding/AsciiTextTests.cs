using System.Text;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>The string overload's last step: every byte widened to the same char, whatever the length (vector tails included).</summary>
public sealed class AsciiTextTests
{
    [Fact]
    public void Widens_every_length_from_0_to_300_and_some_large_ones_exactly()
    {
        var random = new Random(2026);
        foreach (var length in Enumerable.Range(0, 301).Concat([511, 512, 513, 4096, 100_003]))
        {
            var bytes = new byte[length + 3];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)random.Next(0, 128);
            }

            // From an odd offset too, so no vector load is aligned.
            var source = bytes.AsSpan(3, length);
            Assert.Equal(Encoding.ASCII.GetString(source), AsciiText.ToString(source));
        }
    }

    [Fact]
    public void Writes_nothing_past_the_destination()
    {
        var source = Enumerable.Range(0, 70).Select(i => (byte)('a' + (i % 26))).ToArray();
        var destination = new char[80];
        Array.Fill(destination, '#');

        AsciiText.Widen(source, destination.AsSpan(0, 70));

        Assert.Equal(Encoding.ASCII.GetString(source), new string(destination, 0, 70));
        Assert.All(destination[70..], c => Assert.Equal('#', c));
        Assert.Throws<ArgumentException>(() => AsciiText.Widen(source, destination));
    }
}
