namespace Plugsmm.Client;

/// <summary>The answer to <c>cancel</c>: for each order, whether the panel accepted the cancel, or that order's error.</summary>
internal static class CancelReader
{
    /// <summary>Each order's cancel result, by order id (a later item for the same order replaces an earlier one).</summary>
    public static Dictionary<long, ItemResult<bool>> ReadMany(PanelAnswer answer)
    {
        var items = answer.ReadList(AnswerJsonContext.Default.ListOrderItemDto);
        answer.ThrowIfError(null);
        var results = new Dictionary<long, ItemResult<bool>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Order ?? throw answer.Unexpected("an item has no 'order'");
            results[id] = AnswerValues.TryGetItemError(item.Cancel, out var error) ? answer.ItemError<bool>(id, error)
                : AnswerValues.ReadFlag(item.Cancel) is { } accepted ? ItemResult.Success(id, accepted)
                : ItemResult.Failure<bool>(id, answer.UnreadableItem(AnswerValues.ReadString(item.Cancel) is { } text ? $"has the cancel result '{text}', which is no yes or no" : "has no cancel result"));
        }

        return results;
    }
}
