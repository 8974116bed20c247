namespace Plugsmm.Client;

/// <summary>An SEO order: search traffic for the given keywords.</summary>
public sealed class SeoOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "SEO";

    /// <summary>The page. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many visits. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The keywords, one item each. Sent as <c>keywords</c>.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("keywords", string.Join('\n', Keywords)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.Lines(Keywords, nameof(Keywords), "keywords");
    }
}
