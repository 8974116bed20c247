// The quick start alone, as a user's Program.cs: ToolTests builds it against the packed packages and runs it with
// PLUGSMMS_API_KEY and Plugsmm__BaseAddress pointing at `plugsmm simulate`, as docs/getting-started.md shows.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plugsmm.Client;

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
