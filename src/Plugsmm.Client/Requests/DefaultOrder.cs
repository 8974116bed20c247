namespace Plugsmm.Client;

/// <summary>A Default order: a quantity delivered to a link, optionally drip-fed in runs.</summary>
public sealed class DefaultOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Default";

    /// <summary>The link to deliver to (a post, profile, video, channel). Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many units; with drip-feed, how many per run. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>Drip-feed: how many runs (with <see cref="Interval"/>). Sent as <c>runs</c>.</summary>
    public int? Runs { get; init; }

    /// <summary>Drip-feed: minutes between runs (with <see cref="Runs"/>). Sent as <c>interval</c>.</summary>
    public int? Interval { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        if (Runs is { } runs)
        {
            fields.Add(new("runs", runs));
        }

        if (Interval is { } interval)
        {
            fields.Add(new("interval", interval));
        }
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.DripFeed(Runs, Interval);
    }
}
