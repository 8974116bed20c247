using System.Globalization;

namespace Plugsmm.Client;

/// <summary>The errors the encoder raises: an <see cref="ArgumentException"/> about the caller's <c>fields</c>.</summary>
internal static class EncoderErrors
{
    /// <summary>The public parameter every encoder error is about.</summary>
    public const string FieldsParameter = "fields";

#pragma warning disable CA2208 // The message names the field; the parameter is the public method's 'fields'.
    public static ArgumentException Field(string message) => new(message, FieldsParameter);
#pragma warning restore CA2208

    /// <summary>A lone UTF-16 surrogate at <paramref name="index"/> of a key or a value: refused by both encodings alike.</summary>
    public static ArgumentException LoneSurrogate(string field, int index, bool inKey) =>
        Field(
            $"The {(inKey ? "key" : "value")} of field '{field}' has a lone UTF-16 surrogate at index " +
            $"{index.ToString(CultureInfo.InvariantCulture)}: it is not valid Unicode and cannot be sent as UTF-8.");
}
