using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>
/// The real client, registered through DI with its real handler, against PHP's own built-in server: PHP's
/// <c>$_POST</c> must hold exactly the values intended, for every action and every order type.
/// </summary>
public sealed class PhpCaptureTests
{
    /// <summary>A link with everything that used to arrive mangled.</summary>
    private const string HardLink = "https://www.instagram.com/p/Cx~9_a-b/?utm source=bot&ref=a%20b+c&q=?#top 😀👍🏽";

    [PhpFact]
    public async Task Php_receives_exactly_the_intended_values_for_every_action_and_order_type()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        await using var server = await PhpCaptureServer.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = PanelStub.ApiKey;
            o.BaseAddress = new Uri(server.Root, "/api/v2");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();
        var expected = new List<Dictionary<string, string>>();

        void Expect(params (string Key, object? Value)[] fields) =>
            expected.Add(new[] { ("key", (object?)PanelStub.ApiKey) }.Concat(fields)
                .Where(f => f.Item2 is not null)
                .ToDictionary(f => f.Item1, f => Convert.ToString(f.Item2, CultureInfo.InvariantCulture)!));

        Assert.Single(await client.GetServicesAsync());
        Expect(("action", "services"));

        foreach (var row in OrderTypeTests.Orders().Concat(HardOrders()))
        {
            var order = (OrderRequest)row[1];
            var fields = ((string, object?)[])row[2];
            Assert.Equal(23501, await client.AddOrderAsync(order));
            Expect([("action", "add"), ("service", order.ServiceId), .. fields]);
        }

        Assert.Equal(OrderState.Partial, (await client.GetOrderStatusAsync(23501)).State);
        Expect(("action", "status"), ("order", 23501));
        Assert.Equal(3, (await client.GetOrderStatusesAsync([1, 10, 100])).Count(r => r.IsSuccess));
        Expect(("action", "status"), ("orders", "1,10,100"));
        Assert.Equal(1, await client.RefillOrderAsync(23501));
        Expect(("action", "refill"), ("order", 23501));
        Assert.Equal([1002L, 1003L], (await client.RefillOrdersAsync([2, 3])).Select(r => r.Value));
        Expect(("action", "refill"), ("orders", "2,3"));
        Assert.Equal(RefillState.Completed, (await client.GetRefillStatusAsync(7)).State);
        Expect(("action", "refill_status"), ("refill", 7));
        Assert.All(await client.GetRefillStatusesAsync([7, 8]), r => Assert.Equal(RefillState.Completed, r.Value.State));
        Expect(("action", "refill_status"), ("refills", "7,8"));
        Assert.All(await client.CancelOrdersAsync([4, 5]), r => Assert.True(r.Value));
        Expect(("action", "cancel"), ("orders", "4,5"));
        Assert.Equal(100.84292m, (await client.GetBalanceAsync()).Amount);
        Expect(("action", "balance"));

        var captures = server.Captures();
        Assert.Equal(expected.Count, captures.Count);
        for (var i = 0; i < captures.Count; i++)
        {
            Assert.Equal("POST", captures[i].Method);
            Assert.Equal("application/x-www-form-urlencoded", captures[i].ContentType);
            Assert.Equal(expected[i], captures[i].Post);
        }
    }

    [PhpFact]
    public async Task A_redirect_from_the_panel_is_not_followed_and_the_key_goes_nowhere_else()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        await using var server = await PhpCaptureServer.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = PanelStub.ApiKey;
            o.BaseAddress = new Uri(server.Root, "/redirect");
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => provider.GetRequiredService<IPlugsmmClient>().GetBalanceAsync());

        Assert.Equal(302, error.StatusCode);
        Assert.Equal(["/redirect"], server.Captures().Select(c => c.Path));
    }

    private static TheoryData<string, OrderRequest, (string, object?)[]> HardOrders() => new()
    {
        { "hard link", new DefaultOrder { ServiceId = 1, Link = HardLink, Quantity = 100 }, [("link", HardLink), ("quantity", 100)] },
        {
            "hard comments", new CustomCommentsOrder { ServiceId = 3, Link = HardLink, Comments = ["Great post! 🔥 & more", "100% + ~tilde~", "#1 ?yes", "Привет, мир"] },
            [("link", HardLink), ("comments", "Great post! 🔥 & more\n100% + ~tilde~\n#1 ?yes\nПривет, мир")]
        },
    };
}
