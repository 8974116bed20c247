namespace Plugsmm.Client;

/// <summary>The answer to <c>cancel</c>: for each order, whether the panel accepted the cancel, or that order's error.</summary>
internal static class CancelReader
{
    /// <summary>Each order's cancel result, by order id.</summary>
    public static Dictionary<long, ItemResult<bool>> ReadMany(PanelAnswer answer) =>
        ItemListReader.Read(
            answer,
            ItemFieldOf,
            "order",
            static (id, scoped in value, answer) =>
                value.TryGetItemError(out var error) ? ItemResult.Failure<bool>(id, answer.Clean(error))
                : value.ReadFlag() is { } accepted ? ItemResult.Success(id, accepted)
                : ItemResult.Unknown<bool>(id, answer.UnreadableItem(value.ReadString() is { } text ? $"has the cancel result '{text}', which is no yes or no" : "has no cancel result")));

    /// <summary>What a (decoded) property name of an item is.</summary>
    internal static ItemListReader.ItemField ItemFieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("order"u8) ? ItemListReader.ItemField.Id
        : name.SequenceEqual("cancel"u8) ? ItemListReader.ItemField.Value
        : ItemListReader.ItemField.Unknown;
}
