using System.Globalization;
using System.Text;

namespace Plugsmm.Client.Tests.Parsing;

/// <summary>
/// What reading an answer allocates, counted by the runtime: the typed result and nothing else. No DTO, no
/// JsonDocument, no string for a number, a status word or a currency.
/// </summary>
public sealed class ReaderAllocationTests
{
    private static readonly CallInfo Call = new("status", false, new ErrorClassifier(null), new KeySpellings("allocation-key-0123456789abcdef"), "allocation");

    [Fact]
    public void Reading_an_order_id_allocates_nothing()
    {
        var body = "{\"order\":\"23501\"}"u8.ToArray();

        Assert.Equal(0, Allocated(() => AddAnswerReader.Read(Answer(body))));
    }

    [Fact]
    public void Reading_one_status_allocates_only_the_status()
    {
        var body = """{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"}"""u8.ToArray();
        var status = OrderStatusReader.ReadOne(Answer(body));

        Assert.Equal((OrderState.Partial, "Partial", 0.27819m, 3572L, 157L, "USD"), (status.State, status.StatusText, status.Charge, status.StartCount, status.Remains, status.Currency));
        Assert.Equal(Allocated(() => new OrderStatus { State = OrderState.Partial, StatusText = "Partial" }), Allocated(() => OrderStatusReader.ReadOne(Answer(body))));
    }

    [Fact]
    public void Reading_a_balance_allocates_only_the_balance()
    {
        var body = """{"balance":"100.84292","currency":"USD"}"""u8.ToArray();

        Assert.Equal(Allocated(() => new PlugsmmBalance { Amount = 1m }), Allocated(() => BalanceReader.Read(Answer(body))));
    }

    [Fact]
    public void Reading_a_hundred_statuses_allocates_the_results_and_their_dictionary_only()
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < PlugsmmClient.MaxIdsPerRequest; i++)
        {
            var state = (i % 5) switch { 0 => "Completed", 1 => "In progress", 2 => "Partial", 3 => "Pending", _ => "Processing" };
            json.Append(CultureInfo.InvariantCulture, $$"""{{(i > 0 ? "," : "")}}"{{1_000_001 + (i * 7)}}":{"charge":"{{0.1 + (i * 0.01234):0.#####}}","start_count":"{{3000 + i}}","status":"{{state}}","remains":"{{i * 3}}","currency":"USD"}""");
        }

        var body = Encoding.UTF8.GetBytes(json.Append('}').ToString());
        var results = OrderStatusReader.ReadMany(Answer(body));
        var one = Allocated(() => ItemResult.Success(1, new OrderStatus { State = OrderState.Partial, StatusText = "Partial" }));
        var dictionary = Allocated(() => new Dictionary<long, ItemResult<OrderStatus>>(PlugsmmClient.MaxIdsPerRequest));

        Assert.Equal(PlugsmmClient.MaxIdsPerRequest, results.Count);
        Assert.All(results.Values, r => Assert.Equal("USD", r.Value.Currency));
        Assert.Equal(dictionary + (PlugsmmClient.MaxIdsPerRequest * one), Allocated(() => OrderStatusReader.ReadMany(Answer(body))));
    }

    [Fact]
    public void A_catalogue_shares_one_string_per_type_and_category_and_decodes_escapes()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < 300; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{{(i > 0 ? "," : "")}}{"service":{{i + 1}},"name":"Service {{i}} \u26a1","type":"{{(i % 2 == 0 ? "Default" : "Custom Comments")}}","category":"{{(i % 3 == 0 ? "Twitter\\/X Followers \\ud83d\\udd25" : "TikTok Likes")}}","rate":"0.90","min":"10","max":"1000"}""");
        }

        var services = ServiceCatalogueReader.Read(Answer(Encoding.UTF8.GetBytes(json.Append(']').ToString())));

        Assert.Equal(300, services.Count);
        Assert.Equal(("Service 0 ⚡", "Default", "Twitter/X Followers 🔥"), (services[0].Name, services[0].Type, services[0].Category));
        Assert.Equal(("Custom Comments", "TikTok Likes"), (services[1].Type, services[1].Category));
        Assert.Equal(2, services.Select(s => s.Type).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(2, services.Select(s => s.Category).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(300, services.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
    }

    private static PanelAnswer Answer(byte[] body) => new(Call, 200, body, null);

    /// <summary>Bytes per call, after warm-up (tiered compilation allocates a little, once, on its own).</summary>
    private static long Allocated<T>(Func<T> read)
    {
        var kept = read();
        for (var i = 0; i < 100; i++)
        {
            kept = read();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            kept = read();
        }

        GC.KeepAlive(kept);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }
}
