using System.Net;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// Text from the panel — its error, an item's error, a property name, a transport failure's message — is flattened
/// (no control characters or line separators) and capped (512 chars and '…') wherever it goes into a message, a log
/// line or a tag: a panel cannot forge log lines, and an 8 MB error is not an 8 MB message.
/// </summary>
public sealed class ForgingAndSizeTests
{
    private const string Forged = "Plugsmm API success action=add latency_ms=1 attempts=1 correlation_id=forged";

    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\r\n\t\u0085\u2028\u2029\0\u001b");

    public static TheoryData<string> LineBreaks() => ["\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029", "\t", "\u001b[2K\r"];

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task A_panel_error_with_a_line_break_is_one_log_line_and_forges_none(string lineBreak)
    {
        using var t = new Telemetry();
        t.Panel.Answer(JsonSerializer.Serialize(new { error = $"x{lineBreak}{Forged}" }));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));

        var flattened = string.Concat(lineBreak.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c));
        Assert.Equal($"x{flattened}{Forged}", error.PanelError);
        AssertFlat(error.Message, error.PanelError!);
        var records = t.Logger.Collector.GetSnapshot();
        Assert.Single(records, r => r.Id.Id == 1003);
        AssertFlat([.. records.SelectMany(StateText.Of)]);
        var lines = string.Join('\n', records.Select(r => r.Message)).Split('\n');
        Assert.Equal(records.Count, lines.Length);
        Assert.DoesNotContain(lines, line => line.StartsWith("Plugsmm API success", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item_errors_property_names_and_transport_messages_are_flattened()
    {
        using var t = new Telemetry(o => o.Resilience.CircuitBreaker.MinimumThroughput = 100);
        var text = $"x\r\n{Forged}\u2028y";
        var json = JsonSerializer.Serialize(text);
        t.Panel.Answer("""[{"order":1,"cancel":{"error":""" + json + "}}]")
            .Answer("{" + json + """:{"status":"Completed"}}""")
            .Answer("""{"order":7,"error":""" + json + "}")
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, text));

        var items = await t.Panel.Client.CancelOrdersAsync([1]);
        var unexpected = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetOrderStatusesAsync([1, 2]));
        var beside = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
        var transport = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());

        AssertFlat(items[0].Error!.Message, items[0].Error!.PanelError!, items[0].ToString(), unexpected.Message, beside.Message, beside.PanelError!, transport.Message);
        AssertFlat([.. t.Logger.Collector.GetSnapshot().Select(r => r.Message)]);
    }

    [Fact]
    public async Task An_8_MB_panel_error_is_capped_in_the_message_PanelError_log_and_tags()
    {
        var huge = new string('A', 8 * 1024 * 1024);
        using var t = new Telemetry(o => o.Resilience.CircuitBreaker.MinimumThroughput = 100);
        t.Panel.Answer($$"""{"error":"{{huge}}"}""")
            .Answer($$"""{"order":7,"error":"{{huge}}"}""")
            .Answer("[{\"order\":1,\"cancel\":{\"error\":\"" + huge + "\"}}]")
            .Answer("{\"" + huge + "\":{\"status\":\"Completed\"}}")
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, huge));

        var failures = new List<PlugsmmException>();
        IReadOnlyList<ItemResult<bool>> items;
        using (PlugsmmCorrelation.Begin(t.Id))
        {
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync()));
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" })));
            items = await t.Panel.Client.CancelOrdersAsync([1]);
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetOrderStatusesAsync([1, 2])));
            failures.Add(await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync()));
        }

        Assert.All(failures, f =>
        {
            Assert.InRange(f.Message.Length, 1, 650);
            Assert.InRange(f.PanelError?.Length ?? 0, 0, 513);
            Assert.InRange(f.ToString().Length, 1, 8000);
        });
        Assert.EndsWith("A…", failures[0].PanelError, StringComparison.Ordinal);
        Assert.InRange(items[0].Error!.PanelError!.Length, 1, 513);
        Assert.InRange(items[0].ToString().Length, 1, 600);
        var records = t.Logger.Collector.GetSnapshot();
        // A line holds at most two capped values (message and preview) besides its own fields.
        Assert.All(records, r => Assert.InRange(r.Message.Length, 1, 1400));
        Assert.All(records.SelectMany(r => r.StructuredState ?? []), s => Assert.InRange(s.Value?.Length ?? 0, 0, 650));
        Assert.All(t.AllTags(), tag => Assert.InRange(tag.Length, 0, 600));
    }

    private static void AssertFlat(params string[] texts) =>
        Assert.All(texts, text => Assert.True(!text.AsSpan().ContainsAny(Breaks), $"a control character or line separator in: {text}"));
}
