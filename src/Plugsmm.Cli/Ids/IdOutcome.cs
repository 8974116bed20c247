using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>One id's outcome in a call over many ids: its value, the panel's error for it, or its request's failure.</summary>
internal sealed record IdOutcome<T>(long Id, bool IsSuccess, T? Value, string? Error, PlugsmmException? Exception)
{
    public bool OutcomeUnknown => Exception?.OutcomeUnknown == true;

    public static IdOutcome<T> From(ItemResult<T> item) =>
        item.IsSuccess ? new(item.Id, true, item.Value, null, null) : new(item.Id, false, default, item.Error, item.Exception);
}
