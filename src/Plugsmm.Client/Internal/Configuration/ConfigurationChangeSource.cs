using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Plugsmm.Client;

/// <summary>
/// Tells the options monitor when the configuration a client's options are bound from reloads, so the options (and
/// the resilience pipeline built from them) are read again for the next calls.
/// </summary>
internal sealed class ConfigurationChangeSource(string name, IConfiguration configuration) : IOptionsChangeTokenSource<PlugsmmClientOptions>
{
    public string Name => name;

    public IChangeToken GetChangeToken() => configuration.GetReloadToken();
}
