namespace Plugsmm.Client.Testing;

/// <summary>
/// What the panel says about an order at a moment, from the delivery simulation or the order's script: the status
/// and its figures, or an error for the id; and when the order ended, for the refill period.
/// </summary>
internal readonly record struct OrderView(string Status, long Remains, long StartCount, decimal Charge, string? Error, DateTimeOffset? EndedAt)
{
    /// <summary>Whether the order is still running: it holds its link and can be canceled.</summary>
    public bool IsActive => Error is not null || !StatusScripts.IsFinal(Status);

    /// <summary>Whether the order ended Completed or Partial, so that it can be refilled.</summary>
    public bool IsRefillable => Error is null && StatusScripts.IsRefillable(Status);
}
