using System.Text;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>
/// Random field sets that look like SMM requests and then some: links with <c>?&amp;#%+~</c>, multi-line comments,
/// every script and emoji shape, controls and NUL, odd keys, typed values at their edges, nested lists and
/// maps. Deterministic for a seed. Never a lone surrogate (the encoder refuses those; tested elsewhere).
/// </summary>
internal sealed class FieldSetGenerator(int seed)
{
    private static readonly string[] PlainKeys =
        ["key", "action", "service", "link", "quantity", "runs", "interval", "comments", "usernames", "hashtags",
         "username", "media", "answer_number", "groups", "min", "max", "posts", "old_posts", "delay", "expiry",
         "keywords", "country", "device", "type_of_traffic", "google_keyword", "referring_url", "orders", "order", "refill"];

    private static readonly string[] OddKeys =
        ["a b", "a.b", "x[y]", "", "a&b=c", "%41", "+", "k\0ey", "ключ", "🔑", "x]y[", "[]", "0", "-1", "01", "1.5", "~", "a\nb", "é"];

    private static readonly string[] Hosts =
        ["instagram.com", "www.tiktok.com", "youtu.be", "t.me", "x.com", "vk.com", "пример.рф", "例子.中国", "xn--e1afmkfd.xn--p1ai"];

    private static readonly string[] Scripts =
        ["àéîõüçñ ÀÉÎÕÜ", "Привет мир ёЁ", "你好世界 日本語 한국어", "שלום עולם", "مرحبا بالعالم", "नमस्ते", "ไทย", "Ελληνικά"];

    private static readonly string[] Emoji =
        ["😀", "🔥", "👨‍👩‍👧‍👦", "👍🏽", "🧑🏿‍💻", "🇺🇦", "🏳️‍🌈", "❤️", "1️⃣", "e\u0301", "a\u0308\u0323", "\uFEFF", "\u2028", "\u2029", "\u200B", "\u00A0", "\uFFFD", "𝔘𝔫𝔦", "\U0010FFFF"];

    private static readonly double[] EdgeDoubles =
        [0.1, 0.2, 0.1 + 0.2, 100, 1, -1, 0, -0.0, 1e25, 1e-5, 1e-4, 1e14, 1e15, 1e13, 123456789012345678, 0.5, 2.5e-5,
         double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, double.MaxValue, double.MinValue,
         5e-324, 2.2250738585072014e-308, 10000000000000.5, 10000000000001.5, 99999999999999.5, 0.00012345678901234567,
         1.0 / 3, 2.0 / 3, 1e21, 1e-7, 4.35, 0.9, 1.005, 9007199254740993, 123.456, -0.000001,
         100000000000005, 100000000000004, 949673968809505, 123456789012305, 9496739688095050, 999999999999995];

    private static readonly decimal[] EdgeDecimals =
        [0m, 0.90m, -1.50m, 1.0m, 0.27819m, 100.84292m, 0.0000001m, decimal.MaxValue, decimal.MinValue, 1e-28m, 12345.6789000m];

    private readonly Random _random = new(seed);

    public List<KeyValuePair<string, object?>> Next()
    {
        var count = _random.Next(0, 9);
        return NextMap(count, depth: 0);
    }

    private List<KeyValuePair<string, object?>> NextMap(int count, int depth)
    {
        var fields = new List<KeyValuePair<string, object?>>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (fields.Count < count)
        {
            var key = NextKey();
            // PHP turns "1" into the int key 1; no other generated key collides with that, but keep keys unique.
            if (keys.Add(key))
            {
                fields.Add(new(key, NextValue(depth)));
            }
        }

        return fields;
    }

    private string NextKey() => _random.Next(10) switch
    {
        < 6 => Pick(PlainKeys),
        < 8 => Pick(OddKeys),
        _ => NextText(_random.Next(1, 8)),
    };

    private object? NextValue(int depth)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 30 => NextString(),
            < 36 => null,
            < 40 => _random.Next(2) == 0,
            < 48 => NextInteger(),
            < 58 => NextDouble(),
            < 62 => (float)NextDouble(),
            < 66 => _random.Next(3) == 0 ? Pick(EdgeDecimals) : Math.Round((decimal)(_random.NextDouble() * 1000), _random.Next(0, 8)),
            < 68 => NextText(1)[0] is var c && !char.IsSurrogate(c) ? c : 'x',
            < 84 when depth < 3 => NextList(depth + 1),
            < 100 when depth < 3 => NextNestedMap(depth + 1),
            _ => NextString(),
        };
    }

    private object NextList(int depth)
    {
        var items = new List<object?>();
        var count = _random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            items.Add(NextValue(depth));
        }

        return _random.Next(2) == 0 ? items.ToArray() : items;
    }

    private object NextNestedMap(int depth)
    {
        var map = NextMap(_random.Next(0, 5), depth);
        return _random.Next(2) == 0 ? map.ToDictionary(p => p.Key, p => p.Value) : map;
    }

    private object NextInteger() => _random.Next(12) switch
    {
        0 => _random.Next(2) == 0 ? int.MinValue : int.MaxValue,
        1 => _random.Next(2) == 0 ? long.MinValue : long.MaxValue,
        2 => ulong.MaxValue - (ulong)_random.Next(1000),
        3 => (sbyte)_random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
        4 => (byte)_random.Next(256),
        5 => (short)_random.Next(short.MinValue, short.MaxValue + 1),
        6 => (ushort)_random.Next(ushort.MaxValue + 1),
        7 => (uint)_random.NextInt64(uint.MaxValue + 1L),
        8 => _random.Next(2) == 0 ? Int128.MinValue : UInt128.MaxValue,
        9 => _random.NextInt64(long.MinValue, long.MaxValue),
        _ => _random.Next(-1000, 100_000),
    };

    private double NextDouble() => _random.Next(7) switch
    {
        // 15-digit integers ending in 5: exact ties on zend_dtoa's "small integer" path, which keeps zeros.
        6 => ((_random.NextInt64(10_000_000_000_000, 100_000_000_000_000) * 10) + 5) * (_random.Next(2) == 0 ? -1.0 : 1.0),
        0 => Pick(EdgeDoubles),
        // Any bit pattern: subnormals, huge and tiny exponents, NaN payloads.
        1 => BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue)),
        // Exact 15-digit values ending in 5: the ties PHP rounds to even.
        2 => _random.NextInt64(10_000_000_000_000, 99_999_999_999_999) + 0.5,
        3 => Math.Round(_random.NextDouble() * Math.Pow(10, _random.Next(-6, 18)), _random.Next(0, 10)),
        4 => _random.NextDouble() * Math.Pow(10, _random.Next(-30, 30)) * (_random.Next(2) == 0 ? -1 : 1),
        _ => _random.Next(-100_000, 100_000) / Math.Pow(10, _random.Next(0, 6)),
    };

    private string NextString() => _random.Next(10) switch
    {
        < 3 => NextLink(),
        3 => NextComments(),
        4 => NextText(_random.Next(0, 40)),
        5 => Pick(Scripts) + " " + Pick(Emoji),
        6 => NextControls(),
        7 => string.Concat(Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(Emoji))),
        8 => _random.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => NextPrintableAscii(_random.Next(0, 60)),
    };

    private string NextLink()
    {
        var link = new StringBuilder(_random.Next(2) == 0 ? "https://" : "http://");
        link.Append(Pick(Hosts)).Append('/');
        link.Append(_random.Next(4) switch
        {
            0 => "p/" + NextPrintableAscii(11, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~"),
            1 => "@" + NextPrintableAscii(8, "abcdefghijklmnopqrstuvwxyz._") + "/video/" + _random.NextInt64(1_000_000_000_000_000_000, long.MaxValue),
            2 => "watch?v=" + NextPrintableAscii(11, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") + "&t=1m30s",
            _ => Pick(Scripts).Replace(' ', '/') + "/" + Pick(Emoji),
        });
        if (_random.Next(2) == 0)
        {
            link.Append(_random.Next(2) == 0 ? '?' : '&').Append("utm_source=bot&ref=a%20b+c&q=").Append(NextPrintableAscii(5));
        }

        if (_random.Next(3) == 0)
        {
            link.Append("#frag~").Append(NextPrintableAscii(4));
        }

        if (_random.Next(8) == 0)
        {
            link.Append(_random.Next(2) == 0 ? "\n" : " ");
        }

        return link.ToString();
    }

    private string NextComments()
    {
        var lines = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => _random.Next(3) switch
        {
            0 => Pick(Scripts),
            1 => "Great post! " + Pick(Emoji),
            _ => NextPrintableAscii(_random.Next(0, 30)),
        });
        return string.Join(_random.Next(2) == 0 ? "\n" : "\r\n", lines);
    }

    private string NextControls()
    {
        var text = new StringBuilder();
        var count = _random.Next(1, 10);
        for (var i = 0; i < count; i++)
        {
            text.Append(_random.Next(3) == 0 ? (char)_random.Next(0, 32) : (char)_random.Next(0x7F, 0xA0));
        }

        return text.ToString();
    }

    /// <summary>Any valid Unicode text: each char drawn from a random plane and block, surrogates only as pairs.</summary>
    private string NextText(int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            int scalar = _random.Next(6) switch
            {
                0 => _random.Next(0, 0x80),
                1 => _random.Next(0x80, 0x800),
                2 => _random.Next(0x800, 0xD800),
                3 => _random.Next(0xE000, 0x10000),
                4 => _random.Next(0x10000, 0x110000),
                _ => _random.Next(0x20, 0x7F),
            };
            text.Append(char.ConvertFromUtf32(scalar));
        }

        return text.ToString();
    }

    private string NextPrintableAscii(int length, string? alphabet = null)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = alphabet is null ? (char)_random.Next(0x20, 0x7F) : alphabet[_random.Next(alphabet.Length)];
        }

        return new string(text);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
