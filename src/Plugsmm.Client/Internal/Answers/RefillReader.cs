namespace Plugsmm.Client;

/// <summary>The answers to <c>refill</c>: one refill's id (<c>{"refill":"1"}</c>), or, for several orders, each order's refill id or error.</summary>
internal static class RefillReader
{
    /// <summary>One refill's id.</summary>
    public static long ReadOne(PanelAnswer answer)
    {
        var dto = answer.Read(AnswerJsonContext.Default.RefillAnswerDto);
        answer.ThrowIfError(dto.Error);
        if (AnswerValues.TryGetItemError(dto.Refill, out var error))
        {
            throw answer.PanelError(error);
        }

        return AnswerValues.TryReadId(dto.Refill, out var refillId) ? refillId : throw answer.Unexpected("no refill id");
    }

    /// <summary>Each order's refill id, by order id (a later item for the same order replaces an earlier one).</summary>
    public static Dictionary<long, ItemResult<long>> ReadMany(PanelAnswer answer)
    {
        var items = answer.ReadList(AnswerJsonContext.Default.ListOrderItemDto);
        answer.ThrowIfError(null);
        var results = new Dictionary<long, ItemResult<long>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Order ?? throw answer.Unexpected("an item has no 'order'");
            results[id] = AnswerValues.TryGetItemError(item.Refill, out var error) ? answer.ItemError<long>(id, error)
                : AnswerValues.TryReadId(item.Refill, out var refillId) ? ItemResult.Success(id, refillId)
                : ItemResult.Failure<long>(id, answer.UnreadableItem(AnswerValues.ReadString(item.Refill) is { } text ? $"has the refill id '{text}', which is not a whole number" : "has no refill id"));
        }

        return results;
    }
}
