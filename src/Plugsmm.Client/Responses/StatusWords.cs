namespace Plugsmm.Client;

/// <summary>Maps the panels' status words, in any case and spacing, to the SDK's states.</summary>
internal static class StatusWords
{
    public static OrderState ToOrderState(string? word) => Normalize(word) switch
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

    public static RefillState ToRefillState(string? word) => Normalize(word) switch
    {
        "pending" => RefillState.Pending,
        "inprogress" => RefillState.InProgress,
        "completed" or "complete" => RefillState.Completed,
        "rejected" => RefillState.Rejected,
        _ => RefillState.Unknown,
    };

    /// <summary>Lower case with spaces, underscores and hyphens dropped: "In progress", "in_progress" and "IN-PROGRESS" meet.</summary>
    private static string Normalize(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(word.Length, 32)];
        var length = 0;
        foreach (var c in word)
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return string.Empty;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }
}
