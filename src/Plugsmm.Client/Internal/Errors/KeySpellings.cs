using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Plugsmm.Client;

/// <summary>
/// Every way a panel may echo the API key back, as one pattern built once per client: each char as written,
/// JSON-escaped (<c>\u00e9</c>, <c>\u002B</c>, <c>\/</c>), form- or URL-encoded (<c>%2F</c>, <c>%c3%a9</c>, <c>+</c> for a
/// space) or HTML-escaped (<c>&amp;amp;</c>, <c>&amp;#38;</c>), hex digits in either case; and the whole key in base64,
/// standard or URL-safe, with or without padding, or inside a longer base64 blob, each base64 char in those same spellings.
/// </summary>
internal sealed class KeySpellings
{
    /// <summary>No key: nothing to find.</summary>
    public static readonly KeySpellings None = new(null);

    // The backtracking engine, kept linear by construction: each char's spellings form an atomic group (one spelling chosen,
    // never retried), so overlapping spellings ('\' is '\' or "\\") cannot multiply the paths tried. NonBacktracking took
    // too long to build for an error path.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>A key's base64 inside a blob is looked for only when this many chars hold its bits alone (a 1-char key's would match any text).</summary>
    private const int MinBlobChars = 8;

    // A class no char is in (no lookaround: ready for NonBacktracking).
    private static readonly Regex NoMatch = new(@"[^\s\S]", Options);

    private readonly string? _apiKey;
    private Built? _built;

    /// <summary>Keeps the key; the pattern is built on first use (an error path), once.</summary>
    public KeySpellings(string? apiKey) => _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;

    /// <summary>Whether there is no key to find.</summary>
    public bool IsEmpty => _apiKey is null;

    /// <summary>The most chars one spelling of the key takes: how far past a cut a spelling that starts before it can reach.</summary>
    public int MaxLength => Get().MaxLength;

    /// <summary>Where the key is in <paramref name="text"/>, in any spelling, left to right.</summary>
    public Regex.ValueMatchEnumerator Find(ReadOnlySpan<char> text) => Get().Pattern.EnumerateMatches(text);

    /// <summary>Whether <paramref name="text"/> holds the key in any spelling.</summary>
    public bool AreIn(string text) => !IsEmpty && Get().Pattern.IsMatch(text);

    private Built Get() => _built ?? LazyInitializer.EnsureInitialized(ref _built, () => Build(_apiKey));

    private static Built Build(string? apiKey)
    {
        if (apiKey is null)
        {
            return new Built(NoMatch, 0);
        }

        var pattern = new StringBuilder();
        var maxLength = 0;

        // Longest first: at one start, the longest base64 spelling is the one masked, not a shorter one's prefix of it.
        foreach (var spelling in Base64Spellings(Encoding.UTF8.GetBytes(apiKey)).OrderByDescending(s => s.Length))
        {
            // Every base64 char through the same spellings as the key's: json_encode writes '/' as "\/", urlencode '+' as "%2B".
            var length = 0;
            foreach (var rune in spelling.EnumerateRunes())
            {
                length += AppendRune(pattern, rune);
            }

            pattern.Append('|');
            maxLength = Math.Max(maxLength, length);
        }

        var perChar = 0;
        foreach (var rune in apiKey.EnumerateRunes())
        {
            perChar += AppendRune(pattern, rune);
        }

        // Last, the key as written, whole: the atomic per-char groups take each char's longest spelling, which a key holding
        // an escape's own text ("&amp;", "\\") as written would not match; tried last, so a longer spelling at the same start wins.
        pattern.Append('|').Append(Regex.Escape(apiKey));
        return new Built(new Regex(pattern.ToString(), Options), Math.Max(maxLength, perChar));
    }

    /// <summary>
    /// The key's base64, standard and URL-safe, with and without padding; and its chars inside a longer base64 blob at each of
    /// the three offsets in a 3-byte group: from the first char that holds only the key's bits to the last one.
    /// </summary>
    private static IEnumerable<string> Base64Spellings(byte[] key)
    {
        var base64 = Convert.ToBase64String(key);
        var spellings = new List<string> { base64, base64.TrimEnd('=') };
        for (var offset = 0; offset < 3; offset++)
        {
            var shifted = new byte[offset + key.Length];
            key.CopyTo(shifted, offset);
            var start = ((8 * offset) + 5) / 6;
            var end = 8 * (offset + key.Length) / 6;
            if (end - start >= MinBlobChars)
            {
                spellings.Add(Convert.ToBase64String(shifted)[start..end]);
            }
        }

        return spellings.Concat(spellings.Select(s => s.Replace('+', '-').Replace('/', '_'))).Distinct(StringComparer.Ordinal);
    }

    /// <summary>One char of the key in every spelling, as a group of alternatives; returns the longest one's length.</summary>
    private static int AppendRune(StringBuilder pattern, Rune rune)
    {
        var text = rune.ToString();
        Span<byte> utf8 = stackalloc byte[4];
        var bytes = utf8[..rune.EncodeToUtf8(utf8)];
        var alternatives = new List<(string Pattern, int Length)> { (Regex.Escape(text), text.Length) };

        // JSON: \uXXXX per UTF-16 unit (PHP writes lower-case hex, System.Text.Json upper-case), and \/ \" \\.
        var json = new StringBuilder();
        foreach (var unit in text)
        {
            json.Append(@"\\u").Append(Hex(((int)unit).ToString("X4", CultureInfo.InvariantCulture)));
        }

        alternatives.Add((json.ToString(), 6 * text.Length));
        if (rune.Value is '/' or '"' or '\\')
        {
            alternatives.Add((@"\\" + Regex.Escape(text), 2));
        }

        // Form and URL encoding: %XX per UTF-8 byte, either case; '+' for a space.
        var percent = new StringBuilder();
        foreach (var b in bytes)
        {
            percent.Append('%').Append(Hex(b.ToString("X2", CultureInfo.InvariantCulture)));
        }

        alternatives.Add((percent.ToString(), 3 * bytes.Length));
        if (rune.Value == ' ')
        {
            alternatives.Add((@"\+", 1));
        }

        // HTML: the entities htmlspecialchars writes, and numeric references.
        if (!Rune.IsLetterOrDigit(rune))
        {
            var named = rune.Value switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#039;",
                _ => null,
            };
            if (named is not null)
            {
                alternatives.Add((Regex.Escape(named), named.Length));
            }

            var decimalReference = $"&#{rune.Value.ToString(CultureInfo.InvariantCulture)};";
            var hexReference = rune.Value.ToString("X", CultureInfo.InvariantCulture);
            alternatives.Add((Regex.Escape(decimalReference), decimalReference.Length));
            alternatives.Add(($"&#[xX]{Hex(hexReference)};", hexReference.Length + 4));
        }

        // Longest first: '%' must not stop a match that "%25" would finish. Atomic: once a spelling of this char matched, the
        // next char is tried after it and nothing else, so a near miss fails in time linear in the key's length.
        pattern.Append("(?>").AppendJoin('|', alternatives.OrderByDescending(a => a.Length).Select(a => a.Pattern)).Append(')');
        return alternatives.Max(a => a.Length);
    }

    /// <summary>Hex digits matched in either case: <c>2F</c> becomes <c>2[Ff]</c>.</summary>
    private static string Hex(string digits)
    {
        var pattern = new StringBuilder(digits.Length * 4);
        foreach (var digit in digits)
        {
            pattern.Append(char.IsAsciiLetter(digit) ? $"[{digit}{char.ToLowerInvariant(digit)}]" : digit);
        }

        return pattern.ToString();
    }

    private sealed record Built(Regex Pattern, int MaxLength);
}
