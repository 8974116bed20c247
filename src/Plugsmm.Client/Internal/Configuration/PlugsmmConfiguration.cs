using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// Reads <see cref="PlugsmmClientOptions"/> from configuration with the binding source generator (no reflection:
/// trim- and AOT-safe): the section's keys first, then the runbook's environment variables as seen by the same
/// configuration where the section is silent.
/// </summary>
internal static class PlugsmmConfiguration
{
    public static void Bind(PlugsmmClientOptions options, IConfiguration configuration, string sectionName)
    {
        var section = configuration.GetSection(sectionName);
        var keyInCode = options.ApiKey;
        try
        {
            // Blank values (placeholders in appsettings.json) are not bound: they leave the default, or the runbook's variables, in place.
            var values = section.AsEnumerable().Where(entry => !string.IsNullOrWhiteSpace(entry.Value));
            new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(sectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // A value that cannot be read: the binder's message names the key and the value.
            throw new OptionsValidationException(sectionName, typeof(PlugsmmClientOptions), [exception.Message]);
        }

        // An empty value (a placeholder in appsettings.json) does not hide the runbook's environment variables.
        if (NonEmpty(section[nameof(options.ApiKey)]) is null)
        {
            options.ApiKey = NonEmpty(configuration[PlugsmmClientOptions.ApiKeyVariable]) ?? keyInCode;
        }

        if (NonEmpty(section[nameof(options.UseNewApi)]) is null && NonEmpty(configuration[PlugsmmClientOptions.UseNewApiVariable]) is { } useNewApi)
        {
            options.UseNewApi = ParseFlag(useNewApi) ?? throw new OptionsValidationException(
                sectionName,
                typeof(PlugsmmClientOptions),
                [$"{sectionName}:{nameof(options.UseNewApi)} ({PlugsmmClientOptions.UseNewApiVariable}) must be true or false (was '{useNewApi}')."]);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The runbook's flag: <c>true</c>/<c>false</c>, and the usual spellings of each.</summary>
    private static bool? ParseFlag(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => null,
    };
}
