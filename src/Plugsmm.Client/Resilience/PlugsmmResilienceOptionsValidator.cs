using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// The rules of <see cref="PlugsmmResilienceOptions"/>, kept apart from the simple checks. Every bound Polly enforces on
/// the options they become is checked here too (OptionBoundsTests reads Polly's own), so a value Polly would refuse
/// stops the host at start-up, naming the option, instead of failing the first resolve.
/// </summary>
internal static class PlugsmmResilienceOptionsValidator
{
    /// <summary>Polly's smallest break and sampling durations.</summary>
    internal static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>Polly's longest retry delay, sampling and break duration: one day.</summary>
    internal static readonly TimeSpan MaximumDuration = TimeSpan.FromDays(1);

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

        AtMostOneDay(client, nameof(resilience.RetryDelay), resilience.RetryDelay, failures);
        AtMostOneDay(client, nameof(resilience.MaxRetryDelay), resilience.MaxRetryDelay, failures);

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

        Window(client, nameof(resilience.SamplingDuration), resilience.SamplingDuration, failures);
        Window(client, nameof(resilience.BreakDuration), resilience.BreakDuration, failures);

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

    private static void AtMostOneDay(string client, string option, TimeSpan value, List<string> failures)
    {
        if (value > MaximumDuration)
        {
            failures.Add($"{client} needs Resilience:{option} of at most 1 day (was {value}).");
        }
    }

    private static void Window(string client, string option, TimeSpan value, List<string> failures)
    {
        if (value < MinimumWindow || value > MaximumDuration)
        {
            failures.Add($"{client} needs Resilience:{option} of at least 0.5 s and at most 1 day (was {value}).");
        }
    }
}
