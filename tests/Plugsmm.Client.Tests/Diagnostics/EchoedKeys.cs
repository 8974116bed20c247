using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// Sentinel keys and the ways a panel may echo them: PHP's exact spellings (from <c>php -r</c>: json_encode with
/// its flags, htmlspecialchars, urlencode, rawurlencode, base64_encode, and base64_encode under json_encode and urlencode),
/// the same form encoding in lower-case hex,
/// URL-safe base64, and System.Text.Json's two escapers (computed here: they are .NET's own spellings).
/// </summary>
internal static class EchoedKeys
{
    /// <summary>A 32-hex key, keys holding <c>/ + &amp; = % é</c> together (base64 with '+', '/', padding), and one of each.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Text)[]> Php = new Dictionary<string, (string Name, string Text)[]>
    {
        ["9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"] =
        [
            ("json_encode", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("json_encode UNESCAPED_SLASHES", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("json_encode UNESCAPED_UNICODE", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("htmlspecialchars", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("htmlspecialchars(json_encode)", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("urlencode", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("urlencode, lower-case hex", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("rawurlencode", "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c"),
            ("base64_encode", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM="),
            ("base64_encode, no padding", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM"),
            ("base64url", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM="),
            ("base64url, no padding", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM"),
            ("json_encode(base64_encode)", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM="),
            ("urlencode(base64_encode)", "OWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWM%3D"),
        ],
        ["Sk/9+Q&r=7%zé~Xy>"] =
        [
            ("json_encode", "Sk\\/9+Q&r=7%z\\u00e9~Xy>"),
            ("json_encode UNESCAPED_SLASHES", "Sk/9+Q&r=7%z\\u00e9~Xy>"),
            ("json_encode UNESCAPED_UNICODE", "Sk\\/9+Q&r=7%zé~Xy>"),
            ("htmlspecialchars", "Sk/9+Q&amp;r=7%zé~Xy&gt;"),
            ("htmlspecialchars(json_encode)", "Sk\\/9+Q&amp;r=7%z\\u00e9~Xy&gt;"),
            ("urlencode", "Sk%2F9%2BQ%26r%3D7%25z%C3%A9%7EXy%3E"),
            ("urlencode, lower-case hex", "Sk%2f9%2bQ%26r%3d7%25z%c3%a9%7eXy%3e"),
            ("rawurlencode", "Sk%2F9%2BQ%26r%3D7%25z%C3%A9~Xy%3E"),
            ("base64_encode", "U2svOStRJnI9NyV6w6l+WHk+"),
            ("base64_encode, no padding", "U2svOStRJnI9NyV6w6l+WHk+"),
            ("base64url", "U2svOStRJnI9NyV6w6l-WHk-"),
            ("base64url, no padding", "U2svOStRJnI9NyV6w6l-WHk-"),
            ("json_encode(base64_encode)", "U2svOStRJnI9NyV6w6l+WHk+"),
            ("urlencode(base64_encode)", "U2svOStRJnI9NyV6w6l%2BWHk%2B"),
        ],
        ["é/+&=%key-4f2a9c~?"] =
        [
            ("json_encode", "\\u00e9\\/+&=%key-4f2a9c~?"),
            ("json_encode UNESCAPED_SLASHES", "\\u00e9/+&=%key-4f2a9c~?"),
            ("json_encode UNESCAPED_UNICODE", "é\\/+&=%key-4f2a9c~?"),
            ("htmlspecialchars", "é/+&amp;=%key-4f2a9c~?"),
            ("htmlspecialchars(json_encode)", "\\u00e9\\/+&amp;=%key-4f2a9c~?"),
            ("urlencode", "%C3%A9%2F%2B%26%3D%25key-4f2a9c%7E%3F"),
            ("urlencode, lower-case hex", "%c3%a9%2f%2b%26%3d%25key-4f2a9c%7e%3f"),
            ("rawurlencode", "%C3%A9%2F%2B%26%3D%25key-4f2a9c~%3F"),
            ("base64_encode", "w6kvKyY9JWtleS00ZjJhOWN+Pw=="),
            ("base64_encode, no padding", "w6kvKyY9JWtleS00ZjJhOWN+Pw"),
            ("base64url", "w6kvKyY9JWtleS00ZjJhOWN-Pw=="),
            ("base64url, no padding", "w6kvKyY9JWtleS00ZjJhOWN-Pw"),
            ("json_encode(base64_encode)", "w6kvKyY9JWtleS00ZjJhOWN+Pw=="),
            ("urlencode(base64_encode)", "w6kvKyY9JWtleS00ZjJhOWN%2BPw%3D%3D"),
        ],
        ["k>?/+&=%é-4f2a9c"] =
        [
            ("json_encode", "k>?\\/+&=%\\u00e9-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "k>?/+&=%\\u00e9-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "k>?\\/+&=%é-4f2a9c"),
            ("htmlspecialchars", "k&gt;?/+&amp;=%é-4f2a9c"),
            ("htmlspecialchars(json_encode)", "k&gt;?\\/+&amp;=%\\u00e9-4f2a9c"),
            ("urlencode", "k%3E%3F%2F%2B%26%3D%25%C3%A9-4f2a9c"),
            ("urlencode, lower-case hex", "k%3e%3f%2f%2b%26%3d%25%c3%a9-4f2a9c"),
            ("rawurlencode", "k%3E%3F%2F%2B%26%3D%25%C3%A9-4f2a9c"),
            ("base64_encode", "az4/LysmPSXDqS00ZjJhOWM="),
            ("base64_encode, no padding", "az4/LysmPSXDqS00ZjJhOWM"),
            ("base64url", "az4_LysmPSXDqS00ZjJhOWM="),
            ("base64url, no padding", "az4_LysmPSXDqS00ZjJhOWM"),
            ("json_encode(base64_encode)", "az4\\/LysmPSXDqS00ZjJhOWM="),
            ("urlencode(base64_encode)", "az4%2FLysmPSXDqS00ZjJhOWM%3D"),
        ],
        ["slash/key-4f2a9c"] =
        [
            ("json_encode", "slash\\/key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "slash/key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "slash\\/key-4f2a9c"),
            ("htmlspecialchars", "slash/key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "slash\\/key-4f2a9c"),
            ("urlencode", "slash%2Fkey-4f2a9c"),
            ("urlencode, lower-case hex", "slash%2fkey-4f2a9c"),
            ("rawurlencode", "slash%2Fkey-4f2a9c"),
            ("base64_encode", "c2xhc2gva2V5LTRmMmE5Yw=="),
            ("base64_encode, no padding", "c2xhc2gva2V5LTRmMmE5Yw"),
            ("base64url", "c2xhc2gva2V5LTRmMmE5Yw=="),
            ("base64url, no padding", "c2xhc2gva2V5LTRmMmE5Yw"),
            ("json_encode(base64_encode)", "c2xhc2gva2V5LTRmMmE5Yw=="),
            ("urlencode(base64_encode)", "c2xhc2gva2V5LTRmMmE5Yw%3D%3D"),
        ],
        ["plus+key-4f2a9c"] =
        [
            ("json_encode", "plus+key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "plus+key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "plus+key-4f2a9c"),
            ("htmlspecialchars", "plus+key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "plus+key-4f2a9c"),
            ("urlencode", "plus%2Bkey-4f2a9c"),
            ("urlencode, lower-case hex", "plus%2bkey-4f2a9c"),
            ("rawurlencode", "plus%2Bkey-4f2a9c"),
            ("base64_encode", "cGx1cytrZXktNGYyYTlj"),
            ("base64_encode, no padding", "cGx1cytrZXktNGYyYTlj"),
            ("base64url", "cGx1cytrZXktNGYyYTlj"),
            ("base64url, no padding", "cGx1cytrZXktNGYyYTlj"),
            ("json_encode(base64_encode)", "cGx1cytrZXktNGYyYTlj"),
            ("urlencode(base64_encode)", "cGx1cytrZXktNGYyYTlj"),
        ],
        ["amp&key-4f2a9c"] =
        [
            ("json_encode", "amp&key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "amp&key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "amp&key-4f2a9c"),
            ("htmlspecialchars", "amp&amp;key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "amp&amp;key-4f2a9c"),
            ("urlencode", "amp%26key-4f2a9c"),
            ("urlencode, lower-case hex", "amp%26key-4f2a9c"),
            ("rawurlencode", "amp%26key-4f2a9c"),
            ("base64_encode", "YW1wJmtleS00ZjJhOWM="),
            ("base64_encode, no padding", "YW1wJmtleS00ZjJhOWM"),
            ("base64url", "YW1wJmtleS00ZjJhOWM="),
            ("base64url, no padding", "YW1wJmtleS00ZjJhOWM"),
            ("json_encode(base64_encode)", "YW1wJmtleS00ZjJhOWM="),
            ("urlencode(base64_encode)", "YW1wJmtleS00ZjJhOWM%3D"),
        ],
        ["eq=key-4f2a9c"] =
        [
            ("json_encode", "eq=key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "eq=key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "eq=key-4f2a9c"),
            ("htmlspecialchars", "eq=key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "eq=key-4f2a9c"),
            ("urlencode", "eq%3Dkey-4f2a9c"),
            ("urlencode, lower-case hex", "eq%3dkey-4f2a9c"),
            ("rawurlencode", "eq%3Dkey-4f2a9c"),
            ("base64_encode", "ZXE9a2V5LTRmMmE5Yw=="),
            ("base64_encode, no padding", "ZXE9a2V5LTRmMmE5Yw"),
            ("base64url", "ZXE9a2V5LTRmMmE5Yw=="),
            ("base64url, no padding", "ZXE9a2V5LTRmMmE5Yw"),
            ("json_encode(base64_encode)", "ZXE9a2V5LTRmMmE5Yw=="),
            ("urlencode(base64_encode)", "ZXE9a2V5LTRmMmE5Yw%3D%3D"),
        ],
        ["pct%key-4f2a9c"] =
        [
            ("json_encode", "pct%key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "pct%key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "pct%key-4f2a9c"),
            ("htmlspecialchars", "pct%key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "pct%key-4f2a9c"),
            ("urlencode", "pct%25key-4f2a9c"),
            ("urlencode, lower-case hex", "pct%25key-4f2a9c"),
            ("rawurlencode", "pct%25key-4f2a9c"),
            ("base64_encode", "cGN0JWtleS00ZjJhOWM="),
            ("base64_encode, no padding", "cGN0JWtleS00ZjJhOWM"),
            ("base64url", "cGN0JWtleS00ZjJhOWM="),
            ("base64url, no padding", "cGN0JWtleS00ZjJhOWM"),
            ("json_encode(base64_encode)", "cGN0JWtleS00ZjJhOWM="),
            ("urlencode(base64_encode)", "cGN0JWtleS00ZjJhOWM%3D"),
        ],
        ["accent-é-key-4f2a9c"] =
        [
            ("json_encode", "accent-\\u00e9-key-4f2a9c"),
            ("json_encode UNESCAPED_SLASHES", "accent-\\u00e9-key-4f2a9c"),
            ("json_encode UNESCAPED_UNICODE", "accent-é-key-4f2a9c"),
            ("htmlspecialchars", "accent-é-key-4f2a9c"),
            ("htmlspecialchars(json_encode)", "accent-\\u00e9-key-4f2a9c"),
            ("urlencode", "accent-%C3%A9-key-4f2a9c"),
            ("urlencode, lower-case hex", "accent-%c3%a9-key-4f2a9c"),
            ("rawurlencode", "accent-%C3%A9-key-4f2a9c"),
            ("base64_encode", "YWNjZW50LcOpLWtleS00ZjJhOWM="),
            ("base64_encode, no padding", "YWNjZW50LcOpLWtleS00ZjJhOWM"),
            ("base64url", "YWNjZW50LcOpLWtleS00ZjJhOWM="),
            ("base64url, no padding", "YWNjZW50LcOpLWtleS00ZjJhOWM"),
            ("json_encode(base64_encode)", "YWNjZW50LcOpLWtleS00ZjJhOWM="),
            ("urlencode(base64_encode)", "YWNjZW50LcOpLWtleS00ZjJhOWM%3D"),
        ],
    };

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<string> Keys => Php.Keys;

    /// <summary>Every spelling of <paramref name="key"/>, the key itself first, each spelling once.</summary>
    public static IReadOnlyList<(string Name, string Text)> Of(string key) =>
        Php[key]
            .Prepend(("as written", key))
            .Append(("System.Text.Json", JsonSerializer.Serialize(key)[1..^1]))
            .Append(("System.Text.Json, relaxed", JsonSerializer.Serialize(key, Relaxed)[1..^1]))
            .Append(("Uri.EscapeDataString", Uri.EscapeDataString(key)))
            .DistinctBy(s => s.Item2)
            .ToList();

    /// <summary>(key, spelling name) pairs for a theory.</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var key in Keys)
        {
            foreach (var (name, _) in Of(key))
            {
                cases.Add(key, name);
            }
        }

        return cases;
    }

    /// <summary>The first spelling of <paramref name="key"/> found in <paramref name="text"/>, or null.</summary>
    public static string? FoundIn(string key, string text) =>
        Of(key).Where(s => text.Contains(s.Text, StringComparison.Ordinal)).Select(s => $"{s.Name} '{s.Text}'").FirstOrDefault();
}
