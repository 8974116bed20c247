namespace Plugsmm.Client;

/// <summary>A Mentions User Followers order: followers of a user are mentioned.</summary>
public sealed class MentionsUserFollowersOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions User Followers";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many mentions. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The user whose followers are mentioned. Sent as <c>username</c>.</summary>
    public required string Username { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("username", Username));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.SingleLine(Username, nameof(Username), "username");
    }
}
