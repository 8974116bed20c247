using System.Text;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// The escaping of a value against an independent reference built from .NET's UTF-8 encoder: every length from 0 to
/// 100, every ASCII char at every position, non-ASCII and lone surrogates at every position.
/// </summary>
public sealed class UrlEscapingTests
{
    /// <summary>Every ASCII char, plus chars that become 2, 3 and 4 UTF-8 bytes.</summary>
    private static readonly string[] Pieces =
    [
        .. Enumerable.Range(0, 128).Select(c => ((char)c).ToString()),
        "ü", "ß", "\u07FF", "€", "\u0800", "\uFFFD", "\uFEFF", "Привет", "😀", "🔥", "❤️", "\U0010FFFF",
    ];

    [Fact]
    public void Every_ASCII_char_at_every_position_up_to_40_chars_and_a_sample_of_them_up_to_100()
    {
        // Letters around one char: the expected bytes are the letters with that char's escape in its place. Every
        // char up to 40 chars (two windows of 16 and a tail, at every offset); past that, one of each kind.
        var escapes = Enumerable.Range(0, 128).Select(c => Reference(((char)c).ToString()).Bytes).ToArray();
        const string sample = "aZ09-_. %~+&=/?#\0\u007F";
        for (var length = 1; length <= 100; length++)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)('a' + (i % 26));
            }

            foreach (var c in length <= 40 ? Enumerable.Range(0, 128) : sample.Select(c => (int)c))
            {
                for (var position = 0; position < length; position++)
                {
                    var letter = chars[position];
                    chars[position] = (char)c;
                    var expected = new byte[length - 1 + escapes[c].Length];
                    for (var i = 0; i < position; i++)
                    {
                        expected[i] = (byte)chars[i];
                    }

                    escapes[c].CopyTo(expected, position);
                    for (var i = position + 1; i < length; i++)
                    {
                        expected[i - 1 + escapes[c].Length] = (byte)chars[i];
                    }

                    AssertSameAsReference(new string(chars), (expected, -1));
                    chars[position] = letter;
                }
            }
        }
    }

    [Fact]
    public void Random_mixed_text_of_every_length_up_to_100()
    {
        var random = new Random(20261124);
        for (var length = 0; length <= 100; length++)
        {
            for (var round = 0; round < 300; round++)
            {
                AssertSameAsReference(RandomText(random, length, asciiOnly: round % 3 != 0));
            }
        }
    }

    [Fact]
    public void Text_of_order_bodies_and_runs_of_bare_chars_of_every_length()
    {
        AssertSameAsReference("https://instagram.com/eli_dan?utm_source=qr&r=nametag&utm_campaign=bio~link");
        AssertSameAsReference("tati02\r\nduda.pau3\r\nhugo_yukireceitas4153\r\nduda\r\nsofi_olinews");
        AssertSameAsReference("0f838786734a640557ba2fe4c05ee4bb");
        AssertSameAsReference("https://www.tiktok.com/tag/fyp\uD83D\uDD25?lang=en");
        for (var run = 0; run <= 40; run++)
        {
            AssertSameAsReference(new string('a', run) + " " + new string('%', run) + "~" + new string('Z', run));
        }
    }

    [Fact]
    public void Non_ASCII_at_every_position_of_every_length_up_to_100()
    {
        foreach (var piece in new[] { "é", "€", "😀", "\u0080", "\uFFFF" })
        {
            for (var length = piece.Length; length <= 100; length++)
            {
                for (var position = 0; position + piece.Length <= length; position++)
                {
                    var text = new string('x', position) + piece + new string('-', length - position - piece.Length);
                    AssertSameAsReference(text);
                }
            }
        }
    }

    [Fact]
    public void A_lone_surrogate_at_every_position_of_every_length_up_to_100_is_reported_by_index()
    {
        var random = new Random(7);
        foreach (var lone in new[] { '\uD800', '\uDBFF', '\uDC00', '\uDFFF' })
        {
            for (var length = 1; length <= 100; length++)
            {
                for (var position = 0; position < length; position++)
                {
                    var chars = RandomText(random, length, asciiOnly: true).ToCharArray();
                    chars[position] = lone;
                    AssertSameAsReference(new string(chars));

                    // And after a valid pair, or with a high surrogate last in a block and a low one first in the next.
                    if (position >= 2)
                    {
                        chars[position - 2] = '\uD83D';
                        chars[position - 1] = '\uDE00';
                        AssertSameAsReference(new string(chars));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_surrogate_pair_at_every_position()
    {
        for (var length = 2; length <= 100; length++)
        {
            for (var position = 0; position + 2 <= length; position++)
            {
                var text = new string(' ', position) + "😀" + new string('~', length - position - 2);
                AssertSameAsReference(text);
            }
        }
    }

    private static string RandomText(Random random, int length, bool asciiOnly)
    {
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
        {
            var piece = asciiOnly || random.Next(4) != 0 ? ((char)random.Next(128)).ToString() : Pieces[random.Next(Pieces.Length)];
            if (text.Length + piece.Length <= length)
            {
                text.Append(piece);
            }
        }

        return text.ToString();
    }

    /// <summary>Encodes <paramref name="text"/> as the value of one field and checks the body, or the index of its lone surrogate.</summary>
    private static void AssertSameAsReference(string text) => AssertSameAsReference(text, Reference(text));

    private static void AssertSameAsReference(string text, (byte[] Bytes, int InvalidIndex) reference)
    {
        var (expected, expectedInvalid) = reference;
        KeyValuePair<string, object?>[] fields = [new("v", text)];
        if (expectedInvalid >= 0)
        {
            var error = Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(fields));
            Assert.True(error.Message.Contains($"surrogate at index {expectedInvalid}:", StringComparison.Ordinal), $"{error.Message} for {Show(text)}");
            return;
        }

        var body = PhpFormEncoder.Encode(fields);
        Assert.True(body == "v=" + Encoding.ASCII.GetString(expected), $"output differs for {Show(text)}: {body}");
    }

    /// <summary>Independent of the escaper: .NET's UTF-8 bytes of the text up to its first lone surrogate, escaped byte by byte.</summary>
    private static (byte[] Bytes, int InvalidIndex) Reference(string text)
    {
        var invalid = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                invalid = i;
                break;
            }
        }

        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(invalid < 0 ? text : text[..invalid]);
        var output = new List<byte>();
        foreach (var b in utf8)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.')
            {
                output.Add(b);
            }
            else if (b == ' ')
            {
                output.Add((byte)'+');
            }
            else
            {
                output.Add((byte)'%');
                output.Add((byte)"0123456789ABCDEF"[b >> 4]);
                output.Add((byte)"0123456789ABCDEF"[b & 0xF]);
            }
        }

        return (output.ToArray(), invalid);
    }

    private static string Show(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
