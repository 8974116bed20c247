using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Wrong_options_stop_the_host_at_start_naming_each_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IOrderEventHandler, RecordingHandler>();
        builder.Services.AddPlugsmmClient(o => o.ApiKey = SimulatedPanel.DefaultApiKey);
        builder.Services.AddPlugsmmOrders(o =>
        {
            o.BatchSize = 0;
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
            o.MaxTrackingInterval = TimeSpan.FromSeconds(1);
            o.RefundDecimals = 9;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("DatabasePath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetryDelay", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxTrackingInterval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RefundDecimals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_background_service_places_accepted_orders_through_the_named_client_and_delivers_their_events()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var panel = SimulatedPanel.CreateDefault(time);
        var handler = new SignallingHandler();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IOrderEventHandler>(handler);
        builder.Services.AddPlugsmmClient("panel-a", o =>
        {
            o.ApiKey = panel.ApiKey;
            o.BaseAddress = new Uri("https://simulated-panel.invalid/api/v2");
        }).ConfigurePrimaryHttpMessageHandler(panel.CreateHandler);
        builder.Services.AddPlugsmmOrders(o =>
        {
            o.DatabasePath = _database.Path;
            o.Panels.Add("panel-a");
        });
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<OrderEngine>();
        await engine.AcceptAsync(new NewOrder { IdempotencyKey = "k1", Panel = "panel-a", ServiceId = 1, Link = "https://instagram.com/hosted", Quantity = 1000, Price = 2m });

        await host.StartAsync();
        var placed = await handler.Placed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.Equal(Assert.Single(panel.Orders).Id, placed.ProviderOrderId);
        Assert.IsType<SqliteOrderStore>(host.Services.GetRequiredService<IOrderStore>());
    }

    [Fact]
    public async Task A_scoped_handler_gets_each_event_in_a_scope_of_its_own()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Services.AddSingleton<Sink>();
        builder.Services.AddScoped<IOrderEventHandler, ScopedRecorder>();
        builder.Services.AddPlugsmmClient(o => o.ApiKey = panel.ApiKey);
        builder.Services.AddHttpClient("Plugsmm.Client:").ConfigurePrimaryHttpMessageHandler(panel.CreateHandler);
        builder.Services.AddPlugsmmOrders(o => o.DatabasePath = _database.Path);
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<OrderEngine>();
        await engine.AcceptAsync(Orders.New("k1"));

        await engine.RunOnceAsync(default);
        await engine.RunOnceAsync(default);

        var sink = host.Services.GetRequiredService<Sink>();
        Assert.Equal([OrderEventKind.Accepted, OrderEventKind.Placed], sink.Events.Select(e => e.Kind));
        Assert.Equal(2, sink.Handlers.Distinct().Count());
    }

    [Fact]
    public async Task A_host_without_an_event_handler_does_not_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPlugsmmClient(o => o.ApiKey = SimulatedPanel.DefaultApiKey);
        builder.Services.AddPlugsmmOrders(o => o.DatabasePath = _database.Path);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("IOrderEventHandler", error.Message, StringComparison.Ordinal);
    }

    private sealed class Sink
    {
        public List<OrderEvent> Events { get; } = [];

        public List<object> Handlers { get; } = [];
    }

    private sealed class ScopedRecorder(Sink sink) : IOrderEventHandler
    {
        public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
        {
            sink.Events.Add(orderEvent);
            sink.Handlers.Add(this);
            return Task.CompletedTask;
        }
    }

    public void Dispose() => _database.Dispose();

    private sealed class SignallingHandler : IOrderEventHandler
    {
        public TaskCompletionSource<OrderEvent> Placed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
        {
            if (orderEvent.Kind == OrderEventKind.Placed)
            {
                Placed.TrySetResult(orderEvent);
            }

            return Task.CompletedTask;
        }
    }
}
