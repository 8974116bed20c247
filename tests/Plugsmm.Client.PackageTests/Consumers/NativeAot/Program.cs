// A fresh Native AOT console project's Program.cs: ConsumerTests publishes it native (PublishAot) against the
// packed packages, requires zero warnings, and runs the binary. It exercises what trimming and AOT could break:
// configuration binding, dependency injection, source-generated JSON for every action's answers, error
// classification, retries, the health check, and the simulated panel both in memory and on Kestrel.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Plugsmm.Client;
using Plugsmm.Client.Testing;

var checks = 0;
var failed = 0;
void Check(bool ok, string what)
{
    checks++;
    failed += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
}

Check(!RuntimeFeature.IsDynamicCodeSupported, "runs as native code");

await using var simulated = SimulatedPanel.CreateDefault();
simulated.Services.Add(new SimulatedService { Id = 8, Type = "Mentions", Name = "Instagram Mentions", Min = 10, Max = 1000, Cancel = true });
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Plugsmm:ApiKey"] = simulated.ApiKey,
    ["Plugsmm:BaseAddress"] = "https://simulated-panel.invalid/api/v2",
    ["Plugsmm:Resilience:AttemptTimeout"] = "00:00:10",
    ["Plugsmm:Resilience:Retry:Delay"] = "00:00:00.010",
    ["Plugsmm:ErrorRules:0:Pattern"] = "under maintenance",
    ["Plugsmm:ErrorRules:0:Kind"] = "Transient",
}).Build();

var services = new ServiceCollection();
services.AddLogging();
services.AddPlugsmmClient(configuration).ConfigurePrimaryHttpMessageHandler(simulated.CreateHandler);
services.AddHealthChecks().AddPlugsmm();
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IPlugsmmClient>();

var catalogue = await client.GetServicesAsync();
Check(catalogue.Count == 8 && catalogue[0].RatePer1000 == 0.90m && catalogue[2].DripFeed == true, $"services: {catalogue.Count}");

var order = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/Cx~9?a=1&b=2#top", Quantity = 100 });
var drip = await client.AddOrderAsync(new DefaultOrder { ServiceId = 3, Link = "https://tiktok.com/@bob/video/1", Quantity = 1000, Runs = 3, Interval = 30 });
var mentions = await client.AddOrderAsync(new MentionsOrder { ServiceId = 8, Link = "https://instagram.com/p/XyZ", Quantity = 20, Usernames = ["alice", "bob"] });
Check(simulated.Orders.Count == 3 && simulated.Orders[0].Link == "https://instagram.com/p/Cx~9?a=1&b=2#top", $"add: orders {order}, {drip}, {mentions}");

var one = await client.GetOrderStatusAsync(order);
Check(one.State == OrderState.Pending && one.Charge == 0.09m && one.Currency == "USD", $"status: {one.StatusText}, charge {one.Charge}");
var many = await client.GetOrderStatusesAsync([order, drip, 999]);
Check(many.Count == 3 && many[1].IsSuccess && many[2].Error is { PanelError: "Incorrect order ID", Reason: PlugsmmErrorReasons.InvalidOrder }, "status of many: " + string.Join("; ", many));

var refills = await client.RefillOrdersAsync([order]);
Check(refills[0].Error?.PanelError == "Order not eligible for refill.", "refill of many: " + refills[0]);
try
{
    await client.RefillOrderAsync(order);
    Check(false, "refill: no exception");
}
catch (PlugsmmException error)
{
    Check(error.Kind == PlugsmmErrorKind.Permanent && error.Reason == "refill_not_eligible", $"refill: {error.Kind} {error.Reason}");
}

var refillStatuses = await client.GetRefillStatusesAsync([42]);
Check(refillStatuses[0].Error?.PanelError == "Refill not found", "refill_status of many: " + refillStatuses[0]);
var cancels = await client.CancelOrdersAsync([mentions]);
Check(cancels[0].IsSuccess && cancels[0].Value, "cancel: " + cancels[0]);

simulated.Faults.Next(PanelFault.ServerError(503), action: "balance");
var balance = await client.GetBalanceAsync();
Check(balance.Amount == simulated.Balance && simulated.Requests[^2].Fault is not null, $"balance after a retried 503: {balance.Amount} {balance.Currency}");

simulated.SetBalance(0m);
try
{
    await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/p/Broke", Quantity = 100 });
    Check(false, "insufficient funds: no exception");
}
catch (PlugsmmException error)
{
    Check(error.Kind == PlugsmmErrorKind.InsufficientFunds && !error.OutcomeUnknown, $"insufficient funds: {error.Kind}, \"{error.UserMessage}\"");
}

var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
Check(health.Status == HealthStatus.Healthy, $"health: {health.Status}");

var address = await simulated.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
var loopback = new PlugsmmClient(http, new PlugsmmClientOptions { ApiKey = simulated.ApiKey, BaseAddress = address });
Check((await loopback.GetBalanceAsync()).Amount == 0m, $"loopback Kestrel panel at {address}: balance");

Console.WriteLine($"native aot: {checks} checks, {failed} failed");
return failed == 0 ? 0 : 1;
