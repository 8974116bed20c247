namespace Plugsmm.Orders;

/// <summary>The order engine's settings (<c>AddPlugsmmOrders</c>); validated when the host starts.</summary>
public sealed class PlugsmmOrdersOptions
{
    /// <summary>The SQLite file of the default store (created when missing). Required unless another <see cref="IOrderStore"/> is registered first.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// The client names (as given to <c>AddPlugsmmClient</c>) orders may be placed through; an order naming another
    /// panel is refused when accepted. Empty means the default client only (the empty name).
    /// </summary>
    public IList<string> Panels { get; } = [];

    /// <summary>This host's name in leases; a unique one (machine, process, random) when null.</summary>
    public string? Owner { get; set; }

    /// <summary>How many orders (and events) one step claims at most: 1 to 100 (default 100).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many orders of a claimed batch are placed at once (default 4; 1 to 100): each <c>add</c> waits for the
    /// panel's answer, so with answers taking L seconds an engine places up to this many / L orders a second. A batch
    /// holds at most one order per link; <see cref="RequestsPerMinute"/>, when set, still spaces every request.
    /// </summary>
    public int MaxConcurrentPlacements { get; set; } = 4;

    /// <summary>
    /// How long a claimed order is this host's (default 10 minutes): longer than a client call's total timeout
    /// (<c>PlugsmmResilienceOptions.TotalTimeout</c>, 2 minutes by default). After a crash, an order left placing goes
    /// to the resolution queue once its lease runs out.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the engine rests when a step found nothing to do (default 1 second).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait of an order refused for a passing reason (funds, an active order on the link, a rate limit); doubled per attempt (default 30 seconds).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between placement attempts (default 30 minutes).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first wait before an event whose handler threw is delivered again; doubled per failure up to <see cref="MaxRetryDelay"/> (default 10 seconds).</summary>
    public TimeSpan EventRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait between placement and a placed order's first status poll (default 30 seconds); doubled per poll up to <see cref="MaxTrackingInterval"/>.</summary>
    public TimeSpan TrackingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two status polls of a tracked order (default 15 minutes).</summary>
    public TimeSpan MaxTrackingInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after placement the panel's <c>Incorrect order ID</c> for the order is taken for a panel not caught up
    /// yet (default 10 minutes); after it, the answer is reported once (<see cref="OrderEventKind.NotFoundOnPanel"/>).
    /// </summary>
    public TimeSpan NotFoundGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most requests the engine sends each panel in any sliding minute: 1 to 100,000, or null (the default) for no
    /// pacing. Every request (<c>add</c>, <c>status</c>, <c>cancel</c>, <c>refill</c>, <c>refill_status</c>,
    /// <c>services</c>, <c>balance</c>) waits its turn, <c>60 s / RequestsPerMinute</c> after the one before; a 429
    /// with <c>Retry-After</c> holds the panel's next request until then. One engine can then refresh at most
    /// <c>100 × RequestsPerMinute</c> tracked orders a minute. Set it to the panel's limit (divided among the hosts
    /// sharing its key).
    /// </summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The digits of the currency's minor unit: partial refunds are rounded down to them (default 2; 0 to 8).</summary>
    public int RefundDecimals { get; set; } = 2;

    /// <summary>How often each panel's balance is checked (default 5 minutes; the first check at the engine's first step). A rise (a top-up) places the orders waiting for funds at once.</summary>
    public TimeSpan BalanceCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The balance below which a panel raises <see cref="OrderEventKind.LowBalance"/>, once per crossing (then
    /// <see cref="OrderEventKind.BalanceRestored"/> when it is back); null (the default) for no alerts.
    /// </summary>
    public decimal? LowBalanceThreshold { get; set; }
}
