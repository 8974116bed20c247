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
        options.ApiKey = section[nameof(options.ApiKey)] ?? configuration[PlugsmmClientOptions.ApiKeyVariable] ?? options.ApiKey;

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

        if ((section[nameof(options.UseNewApi)] ?? configuration[PlugsmmClientOptions.UseNewApiVariable]) is { Length: > 0 } useNewApi)
        {
            options.UseNewApi = ParseFlag(useNewApi) ?? throw Invalid(sectionName, $"{nameof(options.UseNewApi)} ({PlugsmmClientOptions.UseNewApiVariable})", useNewApi, "true or false");
        }

        if (section[nameof(options.MaxResponseBytes)] is { Length: > 0 } maxBytes)
        {
            options.MaxResponseBytes = long.TryParse(maxBytes, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw Invalid(sectionName, nameof(options.MaxResponseBytes), maxBytes, "a number of bytes");
        }
    }

    private static bool? ParseFlag(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => null,
    };

    private static OptionsValidationException Invalid(string section, string key, string value, string expected) =>
        new(section, typeof(PlugsmmClientOptions), [$"{section}:{key} must be {expected} (was '{value}')."]);
}
