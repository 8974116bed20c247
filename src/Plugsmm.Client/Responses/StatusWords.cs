namespace Plugsmm.Client;

/// <summary>Maps the panels' status words, in any case and spacing, to the SDK's states.</summary>
internal static class StatusWords
{
    private const int MaxWordLength = 32;

    public static OrderState ToOrderState(string? word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        return Normalize(word, buffer) switch
        {
            "pending" => OrderState.Pending,
            "inprogress" => OrderState.InProgress,
            "processing" => OrderState.Processing,
            "completed" or "complete" => OrderState.Completed,
            "partial" => OrderState.Partial,
            "canceled" or "cancelled" or "cancel" => OrderState.Canceled,
            "refunded" => OrderState.Refunded,
            "fail" or "failed" => OrderState.Failed,
            "awaiting" => OrderState.Awaiting,
            _ => OrderState.Unknown,
        };
    }

    public static RefillState ToRefillState(string? word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        return Normalize(word, buffer) switch
        {
            "pending" => RefillState.Pending,
            "inprogress" => RefillState.InProgress,
            "completed" or "complete" => RefillState.Completed,
            "rejected" => RefillState.Rejected,
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
