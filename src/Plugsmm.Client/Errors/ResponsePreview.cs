using System.Buffers;
using System.Text;

namespace Plugsmm.Client;

/// <summary>A short, printable preview of an answer, with the API key removed wherever it appears.</summary>
internal static class ResponsePreview
{
    public const int MaxChars = 512;

    private const string Mask = "***";

    /// <summary>The chars PHP's form encoding leaves as they are.</summary>
    private static readonly SearchValues<char> Unreserved = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static string Create(ReadOnlySpan<byte> body, string? apiKey)
    {
        // Read a little more than shown so a key cut at the edge is still found and removed.
        var slice = body[..Math.Min(body.Length, (MaxChars * 4) + 256)];
        var text = Scrub(Encoding.UTF8.GetString(slice), apiKey);
        var preview = new StringBuilder(Math.Min(text.Length, MaxChars + 1));
        foreach (var c in text)
        {
            if (preview.Length == MaxChars)
            {
                preview.Append('…');
                break;
            }

            preview.Append(char.IsControl(c) ? ' ' : c);
        }

        return preview.ToString();
    }

    /// <summary>Removes <paramref name="apiKey"/> as written and as form-encoded from <paramref name="text"/>.</summary>
    public static string Scrub(string text, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return text;
        }

        text = text.Replace(apiKey, Mask, StringComparison.Ordinal);
        if (!apiKey.AsSpan().ContainsAnyExcept(Unreserved))
        {
            // A key of letters, digits, '-', '_' and '.' (a hex key, say) is written the same encoded: nothing more to find.
            return text;
        }

        var encoded = PhpFormEncoder.Encode([new("k", apiKey)])[2..];
        return text.Replace(encoded, Mask, StringComparison.Ordinal);
    }
}
