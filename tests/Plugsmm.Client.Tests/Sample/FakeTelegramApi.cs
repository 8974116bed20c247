using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Client.Tests.Sample;

/// <summary>
/// A small fake of the Telegram Bot API on loopback: <c>getUpdates</c> hands out queued updates once,
/// <c>sendMessage</c> records what the bot sent. Enough for Telegram.Bot's client, pointed at it by base URL.
/// </summary>
internal sealed class FakeTelegramApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<string> _updates = new();
    private int _nextUpdateId = 1;
    private int _nextMessageId = 100;

    private FakeTelegramApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public List<(long ChatId, string Text)> Sent { get; } = [];

    public static async Task<FakeTelegramApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeTelegramApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return fake;
    }

    /// <summary>Queues a text message from <paramref name="userId"/> in a private chat.</summary>
    public void UserSays(long userId, string text)
    {
        var update = new Dictionary<string, object>
        {
            ["update_id"] = _nextUpdateId++,
            ["message"] = new Dictionary<string, object>
            {
                ["message_id"] = _nextMessageId++,
                ["date"] = 1_732_449_600,
                ["chat"] = new Dictionary<string, object> { ["id"] = userId, ["type"] = "private" },
                ["from"] = new Dictionary<string, object> { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ann" },
                ["text"] = text,
            },
        };
        lock (_updates)
        {
            _updates.Enqueue(JsonSerializer.Serialize(update));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Path.Value!.Split('/')[^1];
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        string result;
        switch (method)
        {
            case "getUpdates":
                lock (_updates)
                {
                    result = "[" + string.Join(",", _updates) + "]";
                    _updates.Clear();
                }

                break;
            case "sendMessage":
                using (var document = JsonDocument.Parse(body))
                {
                    var chat = document.RootElement.GetProperty("chat_id");
                    var chatId = chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    var text = document.RootElement.GetProperty("text").GetString()!;
                    lock (Sent)
                    {
                        Sent.Add((chatId, text));
                    }

                    result = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                        ["date"] = 1_732_449_601,
                        ["chat"] = new Dictionary<string, object> { ["id"] = chatId, ["type"] = "private" },
                        ["text"] = text,
                    });
                }

                break;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"ok":false,"error_code":404,"description":"Not Found"}""");
                return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"ok":true,"result":{{result}}}""");
    }
}
