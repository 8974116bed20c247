using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>Checks <see cref="PlugsmmClientOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class PlugsmmClientOptionsValidator : IValidateOptions<PlugsmmClientOptions>
{
    /// <summary>The longest timeout accepted for one request.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The largest MaxResponseBytes accepted: 1 GiB (an answer is read into one array).</summary>
    internal const long MaxResponseBytesLimit = 1L << 30;

    public ValidateOptionsResult Validate(string? name, PlugsmmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = string.IsNullOrEmpty(name) ? "The Plugsmm client" : $"The Plugsmm client '{name}'";
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{client} has no API key: set the {PlugsmmClientOptions.ApiKeyVariable} environment variable or {PlugsmmClientOptions.SectionName}:ApiKey.");
        }
        else if (options.ApiKey.AsSpan().IndexOfAny('\r', '\n') >= 0 || options.ApiKey != options.ApiKey.Trim())
        {
            failures.Add($"{client} has an API key with spaces or line breaks around or inside it: copy the key again without them.");
        }

        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri)
        {
            failures.Add($"{client} needs an absolute BaseAddress such as {PlugsmmClientOptions.DefaultBaseAddress} (was '{options.BaseAddress}').");
        }
        else if (options.BaseAddress.Scheme == Uri.UriSchemeHttp && !IsLoopback(options.BaseAddress))
        {
            failures.Add($"{client} would send the API key over plain http to {options.BaseAddress.Host}: use https (plain http is allowed only for loopback).");
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttp && options.BaseAddress.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{client} needs an http(s) BaseAddress (was '{options.BaseAddress}').");
        }
        else if (!string.IsNullOrEmpty(options.BaseAddress.UserInfo))
        {
            failures.Add($"{client} has credentials in its BaseAddress: remove them; the API key goes in ApiKey.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{client} needs a Timeout above zero and at most {MaxTimeout.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes (was {options.Timeout}).");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !new HttpRequestMessage().Headers.UserAgent.TryParseAdd(options.UserAgent))
        {
            failures.Add($"{client} has a UserAgent that is not a valid header value (was '{options.UserAgent}').");
        }

        if (options.MaxResponseBytes is <= 0 or > MaxResponseBytesLimit)
        {
            failures.Add($"{client} needs a positive MaxResponseBytes of at most 1 GiB, {MaxResponseBytesLimit.ToString(CultureInfo.InvariantCulture)} (was {options.MaxResponseBytes.ToString(CultureInfo.InvariantCulture)}).");
        }

        PlugsmmResilienceOptionsValidator.Validate(client, options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
