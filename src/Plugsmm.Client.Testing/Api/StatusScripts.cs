namespace Plugsmm.Client.Testing;

/// <summary>
/// Scripted status progressions: the scripts waiting for the next order on a link, and how a script reads at a moment.
/// Used under the panel's lock.
/// </summary>
internal sealed class StatusScripts
{
    /// <summary>Status words after which an order is over: it cannot be canceled and does not hold its link.</summary>
    private static readonly HashSet<string> FinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Completed", "Complete", "Partial", "Canceled", "Cancelled", "Canscelled", "Refunded", "Refund",
        "Fail", "Failed", "Error", "Rejected", "Success", "Done", "Finished",
    };

    private readonly Dictionary<string, Queue<IReadOnlyList<SimulatedStatusStep>>> _byLink = new(StringComparer.Ordinal);

    /// <summary>Whether a status word ends an order.</summary>
    public static bool IsFinal(string status) => FinalWords.Contains(status);

    /// <summary>Whether a status word makes an order eligible for refill (<c>Completed</c> or <c>Partial</c>).</summary>
    public static bool IsRefillable(string status) =>
        status.Equals("Completed", StringComparison.OrdinalIgnoreCase) || status.Equals("Partial", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the steps and returns them in the order they take effect.</summary>
    public static IReadOnlyList<SimulatedStatusStep> Validate(SimulatedStatusStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0)
        {
            throw new ArgumentException("A status script needs at least one step.", nameof(steps));
        }

        foreach (var step in steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
            if (step.After < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(steps), step.After, "A step's After is zero or more.");
            }

            if ((step.Status is null) == (step.Error is null))
            {
                throw new ArgumentException("A step gives exactly one of Status and Error.", nameof(steps));
            }
        }

        // A stable sort: of steps with the same After, the last one given wins.
        return [.. steps.OrderBy(s => s.After)];
    }

    /// <summary>Queues a script for the next order placed on <paramref name="link"/>.</summary>
    public void AddForLink(string link, IReadOnlyList<SimulatedStatusStep> steps)
    {
        if (!_byLink.TryGetValue(link, out var queue))
        {
            _byLink[link] = queue = new();
        }

        queue.Enqueue(steps);
    }

    /// <summary>Takes the script waiting for an order just placed on <paramref name="link"/>, if any.</summary>
    public IReadOnlyList<SimulatedStatusStep>? TakeForLink(string? link)
    {
        if (link is null || !_byLink.TryGetValue(link, out var queue))
        {
            return null;
        }

        var steps = queue.Dequeue();
        if (queue.Count == 0)
        {
            _byLink.Remove(link);
        }

        return steps;
    }

    /// <summary>
    /// The step in effect <paramref name="age"/> after the order was placed (null before the first), and how long
    /// after placement the order's current run of final steps began (when it ended, for the refill period).
    /// </summary>
    public static (SimulatedStatusStep? Step, TimeSpan FinalSince) Current(IReadOnlyList<SimulatedStatusStep> steps, TimeSpan age)
    {
        var index = -1;
        for (var i = 0; i < steps.Count && steps[i].After <= age; i++)
        {
            index = i;
        }

        if (index < 0)
        {
            return (null, TimeSpan.Zero);
        }

        var first = index;
        while (first > 0 && steps[first - 1] is { Error: null, Status: { } previous } && IsFinal(previous))
        {
            first--;
        }

        return (steps[index], steps[first].After);
    }
}
