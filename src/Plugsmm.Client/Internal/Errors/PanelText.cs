using System.Globalization;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// Text that came from the panel (an error, an item's error, a property name, a transport failure's message, an
/// answer's start) made fit for a message, a log line or a tag, in one place: the API key removed in every spelling
/// (<see cref="KeySpellings"/>), control characters and line separators flattened to spaces (no forged log lines),
/// and capped at <see cref="MaxChars"/> chars and '…' (an 8 MB error is not an 8 MB message).
/// </summary>
internal static class PanelText
{
    public const int MaxChars = 512;

    /// <summary>The cap of a whole message built around panel text (its log line's <c>message=</c>).</summary>
    public const int MaxMessageChars = 2 * MaxChars;

    private const string Mask = "***";

    /// <summary>
    /// <paramref name="text"/> with the key masked, flattened, and cut after <paramref name="maxChars"/> of its own chars
    /// (a key that starts before the cut is masked whole; nothing after the cut is shown).
    /// </summary>
    public static string Clean(string text, KeySpellings key, int maxChars = MaxChars)
    {
        // Only a key that starts before the cut shows, and it ends within MaxLength chars of it.
        var window = text.AsSpan(0, (int)Math.Min(text.Length, (long)maxChars + key.MaxLength));
        StringBuilder? clean = null;
        var shown = 0;
        foreach (var match in key.Find(window))
        {
            if (match.Index >= maxChars)
            {
                break;
            }

            clean ??= new StringBuilder(Math.Min(text.Length, maxChars) + 1);
            AppendFlat(clean, window[shown..match.Index]);
            clean.Append(Mask);
            shown = match.Index + match.Length;
        }

        var end = Math.Min(text.Length, maxChars);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        if (clean is null && end == text.Length && !NeedsFlattening(text))
        {
            return text;
        }

        clean ??= new StringBuilder(end + 1);
        if (shown < end)
        {
            AppendFlat(clean, text.AsSpan(shown, end - shown));
            shown = end;
        }

        return (shown < text.Length ? clean.Append('…') : clean).ToString();
    }

    /// <summary>The start of an answer, decoded as UTF-8 and <see cref="Clean"/>ed: a JSON-escaped key in the bytes is found too.</summary>
    public static string Preview(ReadOnlySpan<byte> body, KeySpellings key)
    {
        // At most 3 bytes a char: enough bytes for the chars shown and a key that starts among them.
        var slice = body[..(int)Math.Min(body.Length, ((long)MaxChars + key.MaxLength + 1) * 3)];
        return Clean(Encoding.UTF8.GetString(slice), key);
    }

    /// <summary>A control char (C0, DEL, C1 with NEL) or a line or paragraph separator: each becomes a space.</summary>
    private static bool IsBreak(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool NeedsFlattening(string text)
    {
        foreach (var c in text)
        {
            if (IsBreak(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendFlat(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            builder.Append(IsBreak(c) ? ' ' : c);
        }
    }
}
