// A fresh console project's Program.cs: ConsumerTests builds it against the packed Plugsmm.Client and
// Plugsmm.Client.Testing packages (from a local folder feed) and runs it. It runs the README's quick start and
// the getting-started example without dependency injection against a simulated panel on a loopback port: the
// same HTTP, configuration and dependency injection as against a real panel. The pages quote it verbatim.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plugsmm.Client;
using Plugsmm.Client.Testing;

await using var simulated = SimulatedPanel.CreateDefault();
Uri address = await simulated.StartAsync();
args = [$"--Plugsmm:BaseAddress={address}", $"--Plugsmm:ApiKey={simulated.ApiKey}"];

// README.md: quick start
var builder = Host.CreateApplicationBuilder(args);              // the key: PLUGSMMS_API_KEY or Plugsmm:ApiKey
builder.Services.AddPlugsmmClient(builder.Configuration);
using var host = builder.Build();

var panel = host.Services.GetRequiredService<IPlugsmmClient>();
IReadOnlyList<Service> services = await panel.GetServicesAsync();
var order = new DefaultOrder { ServiceId = services[0].Id, Link = "https://instagram.com/p/Cx~9?utm_source=bot", Quantity = 100 };
long orderId = await panel.AddOrderAsync(order);
OrderStatus status = await panel.GetOrderStatusAsync(orderId);
Console.WriteLine($"order {orderId}: {status.State}, balance {(await panel.GetBalanceAsync()).Amount}");
// end

Balance balance = await ReadBalanceAsync(simulated.ApiKey, address);
Console.WriteLine($"without dependency injection: balance {balance.Amount} {balance.Currency}");
Console.WriteLine($"the simulated panel took {simulated.Orders.Count} order(s), link {simulated.Orders[0].Link}");
return simulated.Orders.Count == 1 && simulated.Orders[0].Link == "https://instagram.com/p/Cx~9?utm_source=bot" ? 0 : 1;

// docs/getting-started.md: without dependency injection
static async Task<Balance> ReadBalanceAsync(string apiKey, Uri? panelAddress = null)
{
    // Never follow redirects: the API key travels in the request body.
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    var client = new PlugsmmClient(http, new PlugsmmClientOptions
    {
        ApiKey = apiKey,
        BaseAddress = panelAddress ?? new PlugsmmClientOptions().BaseAddress,
    });
    return await client.GetBalanceAsync();
}
// end
