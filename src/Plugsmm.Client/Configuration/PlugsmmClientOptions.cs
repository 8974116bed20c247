using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

// IL2026: RangeAttribute(Type, string, string) converts its bounds by reflection when it runs. It never runs here: the
// generated validator (PlugsmmClientOptionsBounds) checks these bounds with its own trim-safe copy of the attribute.
#pragma warning disable IL2026

namespace Plugsmm.Client;

/// <summary>
/// Settings of one panel client. Bind them from configuration and the runbook's environment variables with
/// <c>AddPlugsmmClient(configuration)</c>; they are checked at start-up (and by the <see cref="PlugsmmClient"/>
/// constructor), with messages that name the option.
/// </summary>
public sealed class PlugsmmClientOptions
{
    /// <summary>The configuration section <c>AddPlugsmmClient(configuration)</c> reads: <c>Plugsmm</c>.</summary>
    public const string SectionName = "Plugsmm";

    /// <summary>The runbook's environment variable for the API key: <c>PLUGSMMS_API_KEY</c>.</summary>
    public const string ApiKeyVariable = "PLUGSMMS_API_KEY";

    /// <summary>The runbook's feature flag: <c>PLUGSMM_USE_NEW_API</c> (<c>false</c> rolls back to the legacy encoding).</summary>
    public const string UseNewApiVariable = "PLUGSMM_USE_NEW_API";

    /// <summary>The panel's API key, sent as <c>key</c> in every request body. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API endpoint, absolute; <c>https</c> (plain <c>http</c> only to loopback).
    /// Default: <c>https://plugsmmservice.com/api/v2</c>.
    /// </summary>
    public Uri BaseAddress { get; set; } = new(PlugsmmDefaults.BaseAddress);

    /// <summary>The <c>User-Agent</c> header. Default: <c>Plugsmm.Client/1.0 (+https://www.nuget.org/packages/Plugsmm.Client)</c>.</summary>
    public string UserAgent { get; set; } = PlugsmmDefaults.UserAgent;

    /// <summary>
    /// <see langword="true"/>: bodies are encoded as PHP does (<see cref="PhpFormEncoder"/>).
    /// <see langword="false"/>: the runbook's rollback, bodies encoded as <c>FormUrlEncodedContent</c> does, and
    /// "using legacy adapter" is logged once. Default: <see langword="true"/>.
    /// </summary>
    public bool UseNewApi { get; set; } = true;

    /// <summary>
    /// The largest answer read, at most 1 GiB; a longer one fails without being read further. Memory is taken as the
    /// answer arrives, never on its <c>Content-Length</c>. Default: 64 MiB (67108864).
    /// </summary>
    [Range(typeof(long), "1", "1073741824")]
    public long MaxResponseBytes { get; set; } = PlugsmmDefaults.MaxResponseBytes;

    /// <summary>The attempt and total timeouts, the retries and the circuit breaker around every call.</summary>
    [Required]
    [ValidateObjectMembers]
    public PlugsmmResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// Operators' rules for classifying the panel's error messages, tried before the built-in ones
    /// (configuration: <c>Plugsmm:ErrorRules:0:Pattern</c>, <c>…:Kind</c>, <c>…:Reason</c>).
    /// </summary>
    public IList<PlugsmmErrorRule> ErrorRules { get; private set; } = [];

    /// <summary>A copy that later changes to these options (their sub-options and rules included) do not reach: what a client keeps.</summary>
    internal PlugsmmClientOptions Clone()
    {
        var copy = (PlugsmmClientOptions)MemberwiseClone();
        copy.Resilience = Resilience?.Clone()!;
        copy.ErrorRules = [.. ErrorRules.Select(rule => rule?.Clone()!)];
        return copy;
    }
}
