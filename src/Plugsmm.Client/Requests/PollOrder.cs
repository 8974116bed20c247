namespace Plugsmm.Client;

/// <summary>A Poll order: votes for one answer.</summary>
public sealed class PollOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Poll";

    /// <summary>The poll. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many votes. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The answer to vote for (1 for the first). Sent as <c>answer_number</c>.</summary>
    public required int AnswerNumber { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("answer_number", AnswerNumber));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.Positive(AnswerNumber, nameof(AnswerNumber), "answer_number");
    }
}
