namespace Plugsmm.Client;

/// <summary>An Invites from Groups order: members of the given groups are invited.</summary>
public sealed class InvitesFromGroupsOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Invites from Groups";

    /// <summary>The group or channel to invite to. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many invites. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The groups to invite from, one item each. Sent as <c>groups</c>.</summary>
    public required IReadOnlyList<string> Groups { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("groups", string.Join('\n', Groups)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.Lines(Groups, nameof(Groups), "groups");
    }
}
