using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Sample.Bot;
using Plugsmm.Sample.Telegram;
using Plugsmm.Sample.Tracking;
using Telegram.Bot;

namespace Plugsmm.Client.Tests.Sample;

/// <summary>The Telegram wiring end to end: an update from a fake Telegram Bot API leads to an order at the simulated panel and a reply.</summary>
public sealed class TelegramFrontEndTests
{
    private const long Ann = 555;
    private const long Admin = 777;

    [Fact]
    public async Task A_boost_update_places_an_order_and_the_user_gets_a_reply_and_admins_get_the_detail()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        await using var telegramApi = await FakeTelegramApi.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"plugsmm-tg-{Guid.NewGuid():N}.db");
        try
        {
            var store = OrderStore.ForFile(database);
            store.Migrate();
            using var http = new HttpClient();
            var telegram = new TelegramBotClient(new TelegramBotClientOptions("123:test-token", telegramApi.BaseUrl), http);
            TelegramFrontEnd? frontEnd = null;
            var offers = new Dictionary<string, BoostOffer> { ["followers"] = new() { Name = "followers", ServiceId = 1 }, ["retired"] = new() { Name = "retired", ServiceId = 99 } };
            var client = panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
            frontEnd = new TelegramFrontEnd(telegram, () => new BoostBot(client, store, offers, frontEnd!, time), new HashSet<long> { Admin }, Admin, "followers", NullLogger<TelegramFrontEnd>.Instance);

            telegramApi.UserSays(Ann, "/boost https://instagram.com/ann?x=1&y=2 100");
            telegramApi.UserSays(Ann, "/status 1");
            telegramApi.UserSays(Ann, "/boost retired https://instagram.com/ann2 100");
            telegramApi.UserSays(Ann, "/balance");
            telegramApi.UserSays(Admin, "/balance");
            var handled = await frontEnd.PollOnceAsync(0, CancellationToken.None);

            Assert.Equal(5, handled);
            var order = Assert.Single(panel.Orders);
            Assert.Equal(("https://instagram.com/ann?x=1&y=2", 100L), (order.Link, order.Quantity));
            Assert.Equal(
                [
                    (Ann, "Your boost #1 of 100 followers is on its way."),
                    (Ann, "Boost #1 is queued."),
                    (Admin, $"Order #2 failed: error_type=Permanent reason=invalid_service panel said 'Incorrect service ID' correlation_id="),
                    (Ann, "The service is temporarily unavailable. Please try again later."),
                    (Ann, "That command is for admins."),
                    (Admin, "Provider balance: 99.91 USD"),
                ],
                telegramApi.Sent.Select(m => (m.ChatId, m.Text.Contains("correlation_id=", StringComparison.Ordinal) ? m.Text[..(m.Text.IndexOf("correlation_id=", StringComparison.Ordinal) + 15)] : m.Text)));
            Assert.Equal(0, await frontEnd.PollOnceAsync(0, CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
