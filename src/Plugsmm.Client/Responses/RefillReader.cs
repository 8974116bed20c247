namespace Plugsmm.Client;

/// <summary>The answers to <c>refill</c>: one refill's id (<c>{"refill":"1"}</c>), or, for several orders, each order's refill id or error.</summary>
internal static class RefillReader
{
    /// <summary>One refill's id.</summary>
    public static long ReadOne(PanelAnswer answer)
    {
        var refill = ValueAnswerReader.Read(answer, FieldOf);
        if (refill.TryGetItemError(out var error))
        {
            throw answer.PanelError(error);
        }

        return refill.TryReadId(out var refillId) ? refillId : throw answer.Unexpected("no refill id");
    }

    /// <summary>Each order's refill id, by order id.</summary>
    public static Dictionary<long, ItemResult<long>> ReadMany(PanelAnswer answer) =>
        ItemListReader.Read(
            answer,
            ItemFieldOf,
            "order",
            static (id, scoped in value, answer) =>
                value.TryGetItemError(out var error) ? ItemResult.Failure<long>(id, answer.Clean(error))
                : value.TryReadId(out var refillId) ? ItemResult.Success(id, refillId)
                : ItemResult.Unknown<long>(id, answer.UnreadableItem(value.ReadString() is { } text ? $"has the refill id '{text}', which is not a whole number" : "has no refill id")));

    /// <summary>What a (decoded) property name of the answer to one refill is.</summary>
    internal static ValueAnswerReader.AnswerField FieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("refill"u8) ? ValueAnswerReader.AnswerField.Value
        : name.SequenceEqual("error"u8) ? ValueAnswerReader.AnswerField.Error
        : ValueAnswerReader.AnswerField.Unknown;

    /// <summary>What a (decoded) property name of an item is.</summary>
    internal static ItemListReader.ItemField ItemFieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("order"u8) ? ItemListReader.ItemField.Id
        : name.SequenceEqual("refill"u8) ? ItemListReader.ItemField.Value
        : ItemListReader.ItemField.Unknown;
}
