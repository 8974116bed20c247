using System.Globalization;

namespace Plugsmm.Client;

/// <summary>The form fields of one call: the key and the action first, then the action's own.</summary>
internal static class CallFields
{
    /// <summary>The key and the action.</summary>
    public static List<KeyValuePair<string, object?>> For(string apiKey, string action) =>
        [new("key", apiKey), new("action", action)];

    /// <summary>The key, the action and one field of its own.</summary>
    public static List<KeyValuePair<string, object?>> For(string apiKey, string action, string name, object value) =>
        [new("key", apiKey), new("action", action), new(name, value)];

    /// <summary>Ids as the panels take them in one field: comma-separated, invariant digits.</summary>
    public static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
