using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// One multi-id request with a side effect (<c>cancel</c>, <c>refill</c>) for leased orders already recorded as being
/// sent, and the record it means for each order: the answer for its id; or, when the whole request failed, the
/// caller's record for a failure that certainly never reached the panel (sent again later, or refused whole), and
/// "unknown" for anything else (never sent again).
/// </summary>
internal static class SideEffectRequest
{
    internal static async Task<List<TRecord>> SendAsync<TAnswer, TRecord>(
        IReadOnlyList<OrderLease> sending,
        Func<IEnumerable<long>, Task<IReadOnlyList<ItemResult<TAnswer>>>> send,
        Func<OrderLease, ItemResult<TAnswer>?, TRecord> read,
        Func<OrderLease, PlugsmmException, TRecord> notSent,
        Func<OrderLease, string, TRecord> unknown,
        string interrupted)
    {
        IReadOnlyList<ItemResult<TAnswer>> answers;
        try
        {
            answers = await send(sending.Select(l => l.Order.ProviderOrderId!.Value)).ConfigureAwait(false);
        }
        catch (PlugsmmException error) when (!error.OutcomeUnknown)
        {
            OrdersTracing.Failed(error);
            return [.. sending.Select(lease => notSent(lease, error))];
        }
#pragma warning disable CA1031 // Anything else may have reached the panel: unknown, never sent again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            OrdersTracing.Failed(error);
            var reason = error is PlugsmmException plugsmm ? plugsmm.Reason : interrupted;
            return [.. sending.Select(lease => unknown(lease, reason))];
        }

        var byId = ById(answers);
        return [.. sending.Select(lease => read(lease, byId.GetValueOrDefault(lease.Order.ProviderOrderId!.Value)))];
    }

    /// <summary>A multi-id answer by id (the first item of an id the panel repeated).</summary>
    internal static Dictionary<long, ItemResult<T>> ById<T>(IReadOnlyList<ItemResult<T>> answers)
    {
        var byId = new Dictionary<long, ItemResult<T>>();
        foreach (var answer in answers)
        {
            byId.TryAdd(answer.Id, answer);
        }

        return byId;
    }
}
