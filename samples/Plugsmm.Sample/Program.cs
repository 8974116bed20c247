// The sample host. With no command (or 'demo') it runs the demo: a simulated panel on loopback and the runbook's
// scenarios against it; no key is needed and none is used. 'bot' runs the bot. The panel's commands (services,
// balance, add, status, ...) are the plugsmm tool's: src/Plugsmm.Cli.
using Microsoft.Extensions.Hosting;
using Plugsmm.Sample.Demo;

const string Usage = """
    Usage: Plugsmm.Sample [demo | bot]
      (no command) | demo   the demo on a simulated panel (no key needed)
      bot                   the bot: order tracking, balance monitor, Telegram when TELEGRAM_BOT_TOKEN is set
    For the panel's commands (services, balance, add, status, refill, cancel), use the plugsmm tool (src/Plugsmm.Cli).
    """;

if (args.Length == 0 || args[0] == "demo")
{
    return await DemoRunner.RunAsync(Console.Out);
}

if (args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return 0;
}

if (args[0] == "bot")
{
    // The bot: order tracking and balance monitoring, and the Telegram front end when TELEGRAM_BOT_TOKEN is set.
    using var host = Plugsmm.Sample.Bot.BotHost.Build(args[1..]);
    await host.RunAsync();
    return 0;
}

Console.Error.WriteLine($"Unknown command '{args[0]}'.");
Console.Error.WriteLine(Usage);
return 64;
