namespace Plugsmm.Client;

/// <summary>A Mentions Media Likers order: likers of a media are mentioned.</summary>
public sealed class MentionsMediaLikersOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions Media Likers";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many mentions. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The media (a link) whose likers are mentioned. Sent as <c>media</c>.</summary>
    public required string Media { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("media", Media));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.SingleLine(Media, nameof(Media), "media");
    }
}
