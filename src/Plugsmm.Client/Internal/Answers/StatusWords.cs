namespace Plugsmm.Client;

/// <summary>
/// Maps the panels' status words, in any case and spacing, to the SDK's states (docs/api-mapping.md lists them, the
/// words seen in real answers included: <c>canscelled</c>, <c>processing order</c>, <c>done</c>, <c>Refused</c>, …).
/// A word not listed is <c>Unknown</c>, never guessed.
/// </summary>
internal static class StatusWords
{
    private const int MaxWordLength = 32;

    public static OrderState ToOrderState(string? word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        return Normalize(word, buffer) switch
        {
            "pending" or "queued" or "new" => OrderState.Pending,
            "inprogress" or "running" or "active" => OrderState.InProgress,
            "processing" or "processingorder" => OrderState.Processing,
            "completed" or "complete" or "success" or "done" or "finished" => OrderState.Completed,
            "partial" => OrderState.Partial,
            "canceled" or "cancelled" or "cancel" or "canscelled" => OrderState.Canceled,
            "refunded" or "refund" => OrderState.Refunded,
            "fail" or "failed" or "error" or "rejected" => OrderState.Failed,
            "awaiting" or "waiting" => OrderState.Awaiting,
            _ => OrderState.Unknown,
        };
    }

    public static RefillState ToRefillState(string? word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        return Normalize(word, buffer) switch
        {
            "pending" or "awaiting" => RefillState.Pending,
            "inprogress" or "processing" or "refilling" => RefillState.InProgress,
            "completed" or "complete" or "processed" => RefillState.Completed,
            "rejected" or "refused" or "notfound" or "error" => RefillState.Rejected,
            _ => RefillState.Unknown,
        };
    }

    /// <summary>
    /// Lower case with spaces, underscores and hyphens dropped: "In progress", "in_progress" and "IN-PROGRESS" meet.
    /// Written into <paramref name="buffer"/>, no string made; empty for a blank word or one too long to be known.
    /// </summary>
    private static ReadOnlySpan<char> Normalize(string? word, Span<char> buffer)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return [];
        }

        var length = 0;
        foreach (var c in word)
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return [];
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return buffer[..length];
    }
}
