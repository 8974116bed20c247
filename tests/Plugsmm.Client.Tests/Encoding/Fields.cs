namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>Short-hand for field sets in tests.</summary>
internal static class Fields
{
    public static KeyValuePair<string, object?>[] Of(params (string Key, object? Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToArray();

    public static string Encode(params (string Key, object? Value)[] fields) => PhpFormEncoder.Encode(Of(fields));
}
