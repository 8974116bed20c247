namespace Plugsmm.Client;

/// <summary>A Comment Likes order: likes on one user's comment under a post.</summary>
public sealed class CommentLikesOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Comment Likes";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many likes. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The owner of the comment to like. Sent as <c>username</c>.</summary>
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
