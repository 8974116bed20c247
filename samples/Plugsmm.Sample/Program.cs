// The sample host. With no command and no PLUGSMMS_API_KEY it runs the demo: a simulated panel on loopback and
// the runbook's scenarios against it. With a command it talks to a real panel (key from PLUGSMMS_API_KEY,
// --base-url for any compatible panel). See CliRunner.Usage.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;
using Plugsmm.Sample.Cli;
using Plugsmm.Sample.Demo;

var key = Environment.GetEnvironmentVariable(PlugsmmClientOptions.ApiKeyVariable);
if (args.Length == 0 || args[0] == "demo")
{
    if (args.Length == 0 && !string.IsNullOrEmpty(key))
    {
        Console.WriteLine("PLUGSMMS_API_KEY is set: give a command for the real panel, or 'demo' for the simulated one.");
        Console.WriteLine(CliRunner.Usage);
        return 0;
    }

    return await DemoRunner.RunAsync(Console.Out);
}

if (args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(CliRunner.Usage);
    return 0;
}

if (args[0] == "bot")
{
    // The bot: order tracking and balance monitoring, and the Telegram front end when TELEGRAM_BOT_TOKEN is set.
    using var host = Plugsmm.Sample.Bot.BotHost.Build(args[1..]);
    await host.RunAsync();
    return 0;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection().AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
var baseUrl = args.SkipWhile(a => a != "--base-url").Skip(1).FirstOrDefault();
services.AddPlugsmmClient(configuration).Services.Configure<PlugsmmClientOptions>(string.Empty, o =>
{
    if (baseUrl is not null)
    {
        o.BaseAddress = new Uri(baseUrl, UriKind.RelativeOrAbsolute);
    }
});
await using var provider = services.BuildServiceProvider();
IPlugsmmClient client;
try
{
    client = provider.GetRequiredService<IPlugsmmClient>();
}
catch (Microsoft.Extensions.Options.OptionsValidationException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 64;
}

return await CliRunner.RunAsync(args, client, Console.Out, Console.Error);
