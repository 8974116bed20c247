using System.Net;
using System.Text.Json;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// A panel that echoes the key back in any spelling (JSON-, HTML-, form-escaped, base64) — in its error, beside an
/// order, in an unreadable page, in the raw bytes of an answer, in a per-item error, in a transport failure, in a
/// redirect — never gets it into a message, ToString(), a preview, PanelError, an item's error, a log record (message,
/// every state value, scopes) or a span tag, in any of those spellings.
/// </summary>
public sealed class KeyEchoTests
{
    public static TheoryData<string, string> Cases() => EchoedKeys.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_key_the_panel_echoes_in_any_spelling_appears_nowhere(string key, string spellingName)
    {
        var spelling = EchoedKeys.Of(key).Single(s => s.Name == spellingName).Text;
        using var t = new Telemetry(o => o.Resilience.CircuitBreaker.MinimumThroughput = 100, key);
        var panel = t.Panel;
        var said = $"Invalid API key: {spelling} (check it)";
        var json = JsonSerializer.Serialize(said);
        panel.Answer($$"""{"error":{{json}}}""")
            .Answer($$"""{"order":5,"error":{{json}}}""")
            .Answer($"<html><p>{said}</p></html>", HttpStatusCode.BadGateway, "text/html")
            .Answer($$"""{"debug":"{{spelling}}"}""")
            .Answer("""[{"order":1,"cancel":{"error":""" + json + """}},{"order":2,"cancel":1}]""")
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, $"proxy said: {said}"));
        var failures = new List<PlugsmmException>();
        IReadOnlyList<ItemResult<bool>> items;
        using (PlugsmmCorrelation.Begin(t.Id))
        {
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync()));
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" })));
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync()));
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync()));
            items = await panel.Client.CancelOrdersAsync([1, 2]);
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync()));
        }

        Assert.Equal(["invalid_api_key", "error_beside_order", "http_502", "unexpected_answer", "connection"], failures.Select(f => f.Reason));
        Assert.False(items[0].IsSuccess);
        var texts = failures.SelectMany(f => new[] { f.Message, f.ToString(), f.PanelError ?? string.Empty, f.ResponsePreview ?? string.Empty })
            .Concat(items.SelectMany(i => new[] { i.Error?.Message ?? string.Empty, i.Error?.PanelError ?? string.Empty, i.ToString(), Record.Exception(() => i.Value)?.Message ?? string.Empty }))
            .Concat(t.Logger.Collector.GetSnapshot().SelectMany(StateText.Of))
            .Concat(t.AllTags())
            .ToList();
        Assert.All(texts, text => Assert.Null(EchoedKeys.FoundIn(key, text)));
    }

    [Fact]
    public async Task A_non_numeric_order_id_cut_through_the_key_shows_no_part_of_it()
    {
        // The id is cut at 200 chars; the key starts at 190, so a cut before masking would leave its first 10 chars.
        const string Key = "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c";
        var head = "ref_" + new string('0', 186);
        using var t = new Telemetry(apiKey: Key);
        t.Panel.Answer($$"""{"order":"{{head}}{{Key}}_tail"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));

        Assert.Equal(("non_numeric_order_id", $"{head}***…"), (error.Reason, error.PanelError));
        Assert.Contains($"'{head}***…'", error.Message, StringComparison.Ordinal);
        var texts = new[] { error.Message, error.ToString(), error.PanelError ?? string.Empty, error.ResponsePreview ?? string.Empty }
            .Concat(t.Logger.Collector.GetSnapshot().SelectMany(StateText.Of))
            .Concat(t.AllTags());
        Assert.All(texts, text => Assert.DoesNotContain(Key[..8], text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://{0}@evil.example:8443/next?x=1", "'https://evil.example:8443'")]
    [InlineData("https://user:{0}@evil.example/next", "'https://evil.example'")]
    [InlineData("http://{0}@evil.example/", "'http://evil.example'")]
    public async Task A_redirect_is_reported_by_scheme_host_and_port_without_the_user_info(string location, string reported)
    {
        const string Key = "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c";
        using var t = new Telemetry(apiKey: Key);
        t.Panel.Answer(() => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, location, Key)) } });

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());

        Assert.Equal("redirect", error.Reason);
        Assert.Contains($"to {reported}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.All(t.Logger.Collector.GetSnapshot().SelectMany(StateText.Of), text => Assert.DoesNotContain(Key, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transport_error_that_echoes_the_key_does_not_carry_it_into_messages_or_ToString()
    {
        using var panel = new PanelStub();
        panel.Fail(new HttpRequestException(HttpRequestError.ConnectionError, $"proxy refused body key={PanelStub.ApiKey}&action=add"));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.DoesNotContain(PanelStub.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelStub.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("key=***", error.Message, StringComparison.Ordinal);
    }
}
