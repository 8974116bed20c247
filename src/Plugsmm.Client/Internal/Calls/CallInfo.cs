namespace Plugsmm.Client;

/// <summary>
/// One call in flight: what its attempts need to classify failures (the action, whether it has side effects, the
/// rules, the key's spellings to scrub), its correlation id, and how many attempts it has made. The resilience pipeline reads it
/// from the <see cref="Polly.ResilienceContext"/> (<see cref="CallPipeline.Call"/>) to decide on retries and to log them.
/// </summary>
internal sealed class CallInfo(string action, bool hasSideEffects, ErrorClassifier classifier, KeySpellings key, string correlationId)
{
    public string Action => action;

    public bool HasSideEffects => hasSideEffects;

    public ErrorClassifier Classifier => classifier;

    /// <summary>The API key's spellings, to remove from what the panel says (<see cref="PanelText.Clean"/>).</summary>
    public KeySpellings Key => key;

    public string CorrelationId => correlationId;

    /// <summary>When the call started (<see cref="TimeProvider.GetTimestamp"/> of the client's clock): its total timeout counts from here.</summary>
    public long Started { get; init; }

    /// <summary>The caller's cancellation (a cancellation without it is a timeout's).</summary>
    public CancellationToken Caller { get; init; }

    /// <summary>The failure of the attempt before the retry under way, if any (recorded by the retry's OnRetry).</summary>
    public Exception? LastFailure { get; set; }

    /// <summary>Whether the call is waiting between attempts (from the retry's OnRetry to the next attempt's start).</summary>
    public bool Waiting { get; set; }

    /// <summary>
    /// How long after <see cref="Started"/> a retry may still start (recorded by the retry's OnRetry: the total timeout
    /// less the least time an attempt starts with); a wait that ended later than planned sends nothing more.
    /// </summary>
    public TimeSpan LatestStart { get; set; } = TimeSpan.MaxValue;

    /// <summary>Attempts started so far (attempts of one call run one after another, never at once).</summary>
    public int Attempts { get; set; }

    /// <summary>The actions that change something on the panel: retried only when the request certainly did not reach it.</summary>
    public static bool ChangesState(string action) => action is "add" or "refill" or "cancel";
}
