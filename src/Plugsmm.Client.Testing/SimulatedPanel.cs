using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>
/// A simulated SMM panel that speaks API v2 as a stock PHP panel does: it parses bodies by PHP's rules, answers
/// in the panels' JSON shapes (numbers as strings) with their real error strings at HTTP 200, charges the balance,
/// moves orders from Pending to In progress to Completed or Partial on its clock, takes refills and cancels, and
/// injects faults on demand. Run it in memory (<see cref="CreateHandler"/>, <see cref="CreateClient"/>) or on a
/// loopback port (<see cref="StartAsync"/>). Its ledger records every request, order and balance change.
/// </summary>
public sealed partial class SimulatedPanel : IAsyncDisposable
{
    /// <summary>The API key the panel accepts unless <see cref="ApiKey"/> is changed.</summary>
    public const string DefaultApiKey = "simulated-panel-key-0123456789ab";

    private readonly PanelApi _api;
    private readonly List<LedgerRequest> _requests = [];
    private readonly List<BalanceChange> _balanceHistory = [];
    private readonly HashSet<string> _otherKeys = new(StringComparer.Ordinal);
    private decimal _balance;
    private long _requestCount;
    private int? _maxLedgerRequests;

    /// <summary>Creates an empty panel (no services, zero balance).</summary>
    /// <param name="timeProvider">The panel's clock (orders progress and latency pass on it); the system clock by default.</param>
    public SimulatedPanel(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _api = new PanelApi(this);
    }

    /// <summary>The panel's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The API key the panel accepts (with any added by <see cref="AddApiKey"/>); any other gets <c>Invalid API key</c>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The currency of the balance and of charges.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The catalogue.</summary>
    public IList<SimulatedService> Services { get; } = new List<SimulatedService>();

    /// <summary>Faults to inject: queued for the next requests, or at a seeded rate.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>The balance now.</summary>
    public decimal Balance
    {
        get
        {
            lock (_api.Gate)
            {
                return _balance;
            }
        }
    }

    /// <summary>Every request received, in order (the latest <see cref="MaxLedgerRequests"/> when that is set).</summary>
    /// <remarks>A copy, made on each read: in a long run, count with <see cref="RequestCount"/> instead.</remarks>
    public IReadOnlyList<LedgerRequest> Requests
    {
        get
        {
            lock (_api.Gate)
            {
                var kept = _maxLedgerRequests is { } max ? Math.Min(max, _requests.Count) : _requests.Count;
                return _requests.GetRange(_requests.Count - kept, kept);
            }
        }
    }

    /// <summary>How many requests the panel has received, whether or not the ledger still holds them.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>
    /// How many requests the ledger keeps, the latest ones: null (the default) keeps every request, 0 none. A load
    /// test of millions of requests should set it: each kept request holds its fields (about half a kilobyte).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxLedgerRequests
    {
        get
        {
            lock (_api.Gate)
            {
                return _maxLedgerRequests;
            }
        }

        set
        {
            if (value is < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxLedgerRequests), value, "MaxLedgerRequests is the number of requests kept: 0 or more, or null for all.");
            }

            lock (_api.Gate)
            {
                _maxLedgerRequests = value;
                Trim(value ?? int.MaxValue);
            }
        }
    }

    /// <summary>Every order taken, in order.</summary>
    public IReadOnlyList<SimulatedOrder> Orders => _api.Orders;

    /// <summary>Every movement of the balance, in order.</summary>
    public IReadOnlyList<BalanceChange> BalanceHistory
    {
        get
        {
            lock (_api.Gate)
            {
                return [.. _balanceHistory];
            }
        }
    }

    /// <summary>
    /// A panel with a small realistic catalogue (followers, likes, views with drip-feed, comments, a package,
    /// subscriptions, a service that ends Partial) and a balance of 100.
    /// </summary>
    /// <param name="timeProvider">The panel's clock.</param>
    /// <returns>The panel.</returns>
    public static SimulatedPanel CreateDefault(TimeProvider? timeProvider = null)
    {
        var panel = new SimulatedPanel(timeProvider);
        panel.Services.Add(new SimulatedService { Id = 1, Name = "Instagram Followers [Real, Refill 30d]", Category = "Instagram Followers", RatePer1000 = 0.90m, Min = 50, Max = 10_000, Refill = true, Cancel = true });
        panel.Services.Add(new SimulatedService { Id = 2, Name = "Instagram Likes [Instant]", Category = "Instagram Likes", RatePer1000 = 0.27819m, Min = 10, Max = 50_000, Cancel = true, UnitsPerMinute = 500 });
        panel.Services.Add(new SimulatedService { Id = 3, Name = "TikTok Views [Drip-feed]", Category = "TikTok Views", RatePer1000 = 0.012m, Min = 100, Max = 1_000_000, DripFeed = true, UnitsPerMinute = 5_000 });
        panel.Services.Add(new SimulatedService { Id = 4, Name = "Instagram Custom Comments", Type = "Custom Comments", Category = "Instagram Comments", RatePer1000 = 12.5m, Min = 1, Max = 500, StartDelay = TimeSpan.FromMinutes(5), UnitsPerMinute = 5 });
        panel.Services.Add(new SimulatedService { Id = 5, Name = "Telegram Channel Package", Type = "Package", Category = "Telegram", RatePer1000 = 3m, Min = 1, Max = 1 });
        panel.Services.Add(new SimulatedService { Id = 6, Name = "Instagram Auto Likes", Type = "Subscriptions", Category = "Instagram Likes", RatePer1000 = 0.5m, Min = 50, Max = 5_000 });
        panel.Services.Add(new SimulatedService { Id = 7, Name = "YouTube Subscribers [Drops 20%]", Category = "YouTube", RatePer1000 = 8m, Min = 100, Max = 20_000, Refill = true, DeliveredShare = 0.8m, UnitsPerMinute = 50 });
        panel.SetBalance(100m);
        return panel;
    }

    /// <summary>Sets the balance, recording the change.</summary>
    /// <param name="amount">The new balance.</param>
    public void SetBalance(decimal amount)
    {
        lock (_api.Gate)
        {
            ChangeBalance(TimeProvider.GetUtcNow(), amount - _balance, "balance set");
        }
    }

    /// <summary>
    /// The state of an order now, as <c>status</c> would report it (<c>Pending</c>, <c>In progress</c>, <c>Completed</c>,
    /// <c>Partial</c>, <c>Canceled</c>, or the word of its script's current step).
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The status word and the units still to deliver.</returns>
    /// <exception cref="KeyNotFoundException">No such order, or its script has the panel answer an error for it now.</exception>
    public (string Status, long Remains) StatusOf(long orderId)
    {
        lock (_api.Gate)
        {
            var order = _api.Find(orderId) ?? throw new KeyNotFoundException($"No order {orderId.ToString(CultureInfo.InvariantCulture)}.");
            var view = PanelApi.View(order, TimeProvider.GetUtcNow());
            return view.Error is { } error
                ? throw new KeyNotFoundException($"The panel answers \"{error}\" for order {orderId.ToString(CultureInfo.InvariantCulture)}.")
                : (view.Status, view.Remains);
        }
    }

    /// <summary>A message handler that answers in memory, for an <see cref="HttpClient"/> in unit tests.</summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new InMemoryPanelHandler(this);

    /// <summary>A <see cref="PlugsmmClient"/> wired to this panel in memory, with its key and clock.</summary>
    /// <param name="configure">Changes to the client's options (retries, timeouts, …).</param>
    /// <returns>The client. Dispose the panel to release it.</returns>
    public PlugsmmClient CreateClient(Action<PlugsmmClientOptions>? configure = null)
    {
        var options = new PlugsmmClientOptions { ApiKey = ApiKey, BaseAddress = new Uri("https://simulated-panel.invalid/api/v2") };
        configure?.Invoke(options);
#pragma warning disable CA2000 // The HttpClient lives as long as the client that uses it.
        // Timeouts are the client's, on the panel's clock: the HttpClient's own wall-clock timeout is off.
        return new PlugsmmClient(new HttpClient(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan }, options, timeProvider: TimeProvider);
#pragma warning restore CA2000
    }

    internal decimal BalanceUnlocked => _balance;

    /// <summary>Makes the panel accept another API key besides <see cref="ApiKey"/>, as a panel with several API users does; each key has its own <see cref="RateLimitPerMinute"/> budget.</summary>
    /// <param name="key">The key.</param>
    public void AddApiKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_api.Gate)
        {
            _otherKeys.Add(key);
        }
    }

    /// <summary>Whether <paramref name="key"/> is accepted (called under the panel's lock).</summary>
    internal bool AcceptsKeyUnlocked(string key) => key == ApiKey || _otherKeys.Contains(key);

    internal PanelExchange Handle(ReadOnlySpan<byte> body, string? contentType)
    {
        var isForm = contentType is not null
            && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));
        return _api.Handle(body, isForm, Faults.Take);
    }

    /// <summary>Records a request (called under the panel's lock).</summary>
    internal void Record(LedgerRequest request)
    {
        Interlocked.Increment(ref _requestCount);
        if (_maxLedgerRequests is not { } max)
        {
            _requests.Add(request);
            return;
        }

        if (max == 0)
        {
            return;
        }

        _requests.Add(request);
        if (_requests.Count - max >= max)
        {
            // Dropped in batches, so that keeping the latest requests costs O(1) per request.
            Trim(max);
        }
    }

    private void Trim(int max)
    {
        if (_requests.Count > max)
        {
            _requests.RemoveRange(0, _requests.Count - max);
        }
    }

    internal void ChangeBalance(DateTimeOffset at, decimal amount, string reason)
    {
        _balance += amount;
        _balanceHistory.Add(new BalanceChange { At = at, Amount = amount, Balance = _balance, Reason = reason });
    }
}
