namespace Plugsmm.Client;

/// <summary>What an attempt needs to classify its failures: the action, whether it has side effects, the rules, the key to scrub.</summary>
internal sealed record CallInfo(string Action, bool HasSideEffects, ErrorClassifier Classifier, string? ApiKey)
{
    /// <summary>The actions that change something on the panel: retried only when the request certainly did not reach it.</summary>
    public static bool ChangesState(string action) => action is "add" or "refill" or "cancel";
}
