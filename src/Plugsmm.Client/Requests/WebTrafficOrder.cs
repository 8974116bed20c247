namespace Plugsmm.Client;

/// <summary>A Web Traffic order: visits to a page, from a country and device, with a kind of referrer.</summary>
public sealed class WebTrafficOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Web Traffic";

    /// <summary>The page to visit. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many visits; with drip-feed, how many per run. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>Drip-feed: how many runs (with <see cref="Interval"/>). Sent as <c>runs</c>.</summary>
    public int? Runs { get; init; }

    /// <summary>Drip-feed: minutes between runs (with <see cref="Runs"/>). Sent as <c>interval</c>.</summary>
    public int? Interval { get; init; }

    /// <summary>Where visitors come from, as the panel names countries (a code such as <c>US</c>, or a name). Sent as <c>country</c>.</summary>
    public required string Country { get; init; }

    /// <summary>The visitors' device. Sent as <c>device</c>, the panel's number for it (1 to 5).</summary>
    public required WebTrafficDevice Device { get; init; }

    /// <summary>Where the visits seem to come from. Sent as <c>type_of_traffic</c>, the panel's number for it (1 to 3).</summary>
    public required WebTrafficType TypeOfTraffic { get; init; }

    /// <summary>The Google keyword, for keyword traffic. Sent as <c>google_keyword</c>.</summary>
    public string? GoogleKeyword { get; init; }

    /// <summary>The referring page, for referrer traffic. Sent as <c>referring_url</c>.</summary>
    public string? ReferringUrl { get; init; }

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

        fields.Add(new("country", Country));
        fields.Add(new("device", (int)Device));
        fields.Add(new("type_of_traffic", (int)TypeOfTraffic));
        fields.Add(new("google_keyword", GoogleKeyword));
        fields.Add(new("referring_url", ReferringUrl));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.DripFeed(Runs, Interval);
        check.SingleLine(Country, nameof(Country), "country");
        check.Range((int)Device, (int)WebTrafficDevice.Desktop, (int)WebTrafficDevice.Mixed, nameof(Device), "device");
        check.Range((int)TypeOfTraffic, (int)WebTrafficType.GoogleKeyword, (int)WebTrafficType.BlankReferrer, nameof(TypeOfTraffic), "type_of_traffic");
        check.OptionalSingleLine(GoogleKeyword, nameof(GoogleKeyword), "google_keyword");
        check.OptionalSingleLine(ReferringUrl, nameof(ReferringUrl), "referring_url");
        if (TypeOfTraffic == WebTrafficType.GoogleKeyword && GoogleKeyword is null)
        {
            throw check.Fail(nameof(GoogleKeyword), "google_keyword", "is required when TypeOfTraffic is GoogleKeyword");
        }

        if (TypeOfTraffic == WebTrafficType.CustomReferrer && ReferringUrl is null)
        {
            throw check.Fail(nameof(ReferringUrl), "referring_url", "is required when TypeOfTraffic is CustomReferrer");
        }
    }
}
