namespace Plugsmm.Client.Testing;

/// <summary>The simulated panel as a server: the loopback endpoint, its request limit, latency and ledger file.</summary>
public sealed partial class SimulatedPanel
{
    private LoopbackPanelServer? _server;
    private LedgerFile? _ledgerFile;
    private int? _rateLimitPerMinute;
    private TimeSpan _latency;
    private int _loopbackPort;

    /// <summary>The loopback address while <see cref="StartAsync"/> runs it (<c>http://127.0.0.1:PORT/api/v2</c>), else null.</summary>
    public Uri? Address => _server?.Address;

    /// <summary>
    /// The most requests the panel takes per API key (the request's <c>key</c> field, whether accepted or not) in any
    /// sliding minute of its clock; null (the default) for no limit. Each key has its own budget. A request over it is
    /// refused, not carried out, with HTTP 429 and a <c>Retry-After</c> in whole seconds (until that key's oldest counted
    /// request leaves the minute), and recorded in the ledger.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int? RateLimitPerMinute
    {
        get
        {
            lock (_api.Gate)
            {
                return _rateLimitPerMinute;
            }
        }

        set
        {
            if (value is <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(RateLimitPerMinute), value, "RateLimitPerMinute is a number of requests: 1 or more, or null for no limit.");
            }

            lock (_api.Gate)
            {
                _rateLimitPerMinute = value;
            }
        }
    }

    /// <summary>How late every answer comes (on the panel's clock), on top of any latency fault. Zero by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Latency
    {
        get
        {
            lock (_api.Gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_api.Gate)
            {
                _latency = value;
            }
        }
    }

    internal int? RateLimitPerMinuteUnlocked => _rateLimitPerMinute;

    internal TimeSpan LatencyUnlocked => _latency;

    internal LedgerFile? LedgerFileUnlocked => _ledgerFile;

    /// <summary>
    /// From now on, appends one JSON line per request to <paramref name="path"/> as the panel handled it (its action, its
    /// fields with the key masked, the answer's HTTP status and error, the fault, whether it was carried out, the order
    /// it placed, the balance after it), flushed line by line. The file is created if needed; closed when the panel is disposed.
    /// </summary>
    /// <param name="path">The ledger file.</param>
    /// <exception cref="InvalidOperationException">A ledger file is already being written.</exception>
    public void AppendLedgerTo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_api.Gate)
        {
            if (_ledgerFile is not null)
            {
                throw new InvalidOperationException("The simulated panel already writes a ledger file.");
            }

            _ledgerFile = new LedgerFile(path);
        }
    }

    /// <summary>The port on 127.0.0.1 that <see cref="StartAsync"/> listens on: 0 (the default) picks a free one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not 0 to 65535.</exception>
    public int LoopbackPort
    {
        get => _loopbackPort;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65535);
            _loopbackPort = value;
        }
    }

    /// <summary>Starts the panel on loopback (port <see cref="LoopbackPort"/>, a free one by default) with Kestrel; <see cref="Address"/> then holds its endpoint.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The endpoint, <c>http://127.0.0.1:PORT/api/v2</c>.</returns>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The simulated panel is already running.");
        }

        _server = await LoopbackPanelServer.StartAsync(this, _loopbackPort, cancellationToken).ConfigureAwait(false);
        return _server.Address;
    }

    /// <summary>Stops the loopback server, if it runs.</summary>
    /// <param name="cancellationToken">Cancels the wait for a graceful stop.</param>
    /// <returns>A task that completes when it stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var server = _server;
        _server = null;
        if (server is not null)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_api.Gate)
        {
            _ledgerFile?.Dispose();
            _ledgerFile = null;
        }
    }
}
