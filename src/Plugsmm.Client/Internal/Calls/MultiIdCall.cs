using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// An action over any number of ids (<c>status</c>, <c>refill</c>, <c>refill_status</c>, <c>cancel</c> with a list):
/// repeated ids asked once, 100 per request, one item per distinct id in the order given. One request failing never
/// loses the others' results, and a side-effect call never reports a definite failure while one of its requests may
/// have been carried out (docs/errors.md, "Calls over many ids").
/// </summary>
internal static class MultiIdCall
{
    public static async Task<IReadOnlyList<ItemResult<T>>> SendAsync<T>(
        CallRunner calls,
        string action,
        string field,
        IEnumerable<long> ids,
        string parameter,
        AnswerReader<Dictionary<long, ItemResult<T>>> read,
        CancellationToken cancellationToken)
    {
        var distinct = DistinctIds(ids, parameter);
        var results = new Dictionary<long, ItemResult<T>>(distinct.Count);
        var failures = new List<PlugsmmException>();
        var anyAnswered = false;
        var mayHaveHappened = 0; // ids whose request was answered, or failed with its outcome unknown
        foreach (var chunk in distinct.Chunk(PlugsmmClient.MaxIdsPerRequest))
        {
            Dictionary<long, ItemResult<T>> answered;
            try
            {
                answered = await calls.SendAsync(action, calls.Fields(action, field, CallFields.IdList(chunk)), read, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && CallInfo.ChangesState(action)
                && (mayHaveHappened > 0 || exception is PlugsmmOperationCanceledException))
            {
                // The caller gave up after requests went out (this one, or earlier ones whose results are now lost to it):
                // not "nothing happened", whatever the cancellation itself says.
                var sent = mayHaveHappened + (exception is PlugsmmOperationCanceledException ? chunk.Length : 0);
                throw new PlugsmmOperationCanceledException(
                    $"The caller cancelled {action} after requests for {sent.ToString(CultureInfo.InvariantCulture)} of its {distinct.Count.ToString(CultureInfo.InvariantCulture)} distinct ids went out: the panel may have carried them out; check them before repeating.",
                    action,
                    (exception as PlugsmmOperationCanceledException)?.CorrelationId ?? string.Empty,
                    exception,
                    cancellationToken);
            }
            catch (PlugsmmException exception)
            {
                mayHaveHappened += exception.OutcomeUnknown ? chunk.Length : 0;
                // One request of many failed: the others' results (cancels or refills already made) must not be lost,
                // and its own ids carry its outcome (known failure, or unknown when it may have been carried out).
                failures.Add(exception);
                foreach (var id in chunk)
                {
                    results[id] = ItemResult.Failure<T>(id, exception);
                }

                continue;
            }

            anyAnswered = true;
            mayHaveHappened += chunk.Length;
            foreach (var id in chunk)
            {
                results[id] = answered.TryGetValue(id, out var item) ? item : NoEntry<T>(id, action);
            }
        }

        // Thrown only when one failure says the truth about every id: no request was answered, and there was only one
        // request or every failure's outcome is known (nothing was carried out). A side-effect call never reports a
        // definite failure while one of its requests may have been carried out: then each id carries its own outcome.
        if (!anyAnswered && failures.Count > 0 && (failures.Count == 1 || failures.TrueForAll(f => !f.OutcomeUnknown)))
        {
            throw failures[0];
        }

        return distinct.Select(id => results[id]).ToArray();
    }

    /// <summary>
    /// One id through a multi-id action (the panels' <c>cancel</c> takes only a list): its value, or its failure thrown
    /// as a single call's would be.
    /// </summary>
    public static async Task<T> SendOneAsync<T>(
        CallRunner calls,
        string action,
        string field,
        long id,
        string parameter,
        AnswerReader<Dictionary<long, ItemResult<T>>> read,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id, parameter);
        var item = (await SendAsync(calls, action, field, [id], parameter, read, cancellationToken).ConfigureAwait(false))[0];
        return item.Error is { } error ? throw error : item.Value;
    }

    /// <summary>
    /// An id the panel's answer leaves out. For a read, a failure; for a refill or cancel, the panel may still have
    /// carried it out (it answered for the request), so its outcome is unknown.
    /// </summary>
    private static ItemResult<T> NoEntry<T>(long id, string action) => CallInfo.ChangesState(action)
        ? ItemResult.Failure<T>(id, new PlugsmmException($"The panel's answer to {action} has no entry for this id: it may have been carried out; check it before repeating.", action) { Reason = PlugsmmErrorReasons.NoEntry, OutcomeUnknown = true })
        : ItemResult.Failure<T>(id, new PlugsmmException($"The panel's answer to {action} has no entry for this id.", action) { Reason = PlugsmmErrorReasons.NoEntry });

    private static List<long> DistinctIds(IEnumerable<long> ids, string parameter)
    {
        ArgumentNullException.ThrowIfNull(ids, parameter);
        var seen = new HashSet<long>();
        var distinct = new List<long>();
        var index = 0;
        foreach (var id in ids)
        {
            if (id <= 0)
            {
                throw new ArgumentOutOfRangeException(parameter, id, $"Id #{index.ToString(CultureInfo.InvariantCulture)} is {id.ToString(CultureInfo.InvariantCulture)}; ids are positive.");
            }

            if (seen.Add(id))
            {
                distinct.Add(id);
            }

            index++;
        }

        return distinct;
    }
}
