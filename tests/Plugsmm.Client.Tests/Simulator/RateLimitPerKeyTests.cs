using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The panel's rate limit counts per API key, in a sliding minute of its (fake) clock.</summary>
public sealed class RateLimitPerKeyTests : IAsyncLifetime
{
    private const string SecondKey = "second-user-key-abcdefabcdef0123";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private SimulatedPanel _panel = null!;
    private PlugsmmClient _first = null!;
    private PlugsmmClient _second = null!;

    public Task InitializeAsync()
    {
        _panel = SimulatedPanel.CreateDefault(_time);
        _panel.AddApiKey(SecondKey);
        _panel.RateLimitPerMinute = 3;
        _first = _panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        _second = _panel.CreateClient(o =>
        {
            o.ApiKey = SecondKey;
            o.Resilience.Retry.MaxRetryAttempts = 0;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task The_request_over_the_limit_gets_429_with_the_seconds_until_the_minute_frees_and_later_ones_pass()
    {
        await _first.GetBalanceAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _first.GetBalanceAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await _first.GetBalanceAsync();
        _time.Advance(TimeSpan.FromSeconds(10));

        var refused = await Assert.ThrowsAsync<PlugsmmException>(() => _first.GetBalanceAsync());
        _time.Advance(TimeSpan.FromSeconds(29));
        var stillRefused = await Assert.ThrowsAsync<PlugsmmException>(() => _first.GetBalanceAsync());
        _time.Advance(TimeSpan.FromSeconds(1));
        await _first.GetBalanceAsync(); // the 12:00:00 request left the window

        Assert.Equal((PlugsmmErrorKind.RateLimited, "http_429", (TimeSpan?)TimeSpan.FromSeconds(30)), (refused.Kind, refused.Reason, refused.RetryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.RetryAfter);
        Assert.Equal([true, true, true, false, false, true], _panel.Requests.Select(r => r.Processed));
    }

    [Fact]
    public async Task A_second_key_has_its_own_budget()
    {
        for (var i = 0; i < 3; i++)
        {
            await _first.GetBalanceAsync();
        }

        var firstLimited = await Assert.ThrowsAsync<PlugsmmException>(() => _first.GetBalanceAsync());
        for (var i = 0; i < 3; i++)
        {
            await _second.GetBalanceAsync();
        }

        var secondLimited = await Assert.ThrowsAsync<PlugsmmException>(() => _second.GetBalanceAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        await _first.GetBalanceAsync();
        await _second.GetBalanceAsync();

        Assert.Equal((PlugsmmErrorKind.RateLimited, PlugsmmErrorKind.RateLimited), (firstLimited.Kind, secondLimited.Kind));
        Assert.Equal(TimeSpan.FromMinutes(1), secondLimited.RetryAfter);
        Assert.Equal(8, _panel.Requests.Count(r => r.Processed));
    }

    [Fact]
    public async Task A_key_the_panel_does_not_accept_is_refused_and_limited_on_its_own()
    {
        var stranger = _panel.CreateClient(o =>
        {
            o.ApiKey = "not-a-key-of-this-panel-000000000";
            o.Resilience.Retry.MaxRetryAttempts = 0;
        });

        var refused = await Assert.ThrowsAsync<PlugsmmException>(() => stranger.GetBalanceAsync());
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<PlugsmmException>(() => stranger.GetBalanceAsync());
        }

        var limited = await Assert.ThrowsAsync<PlugsmmException>(() => stranger.GetBalanceAsync());
        await _first.GetBalanceAsync();

        Assert.Equal(("Invalid API key", PlugsmmErrorReasons.InvalidApiKey), (refused.PanelError, refused.Reason));
        Assert.Equal(PlugsmmErrorKind.RateLimited, limited.Kind);
    }
}
