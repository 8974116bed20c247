using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// The SMM panel API v2 client over a typed <see cref="HttpClient"/>. Register it with
/// <c>services.AddPlugsmmClient(...)</c>, or create it directly with an <see cref="HttpClient"/> whose handler
/// follows no redirects (the API key travels in the body).
/// </summary>
/// <remarks>
/// Each method is one line into one request path (<see cref="CallRunner"/>): fields encoded once, attempts through
/// the panel's resilience pipeline, the answer read once, failures as <see cref="PlugsmmException"/>.
/// </remarks>
public sealed class PlugsmmClient : IPlugsmmClient
{
    /// <summary>The most ids the panels take in one request of a multi-id action; longer lists are sent in parts.</summary>
    public const int MaxIdsPerRequest = 100;

    private readonly CallRunner _calls;
    private readonly CallPipeline _pipeline;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with; its handler should not follow redirects.</param>
    /// <param name="options">The settings; checked here, as at start-up.</param>
    /// <param name="logger">Where the client logs; none by default.</param>
    /// <param name="timeProvider">The clock for timeouts; the system clock by default.</param>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid; the message says what to fix.</exception>
    /// <param name="meterFactory">Where the <c>Plugsmm.Client</c> meter comes from; a process-wide meter by default.</param>
    public PlugsmmClient(HttpClient httpClient, PlugsmmClientOptions options, ILogger<PlugsmmClient>? logger = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : this(
            httpClient,
            options,
            Options.DefaultName,
            logger ?? (ILogger)NullLogger.Instance,
            timeProvider ?? TimeProvider.System,
            logConfiguration: true,
            pipeline: null,
            metrics: meterFactory is null ? PlugsmmMetrics.Default : PlugsmmMetrics.For(meterFactory))
    {
    }

    internal PlugsmmClient(HttpClient httpClient, PlugsmmClientOptions options, string name, ILogger logger, TimeProvider timeProvider, bool logConfiguration, CallPipeline? pipeline, PlugsmmMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        PlugsmmClientOptionsValidator.ThrowIfInvalid(name, options);

        var settings = options.Clone();
        var telemetry = new CallTelemetry(logger, metrics, CallTelemetry.PanelName(name), PlugsmmTracing.ServerTags(settings.BaseAddress));
        _pipeline = pipeline ?? CallPipeline.Create(settings.Resilience, timeProvider, telemetry);
        _calls = new CallRunner(httpClient, settings, timeProvider, _pipeline, telemetry);
        if (logConfiguration)
        {
            telemetry.Configured(settings);
        }
    }

    /// <inheritdoc />
    /// <remarks>Shared by every client of the same name created through dependency injection.</remarks>
    public PlugsmmCircuitState CircuitState => _pipeline.State;

    /// <inheritdoc />
    public Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) =>
        _calls.SendAsync("services", _calls.Fields("services"), ServiceCatalogueReader.Read, cancellationToken);

    /// <inheritdoc />
    public Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) =>
        _calls.SendAsync("add", OrderFields(order), AddAnswerReader.Read, cancellationToken);

    /// <inheritdoc />
    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) =>
        _calls.SendOneIdAsync("status", "order", orderId, nameof(orderId), OrderStatusReader.ReadOne, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        MultiIdCall.SendAsync(_calls, "status", "orders", orderIds, nameof(orderIds), OrderStatusReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        _calls.SendOneIdAsync("refill", "order", orderId, nameof(orderId), RefillReader.ReadOne, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        MultiIdCall.SendAsync(_calls, "refill", "orders", orderIds, nameof(orderIds), RefillReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) =>
        _calls.SendOneIdAsync("refill_status", "refill", refillId, nameof(refillId), RefillStatusReader.ReadOne, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) =>
        MultiIdCall.SendAsync(_calls, "refill_status", "refills", refillIds, nameof(refillIds), RefillStatusReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        MultiIdCall.SendOneAsync(_calls, "cancel", "orders", orderId, nameof(orderId), CancelReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        MultiIdCall.SendAsync(_calls, "cancel", "orders", orderIds, nameof(orderIds), CancelReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        _calls.SendAsync("balance", _calls.Fields("balance"), BalanceReader.Read, cancellationToken);

    /// <summary>An order's fields, after it is checked: bad input fails here, before anything is sent.</summary>
    private List<KeyValuePair<string, object?>> OrderFields(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        var fields = _calls.Fields("add", "service", order.ServiceId);
        order.AppendFields(fields);
        return fields;
    }
}
