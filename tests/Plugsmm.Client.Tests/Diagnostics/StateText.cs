using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Logging.Testing;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// Everything a structured log sink could see of a log record, as text: the message, every value of the state
/// (lists of values, such as header values, one by one), every scope and the exception.
/// </summary>
internal static class StateText
{
    /// <summary>The texts of one value: itself, or each item of a list (its key/value pairs included), recursively.</summary>
    public static IEnumerable<string> Of(object? value) => value switch
    {
        null => [],
        string text => [text],
        KeyValuePair<string, object?> pair => Of(pair.Value).Prepend(pair.Key),
        KeyValuePair<string, string?> pair => [pair.Key, pair.Value ?? string.Empty],
        IEnumerable items => items.Cast<object?>().SelectMany(Of).Append(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty],
    };

    /// <summary>The message, state, scopes and exception of a <see cref="FakeLogger"/> record.</summary>
    public static IEnumerable<string> Of(FakeLogRecord record) =>
        Of(record.State).Concat(Of(record.StructuredState)).Concat(record.Scopes.SelectMany(Of))
            .Append(record.Message)
            .Append(record.Exception?.ToString() ?? string.Empty);
}
