using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// The runbook's rollback encoding (<c>PLUGSMM_USE_NEW_API=false</c>): the body the legacy adapter sent,
/// as .NET's <c>FormUrlEncodedContent</c> writes it (<c>~</c> left bare, among others; see docs/encoding.md).
/// The same fields are sent; only the escaping differs. What the new encoder refuses as text (a lone surrogate,
/// which <c>FormUrlEncodedContent</c> would send as U+FFFD, altering a link) is refused here too, before sending.
/// </summary>
internal static class LegacyFormContent
{
    public static HttpContent Create(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var pairs = fields
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, Text(f.Value)));
#pragma warning disable RS0030 // The legacy encoding is FormUrlEncodedContent by definition.
        return new FormUrlEncodedContent(pairs);
#pragma warning restore RS0030
    }

    /// <summary>
    /// Throws the new encoder's <see cref="ArgumentException"/> for a key or value with a lone UTF-16 surrogate, which
    /// <c>FormUrlEncodedContent</c> would replace by U+FFFD. Called once per call, before anything is sent.
    /// </summary>
    public static void RefuseLoneSurrogates(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (value is null)
            {
                continue;
            }

            if (IndexOfLoneSurrogate(key) is var inKey and >= 0)
            {
                throw EncoderErrors.LoneSurrogate(key, inKey, inKey: true);
            }

            if (IndexOfLoneSurrogate(Text(value)) is var inValue and >= 0)
            {
                throw EncoderErrors.LoneSurrogate(key, inValue, inKey: false);
            }
        }
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>The index of the first surrogate that is not half of a high-low pair, or -1.</summary>
    private static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return i;
            }

            i++;
        }

        return -1;
    }
}
