namespace Plugsmm.Client;

/// <summary>The errors the encoder raises: an <see cref="ArgumentException"/> about the caller's <c>fields</c>.</summary>
internal static class EncoderErrors
{
    /// <summary>The public parameter every encoder error is about.</summary>
    public const string FieldsParameter = "fields";

#pragma warning disable CA2208 // The message names the field; the parameter is the public method's 'fields'.
    public static ArgumentException Field(string message) => new(message, FieldsParameter);
#pragma warning restore CA2208
}
