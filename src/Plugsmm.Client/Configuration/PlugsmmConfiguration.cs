using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// Reads <see cref="PlugsmmClientOptions"/> from configuration without reflection (trim- and AOT-safe): the
/// section's keys first, then the runbook's environment variables as seen by the same configuration.
/// </summary>
internal static class PlugsmmConfiguration
{
    public static void Bind(PlugsmmClientOptions options, IConfiguration configuration, string sectionName)
    {
        var section = configuration.GetSection(sectionName);
        // An empty value (a placeholder in appsettings.json) does not hide the runbook's environment variables.
        options.ApiKey = NonEmpty(section[nameof(options.ApiKey)]) ?? NonEmpty(configuration[PlugsmmClientOptions.ApiKeyVariable]) ?? options.ApiKey;

        if (section[nameof(options.BaseAddress)] is { Length: > 0 } address)
        {
            options.BaseAddress = Uri.TryCreate(address, UriKind.RelativeOrAbsolute, out var uri)
                ? uri
                : throw Invalid(sectionName, nameof(options.BaseAddress), address, "a URL");
        }

        if (section[nameof(options.Timeout)] is { Length: > 0 } timeout)
        {
            options.Timeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw Invalid(sectionName, nameof(options.Timeout), timeout, "a time span such as 00:00:30");
        }

        if (section[nameof(options.UserAgent)] is { Length: > 0 } userAgent)
        {
            options.UserAgent = userAgent;
        }

        if ((NonEmpty(section[nameof(options.UseNewApi)]) ?? NonEmpty(configuration[PlugsmmClientOptions.UseNewApiVariable])) is { } useNewApi)
        {
            options.UseNewApi = ParseFlag(useNewApi) ?? throw Invalid(sectionName, $"{nameof(options.UseNewApi)} ({PlugsmmClientOptions.UseNewApiVariable})", useNewApi, "true or false");
        }

        BindResilience(options, section, sectionName);

        if (section[nameof(options.MaxResponseBytes)] is { Length: > 0 } maxBytes)
        {
            options.MaxResponseBytes = long.TryParse(maxBytes, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw Invalid(sectionName, nameof(options.MaxResponseBytes), maxBytes, "a number of bytes");
        }
    }

    /// <summary>The <c>Resilience</c> subsection and the <c>ErrorRules</c> list.</summary>
    private static void BindResilience(PlugsmmClientOptions options, IConfigurationSection section, string sectionName)
    {
        var resilience = options.Resilience;
        var sub = section.GetSection(nameof(options.Resilience));
        var prefix = $"{nameof(options.Resilience)}:";
        resilience.MaxRetryAttempts = Int(sub, nameof(resilience.MaxRetryAttempts), resilience.MaxRetryAttempts, sectionName, prefix);
        resilience.RetryDelay = Span(sub, nameof(resilience.RetryDelay), resilience.RetryDelay, sectionName, prefix);
        resilience.MaxRetryDelay = Span(sub, nameof(resilience.MaxRetryDelay), resilience.MaxRetryDelay, sectionName, prefix);
        resilience.TotalTimeout = Span(sub, nameof(resilience.TotalTimeout), resilience.TotalTimeout, sectionName, prefix);
        resilience.SamplingDuration = Span(sub, nameof(resilience.SamplingDuration), resilience.SamplingDuration, sectionName, prefix);
        resilience.BreakDuration = Span(sub, nameof(resilience.BreakDuration), resilience.BreakDuration, sectionName, prefix);
        resilience.MinimumThroughput = Int(sub, nameof(resilience.MinimumThroughput), resilience.MinimumThroughput, sectionName, prefix);
        if (sub[nameof(resilience.FailureRatio)] is { Length: > 0 } ratio)
        {
            resilience.FailureRatio = double.TryParse(ratio, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Invalid(sectionName, prefix + nameof(resilience.FailureRatio), ratio, "a number such as 0.5");
        }

        if (sub[nameof(resilience.UseJitter)] is { Length: > 0 } jitter)
        {
            resilience.UseJitter = ParseFlag(jitter) ?? throw Invalid(sectionName, prefix + nameof(resilience.UseJitter), jitter, "true or false");
        }

        foreach (var entry in section.GetSection(nameof(options.ErrorRules)).GetChildren())
        {
            var kind = entry[nameof(PlugsmmErrorRule.Kind)];
            options.ErrorRules.Add(new PlugsmmErrorRule
            {
                Pattern = entry[nameof(PlugsmmErrorRule.Pattern)] ?? string.Empty,
                Kind = Enum.TryParse<PlugsmmErrorKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
                    ? parsed
                    : throw Invalid(sectionName, $"ErrorRules:{entry.Key}:Kind", kind ?? string.Empty, "one of Transient, Permanent, RateLimited, InsufficientFunds, Unknown"),
                Reason = entry[nameof(PlugsmmErrorRule.Reason)],
            });
        }
    }

    private static int Int(IConfigurationSection section, string key, int current, string sectionName, string prefix) =>
        section[key] is not { Length: > 0 } text ? current
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(sectionName, prefix + key, text, "a whole number");

    private static TimeSpan Span(IConfigurationSection section, string key, TimeSpan current, string sectionName, string prefix) =>
        section[key] is not { Length: > 0 } text ? current
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(sectionName, prefix + key, text, "a time span such as 00:00:30");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool? ParseFlag(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => null,
    };

    private static OptionsValidationException Invalid(string section, string key, string value, string expected) =>
        new(section, typeof(PlugsmmClientOptions), [$"{section}:{key} must be {expected} (was '{value}')."]);
}
