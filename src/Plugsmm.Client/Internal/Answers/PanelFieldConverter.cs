using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// The base of the converters for fields panels write in more than one way. Every such field is optional: JSON
/// <c>null</c> reaches the converter (<see cref="HandleNull"/>), and an object or an array where a value should be is
/// skipped whole and read as no value. Answers are only read, never written.
/// </summary>
internal abstract class PanelFieldConverter<T> : JsonConverter<T>
{
    public override bool HandleNull => true;

    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            // Left on its end token, which no ReadValue takes for a value.
            reader.Skip();
        }

        return ReadValue(ref reader);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Panel answers are read, never written.");

    /// <summary>The value of the token the reader is on (a scalar, or the end of a skipped object or array).</summary>
    protected abstract T ReadValue(ref Utf8JsonReader reader);

    /// <summary>Whether a string token's text can be parsed from its bytes as they stand (no escapes to decode first).</summary>
    protected static bool IsPlain(in Utf8JsonReader reader) => !reader.ValueIsEscaped && !reader.HasValueSequence;
}
