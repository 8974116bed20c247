using System.Text;

namespace Plugsmm.Client.Testing;

/// <summary>
/// Parses an <c>application/x-www-form-urlencoded</c> body as PHP fills <c>$_POST</c>: <c>+</c> and valid
/// <c>%XX</c> decoded (an invalid <c>%</c> left as is), leading spaces of a name dropped, <c>.</c> and space in a
/// top-level name turned into <c>_</c>, <c>a[b]</c> and <c>a[]</c> building arrays, a name cut at NUL (values keep
/// it), the last duplicate winning, and at most <see cref="MaxInputVars"/> fields (PHP's <c>max_input_vars</c>).
/// </summary>
internal static class PhpFormParser
{
    /// <summary>PHP's default <c>max_input_vars</c>: fields past it are dropped.</summary>
    public const int MaxInputVars = 1000;

    /// <summary>The parsed fields: a value is a <see cref="string"/> or a nested <see cref="PhpArray"/>.</summary>
    public static PhpArray Parse(ReadOnlySpan<byte> body)
    {
        var result = new PhpArray();
        var count = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            if (++count > MaxInputVars)
            {
                break;
            }

            var equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            Register(result, name, value);
        }

        return result;
    }

    /// <summary>PHP's <c>urldecode</c>, then the bytes as UTF-8 (invalid sequences become U+FFFD).</summary>
    public static string Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes[length++] = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    /// <summary>PHP's <c>php_register_variable_ex</c>: the name's mangling, then the bracketed indices.</summary>
    private static void Register(PhpArray root, string name, string value)
    {
        var nul = name.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            name = name[..nul];
        }

        name = name.TrimStart(' ');
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var baseName = (open < 0 ? name : name[..open]).Replace(' ', '_').Replace('.', '_');
        if (baseName.Length == 0)
        {
            // An empty name, or one that starts with '[': PHP ignores the field.
            return;
        }

        if (open < 0)
        {
            root[baseName] = value;
            return;
        }

        var segments = new List<string?>();
        var position = open;
        while (true)
        {
            var indexStart = position + 1;
            var cursor = indexStart < name.Length && name[indexStart] == ' ' ? indexStart + 1 : indexStart;
            if (cursor < name.Length && name[cursor] == ']')
            {
                segments.Add(null); // "[]" and "[ ]" append
                position = cursor + 1;
            }
            else
            {
                var close = name.IndexOf(']', cursor);
                if (close < 0)
                {
                    if (segments.Count == 0)
                    {
                        // Not an index: the '[' and every ' ', '.', '[' after it become '_', and it is a plain name.
                        var plain = baseName + "_" + name[indexStart..].Replace(' ', '_').Replace('.', '_').Replace('[', '_');
                        root[plain] = value;
                        return;
                    }

                    break; // nested and unclosed: the value goes to the last complete index
                }

                segments.Add(name[indexStart..close]);
                position = close + 1;
            }

            if (position >= name.Length || name[position] != '[')
            {
                break; // anything after the last ']' is ignored
            }
        }

        var current = root;
        var key = baseName;
        foreach (var segment in segments)
        {
            if (current.TryGetValue(key, out var existing) && existing is PhpArray nested)
            {
                current = nested;
            }
            else
            {
                var created = new PhpArray();
                current[key] = created;
                current = created;
            }

            key = segment ?? current.NextIndex().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        current[key] = value;
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

/// <summary>An ordered PHP array with string keys (integer keys are kept as their digits).</summary>
internal sealed class PhpArray : Dictionary<string, object>
{
    public PhpArray()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The index <c>$a[] = …</c> appends at: one past the largest integer key, or 0.</summary>
    public long NextIndex()
    {
        long next = 0;
        foreach (var key in Keys)
        {
            if (long.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= next)
            {
                next = index + 1;
            }
        }

        return next;
    }

    /// <summary>A field's text, or null when it is missing or an array.</summary>
    public string? Text(string key) => TryGetValue(key, out var value) ? value as string : null;
}
