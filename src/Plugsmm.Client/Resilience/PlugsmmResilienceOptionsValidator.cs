using System.Globalization;

namespace Plugsmm.Client;

/// <summary>The cross-field rules of <see cref="PlugsmmResilienceOptions"/>, kept apart from the simple checks.</summary>
internal static class PlugsmmResilienceOptionsValidator
{
    /// <summary>Polly's smallest break and sampling durations.</summary>
    internal static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(500);

    public static void Validate(string client, PlugsmmClientOptions options, List<string> failures)
    {
        var resilience = options.Resilience;
        if (resilience is null)
        {
            failures.Add($"{client} has no Resilience settings.");
            return;
        }

        if (resilience.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{client} needs Resilience:MaxRetryAttempts from 0 to 10 (was {resilience.MaxRetryAttempts.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (resilience.RetryDelay <= TimeSpan.Zero || resilience.MaxRetryDelay < resilience.RetryDelay)
        {
            failures.Add($"{client} needs 0 < Resilience:RetryDelay <= Resilience:MaxRetryDelay (were {resilience.RetryDelay} and {resilience.MaxRetryDelay}).");
        }

        if (resilience.TotalTimeout < options.Timeout)
        {
            failures.Add($"{client} needs Resilience:TotalTimeout ({resilience.TotalTimeout}) to be at least Timeout ({options.Timeout}), or no attempt could finish.");
        }

        if (resilience.TotalTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{client} needs Resilience:TotalTimeout of at most one hour (was {resilience.TotalTimeout}).");
        }

        if (resilience.FailureRatio is <= 0 or > 1 || double.IsNaN(resilience.FailureRatio))
        {
            failures.Add($"{client} needs Resilience:FailureRatio above 0 and at most 1 (was {resilience.FailureRatio.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (resilience.MinimumThroughput < 2)
        {
            failures.Add($"{client} needs Resilience:MinimumThroughput of at least 2 (was {resilience.MinimumThroughput.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (resilience.SamplingDuration < MinimumWindow || resilience.BreakDuration < MinimumWindow)
        {
            failures.Add($"{client} needs Resilience:SamplingDuration and Resilience:BreakDuration of at least 0.5 s (were {resilience.SamplingDuration} and {resilience.BreakDuration}).");
        }

        foreach (var rule in options.ErrorRules)
        {
            if (string.IsNullOrWhiteSpace(rule?.Pattern))
            {
                failures.Add($"{client} has an ErrorRules entry without a Pattern.");
            }
            else if (!Enum.IsDefined(rule.Kind))
            {
                failures.Add($"{client} has an ErrorRules entry '{rule.Pattern}' with an unknown Kind ({rule.Kind}).");
            }
        }
    }
}
