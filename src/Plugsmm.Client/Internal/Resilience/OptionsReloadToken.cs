using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// A token cancelled when the options of one client name change (<see cref="IOptionsMonitor{TOptions}.OnChange"/>):
/// Polly's registry rebuilds the name's pipeline when it is cancelled, and the rebuild takes the next token.
/// </summary>
internal sealed class OptionsReloadToken : IDisposable
{
    private readonly IDisposable? _subscription;
    private CancellationTokenSource _source = new();

    public OptionsReloadToken(IOptionsMonitor<PlugsmmClientOptions> options, string name) =>
        _subscription = options.OnChange((_, changed) =>
        {
            if ((changed ?? Options.DefaultName) == name)
            {
                using var previous = Interlocked.Exchange(ref _source, new CancellationTokenSource());
                previous.Cancel();
            }
        });

    /// <summary>The token of the options as they are now.</summary>
    public CancellationToken Token => Volatile.Read(ref _source).Token;

    public void Dispose()
    {
        _subscription?.Dispose();
        _source.Dispose();
    }
}
