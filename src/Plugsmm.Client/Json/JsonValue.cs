using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// One value of an answer, kept where it stands (a copy of the reader on its first token) and read only when asked,
/// as a <see cref="JsonElement"/> would be read: a panel's <c>error</c>, and the <c>refill</c>, <c>cancel</c> or
/// <c>status</c> that hold an item's value or its error. The last occurrence of a property is the one kept.
/// Reading throws <see cref="InvalidOperationException"/> where a <see cref="JsonElement"/> would (invalid UTF-8,
/// a lone surrogate escape). <c>default</c> is an absent value, read as JSON <c>null</c>.
/// </summary>
internal readonly ref struct JsonValue
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Utf8JsonReader _reader;
    private readonly ReadOnlySpan<byte> _json;

    /// <param name="reader">A reader on the value's first token.</param>
    /// <param name="json">The text the reader reads, for the raw text of objects and arrays.</param>
    public JsonValue(scoped in Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        _reader = reader;
        _json = json;
        Kind = reader.TokenType;
    }

    /// <summary>The value's first token; <see cref="JsonTokenType.None"/> when absent.</summary>
    public JsonTokenType Kind { get; }

    /// <summary>
    /// Whether the value says something as an error, and what: <c>null</c>, <c>false</c>, <c>0</c> and blank strings
    /// do not; a string is its text, anything else its JSON.
    /// </summary>
    public bool TryGetErrorText(out string text)
    {
        switch (Kind)
        {
            case JsonTokenType.String:
                text = _reader.GetString()!;
                return text.AsSpan().Trim().Length > 0;
            case JsonTokenType.Number when _reader.TryGetInt64(out var number) && number == 0:
            case JsonTokenType.None or JsonTokenType.Null or JsonTokenType.False:
                text = string.Empty;
                return false;
            default:
                text = RawText();
                return true;
        }
    }

    /// <summary>An item's value-or-error: an object whose (last) <c>error</c> property says something is that item's error.</summary>
    public bool TryGetItemError(out string error) => Property("error"u8).TryGetErrorText(out error);

    /// <summary>
    /// The property named <paramref name="name"/> of an object value, as a <see cref="JsonElement"/> finds it: the last
    /// one so named, unless a later name cannot be decoded (then <see cref="InvalidOperationException"/>). A value nested
    /// one level down (<c>{"status":{"status":"Completed"}}</c>) or an item's <c>error</c>. Absent for anything but an
    /// object, or an object without it.
    /// </summary>
    public JsonValue Property(ReadOnlySpan<byte> name)
    {
        if (Kind != JsonTokenType.StartObject)
        {
            return default;
        }

        var reader = _reader;
        var found = default(JsonValue);
        InvalidOperationException? undecodable = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isName;
            try
            {
                isName = PropertyNames.IsLikeJsonElement(ref reader, name);
            }
            catch (InvalidOperationException exception)
            {
                isName = false;
                undecodable = exception;
                found = default;
            }

            reader.Read();
            if (isName)
            {
                found = new JsonValue(reader, _json);
                undecodable = null;
            }

            reader.Skip();
        }

        return undecodable is null ? found : throw undecodable;
    }

    /// <summary>A positive id: a number, or a string holding one between spaces.</summary>
    public bool TryReadId(out long id)
    {
        id = 0;
        return Kind switch
        {
            JsonTokenType.Number => _reader.TryGetInt64(out id) && id > 0,
            JsonTokenType.String => TryParseId(out id) && id > 0,
            _ => false,
        };
    }

    /// <summary>A yes-or-no: <c>true</c>, a non-zero integer, <c>"1"</c>, <c>"true"</c>, <c>"ok"</c>, <c>"success"</c>, or their opposites; null otherwise.</summary>
    public bool? ReadFlag()
    {
        switch (Kind)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return _reader.TryGetInt64(out var number) ? number != 0 : null;
            case JsonTokenType.String when !_reader.ValueIsEscaped && _reader.ValueSpan is [(byte)'0' or (byte)'1'] digit:
                return digit[0] == (byte)'1';
            case JsonTokenType.String:
                return _reader.GetString()!.Trim() switch
                {
                    "1" or "true" or "ok" or "success" => true,
                    "0" or "false" => false,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The text of a string value (a known word is not allocated again); null for anything else.</summary>
    public string? ReadString() => Kind == JsonTokenType.String ? KnownStrings.GetString(in _reader) : null;

    private bool TryParseId(out long id)
    {
        var raw = _reader.ValueSpan;
        if (!_reader.ValueIsEscaped && raw.Length is > 0 and <= 18 && !raw.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // Only digits: what long.TryParse makes of them, without a string.
            id = 0;
            foreach (var digit in raw)
            {
                id = (id * 10) + (digit - '0');
            }

            return true;
        }

        return long.TryParse(_reader.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>The value's JSON text, as <see cref="JsonElement.GetRawText"/> gives it.</summary>
    private string RawText()
    {
        switch (Kind)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var reader = _reader;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Decode(_json[start..(int)reader.BytesConsumed]);
            default:
                return Decode(_reader.ValueSpan);
        }
    }

    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidOperationException("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", exception);
        }
    }
}
