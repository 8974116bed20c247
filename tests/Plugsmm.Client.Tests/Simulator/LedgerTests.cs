using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The panel's request ledger: everything by default; the latest N, or none, for long load tests; always counted.</summary>
public sealed class LedgerTests
{
    [Fact]
    public async Task By_default_every_request_is_kept_and_counted()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient();

        await client.GetBalanceAsync();
        await client.GetServicesAsync();

        Assert.Null(panel.MaxLedgerRequests);
        Assert.Equal(["balance", "services"], panel.Requests.Select(r => r.Action));
        Assert.Equal(2, panel.RequestCount);
    }

    [Fact]
    public async Task A_bounded_ledger_keeps_the_latest_requests_in_order_and_counts_them_all()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        panel.MaxLedgerRequests = 3;
        var client = panel.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            await client.GetBalanceAsync();
        }

        await client.GetServicesAsync();

        Assert.Equal(["balance", "balance", "services"], panel.Requests.Select(r => r.Action));
        Assert.Equal(11, panel.RequestCount);
    }

    [Fact]
    public async Task A_ledger_of_none_keeps_nothing_but_still_counts_and_the_panel_still_works()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        panel.MaxLedgerRequests = 0;
        var client = panel.CreateClient();

        var id = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/ledger", Quantity = 100 });

        Assert.Empty(panel.Requests);
        Assert.Equal(1, panel.RequestCount);
        Assert.Equal(id, Assert.Single(panel.Orders).Id);
    }

    [Fact]
    public async Task Lowering_the_bound_drops_the_oldest_at_once_and_lifting_it_keeps_everything_after()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient();
        await client.GetServicesAsync();
        await client.GetBalanceAsync();

        panel.MaxLedgerRequests = 1;
        Assert.Equal(["balance"], panel.Requests.Select(r => r.Action));

        panel.MaxLedgerRequests = null;
        await client.GetServicesAsync();
        Assert.Equal(["balance", "services"], panel.Requests.Select(r => r.Action));
        Assert.Equal(3, panel.RequestCount);
    }

    [Fact]
    public async Task A_negative_bound_is_refused_by_name()
    {
        await using var panel = new SimulatedPanel();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => panel.MaxLedgerRequests = -1);

        Assert.Equal("MaxLedgerRequests", error.ParamName);
        Assert.Null(panel.MaxLedgerRequests);
    }

    [Fact]
    public async Task Ledger_entries_are_records_made_with_initializers_and_compared_by_value()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient();

        await client.GetBalanceAsync();
        panel.SetBalance(42m);

        var request = Assert.Single(panel.Requests);
        Assert.Equal(new LedgerRequest { At = request.At, Action = "balance", Fields = request.Fields, Fault = null, Processed = request.Processed }, request);
        Assert.NotEqual(request with { Processed = !request.Processed }, request);
        var change = panel.BalanceHistory[^1];
        Assert.Equal(new BalanceChange { At = change.At, Amount = change.Amount, Balance = 42m, Reason = change.Reason }, change);
    }
}
