namespace Plugsmm.Client;

/// <summary>A Custom Comments Package order: a package of the given comments.</summary>
public sealed class CustomCommentsPackageOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Custom Comments Package";

    /// <summary>The post to comment on. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>The comments, one item each (sent one per line). Sent as <c>comments</c>.</summary>
    public required IReadOnlyList<string> Comments { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("comments", string.Join('\n', Comments)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Lines(Comments, nameof(Comments), "comments");
    }
}
