using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// The runbook's rollback encoding (<c>PLUGSMM_USE_NEW_API=false</c>): the body the legacy adapter sent,
/// as .NET's <c>FormUrlEncodedContent</c> writes it (<c>~</c> left bare, among others; see docs/encoding.md).
/// The same fields are sent; only the escaping differs.
/// </summary>
internal static class LegacyFormContent
{
    public static HttpContent Create(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var pairs = fields
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, Convert.ToString(f.Value, CultureInfo.InvariantCulture)!));
#pragma warning disable RS0030 // The legacy encoding is FormUrlEncodedContent by definition.
        return new FormUrlEncodedContent(pairs);
#pragma warning restore RS0030
    }
}
