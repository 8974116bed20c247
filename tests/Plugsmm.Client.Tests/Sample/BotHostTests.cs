using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plugsmm.Client.Testing;
using Plugsmm.Sample.Bot;
using Plugsmm.Sample.Tracking;

namespace Plugsmm.Client.Tests.Sample;

/// <summary>The bot host as configured from the runbook's environment variables, against the simulated panel on loopback.</summary>
public sealed class BotHostTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task The_host_starts_migrates_and_honours_the_tracking_and_rollback_flags(string tracking, bool tracked)
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var address = await panel.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"plugsmm-host-{Guid.NewGuid():N}.db");
        try
        {
            using var host = BotHost.Build([], new Dictionary<string, string?>
            {
                ["PLUGSMMS_API_KEY"] = panel.ApiKey,
                ["PLUGSMM_USE_NEW_API"] = "false",
                ["PLUGSMM_ENABLE_ORDER_TRACKING"] = tracking,
                ["PLUGSMM_DB_PATH"] = database,
                ["Plugsmm:BaseAddress"] = address.ToString(),
                ["Bot:Offers:likes"] = "2",
            });
            await host.StartAsync();

            var reply = await host.Services.GetRequiredService<BoostBot>().BoostAsync("u1", "likes", "https://instagram.com/p/host~1", 100);
            var order = host.Services.GetRequiredService<OrderStore>().Find(reply.OrderId!.Value)!;
            await host.StopAsync();

            Assert.Equal(tracked, order.ProviderOrderId is not null);
            // PLUGSMM_USE_NEW_API=false: the legacy encoding left '~' bare, PHP still read the same link.
            Assert.Equal("https://instagram.com/p/host~1", Assert.Single(panel.Orders).Link);
            Assert.Equal(tracked, host.Services.GetServices<IHostedService>().Any(s => s is OrderTracker));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
