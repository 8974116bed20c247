using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The panel's server options: its rate limit (429 with Retry-After on its clock) and its ledger file (a JSON line per request).</summary>
public sealed class ServerOptionsTests : IDisposable
{
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), $"plugsmm-ledger-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_ledger);

    [Fact]
    public async Task Over_the_rate_limit_a_request_gets_429_with_the_seconds_until_the_window_frees_and_is_not_carried_out()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        panel.RateLimitPerMinute = 2;
        var client = panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);

        await client.GetBalanceAsync();
        time.Advance(TimeSpan.FromSeconds(20));
        await client.GetBalanceAsync();
        var refused = await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/limited", Quantity = 100 }));
        time.Advance(TimeSpan.FromSeconds(40));
        await client.GetBalanceAsync();

        Assert.Equal(PlugsmmErrorKind.RateLimited, refused.Kind);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
        Assert.Empty(panel.Orders);
        Assert.Equal([true, true, false, true], panel.Requests.Select(r => r.Processed));
        Assert.Throws<ArgumentOutOfRangeException>(() => panel.RateLimitPerMinute = 0);
    }

    [Fact]
    public async Task The_ledger_file_gets_one_flushed_json_line_per_request_with_the_key_masked_and_the_order_placed()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        panel.AppendLedgerTo(_ledger);
        var client = panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);

        var id = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/ledger", Quantity = 1000 });
        panel.Faults.Next(PanelFault.DropAfterProcessing, "add");
        await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/dropped", Quantity = 100 }));
        await Assert.ThrowsAsync<PlugsmmException>(() => client.GetOrderStatusAsync(999));

        // Read while the panel still has the file open: every line is already there.
        string[] lines;
        using (var stream = new FileStream(_ledger, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(panel.ApiKey, string.Join('\n', lines), StringComparison.Ordinal);
        using var placed = JsonDocument.Parse(lines[0]);
        var root = placed.RootElement;
        Assert.Equal((1, "add", "***", 200, true), (root.GetProperty("seq").GetInt32(), root.GetProperty("action").GetString(), root.GetProperty("fields").GetProperty("key").GetString(), root.GetProperty("status").GetInt32(), root.GetProperty("processed").GetBoolean()));
        var order = root.GetProperty("order");
        Assert.Equal((id, 1L, "https://instagram.com/ledger", 1000L, 0.9m), (order.GetProperty("id").GetInt64(), order.GetProperty("service").GetInt64(), order.GetProperty("link").GetString(), order.GetProperty("quantity").GetInt64(), order.GetProperty("charge").GetDecimal()));
        Assert.Equal(99.1m, root.GetProperty("balance").GetDecimal());
        using var dropped = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, dropped.RootElement.GetProperty("status").ValueKind);
        Assert.Equal("DropAfterProcessing", dropped.RootElement.GetProperty("fault").GetString());
        Assert.Equal("https://instagram.com/dropped", dropped.RootElement.GetProperty("order").GetProperty("link").GetString());
        using var refused = JsonDocument.Parse(lines[2]);
        Assert.Equal("Incorrect order ID", refused.RootElement.GetProperty("error").GetString());
        Assert.False(refused.RootElement.TryGetProperty("order", out _));
    }
}
