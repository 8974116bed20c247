using System.Net;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// The checks of <see cref="PlugsmmClientOptions"/> that one attribute cannot say: the key and the endpoint, the
/// header, and the rules across fields. The simple bounds are attributes on the options, checked by the generated
/// <see cref="PlugsmmClientOptionsValidator"/>.
/// </summary>
internal sealed class PlugsmmClientOptionsRules : IValidateOptions<PlugsmmClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PlugsmmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = string.IsNullOrEmpty(name) ? "The Plugsmm client" : $"The Plugsmm client '{name}'";
        var failures = new List<string>();
        Key(client, options.ApiKey, failures);
        Address(client, options.BaseAddress, failures);

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !new HttpRequestMessage().Headers.UserAgent.TryParseAdd(options.UserAgent))
        {
            failures.Add($"{client} has a UserAgent that is not a valid header value (was '{options.UserAgent}').");
        }

        if (options.Resilience is { } resilience)
        {
            if (resilience.Retry is { } retry && retry.MaxDelay < retry.Delay)
            {
                failures.Add($"{client} needs Resilience:Retry:Delay <= Resilience:Retry:MaxDelay (were {retry.Delay} and {retry.MaxDelay}).");
            }

            if (resilience.TotalTimeout < resilience.AttemptTimeout)
            {
                failures.Add($"{client} needs Resilience:TotalTimeout ({resilience.TotalTimeout}) to be at least Resilience:AttemptTimeout ({resilience.AttemptTimeout}), or no attempt could finish.");
            }
        }

        foreach (var rule in options.ErrorRules ?? [])
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Key(string client, string? key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{client} has no API key: set the {PlugsmmClientOptions.ApiKeyVariable} environment variable or {PlugsmmClientOptions.SectionName}:ApiKey.");
        }
        else if (key.AsSpan().IndexOfAny('\r', '\n') >= 0 || key != key.Trim())
        {
            failures.Add($"{client} has an API key with spaces or line breaks around or inside it: copy the key again without them.");
        }
    }

    private static void Address(string client, Uri? address, List<string> failures)
    {
        if (address is null || !address.IsAbsoluteUri)
        {
            failures.Add($"{client} needs an absolute BaseAddress such as {PlugsmmDefaults.BaseAddress} (was '{address}').");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            failures.Add($"{client} would send the API key over plain http to {address.Host}: use https (plain http is allowed only for loopback).");
        }
        else if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{client} needs an http(s) BaseAddress (was '{address}').");
        }
        else if (!string.IsNullOrEmpty(address.UserInfo))
        {
            failures.Add($"{client} has credentials in its BaseAddress: remove them; the API key goes in ApiKey.");
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
