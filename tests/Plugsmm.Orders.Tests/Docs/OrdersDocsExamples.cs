using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>The code of docs/orders.md and src/Plugsmm.Orders/README.md, run (DocsSnippetTests checks the pages hold it verbatim).</summary>
public sealed class OrdersDocsExamples : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Setting_it_up_places_the_accepted_order()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = panel.ApiKey,
            ["Plugsmm:BaseAddress"] = "https://simulated-panel.invalid/api/v2",
            ["Orders:DatabasePath"] = _database.Path,
        });
        builder.Services.AddSingleton<Notifications>();
        var purchaseId = "purchase-1";

        // docs/orders.md: setup
        builder.Services.AddPlugsmmClient(builder.Configuration);
        builder.Services.AddSingleton<IOrderEventHandler, CustomerNotifier>();
        builder.Services.AddPlugsmmOrders(options => options.DatabasePath = builder.Configuration["Orders:DatabasePath"]);
        // end

        // The default client's HTTP client (named "Plugsmm.Client:" + client name) talks to the simulated panel.
        builder.Services.AddHttpClient("Plugsmm.Client:").ConfigurePrimaryHttpMessageHandler(panel.CreateHandler);
        builder.Services.Configure<PlugsmmOrdersOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(10)); // the order comes after the start
        using IHost host = builder.Build();
        await host.StartAsync();

        // docs/orders.md: accept
        var engine = host.Services.GetRequiredService<OrderEngine>();
        LocalOrder order = await engine.AcceptAsync(new NewOrder
        {
            IdempotencyKey = purchaseId,   // the same purchase sent twice is one order
            ServiceId = 1,
            Link = "https://instagram.com/alice",
            Quantity = 1000,
            Price = 2.50m,                 // what the customer paid: refunded in full if the panel refuses the order
        });
        // end

        var placed = await host.Services.GetRequiredService<Notifications>().Placed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();
        Assert.Equal(order.Id, placed.OrderId);
        Assert.Equal(Assert.Single(panel.Orders).Id, placed.ProviderOrderId);
    }

    [Fact]
    public async Task The_operator_resolves_the_queue()
    {
        await using var harness = new EngineHarness();
        harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        harness.Panel.Faults.Next(PanelFault.ServerError(503), action: "add");
        var engine = harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("taken", link: "https://x/taken"));
        await engine.AcceptAsync(Orders.New("not-taken", link: "https://x/not-taken"));
        await EngineHarness.RunUntilIdleAsync(engine);
        Task<long?> FindOnPanelAsync(string link) => Task.FromResult(harness.Panel.Orders.FirstOrDefault(o => o.Link == link)?.Id);

        // docs/orders.md: operator
        foreach (LocalOrder unknown in await engine.ListUnresolvedAsync())
        {
            long? onPanel = await FindOnPanelAsync(unknown.Link);   // your look-up on the panel
            if (onPanel is { } providerOrderId)
            {
                await engine.ResolveAsPlacedAsync(unknown.Id, providerOrderId);
            }
            else
            {
                await engine.ResolveAsNotPlacedAsync(unknown.Id);   // the engine places it again
            }
        }
        // end

        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Empty(await engine.ListUnresolvedAsync());
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("taken"))!.State);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("not-taken"))!.State);
        Assert.Equal(2, harness.Panel.Orders.Count);
    }

    [Fact]
    public async Task A_customer_cancels_an_order()
    {
        await using var harness = new EngineHarness();
        var engine = harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("to-cancel"));
        await EngineHarness.RunUntilIdleAsync(engine);
        var orderId = (await engine.FindAsync("to-cancel"))!.Id;

        // docs/orders.md: cancel
        LocalOrder order = await engine.RequestCancelAsync(orderId);   // order.Cancel == CancelState.Requested
        // end

        Assert.Equal(CancelState.Requested, order.Cancel);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Contains(harness.Handler.Handled, e => e.Kind == OrderEventKind.CancelAccepted);
    }

    [Fact]
    public async Task A_customer_asks_for_a_refill()
    {
        await using var harness = new EngineHarness();
        var engine = harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("to-refill"));
        await EngineHarness.RunUntilIdleAsync(engine);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(engine);
        var orderId = (await engine.FindAsync("to-refill"))!.Id;

        // docs/orders.md: refill
        LocalOrder order = await engine.RequestRefillAsync(orderId);   // order.Refill == RefillRequestState.Requested
        // end

        Assert.Equal(RefillRequestState.Requested, order.Refill);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Contains(harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillAccepted);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>What the docs' handler tells the test.</summary>
    private sealed class Notifications
    {
        public TaskCompletionSource<OrderEvent> Placed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The docs' handler: a real one would message the customer, once per dedupe key.</summary>
    private sealed class CustomerNotifier(Notifications notifications) : IOrderEventHandler
    {
        public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
        {
            if (orderEvent.Kind == OrderEventKind.Placed)
            {
                notifications.Placed.TrySetResult(orderEvent);
            }

            return Task.CompletedTask;
        }
    }
}
