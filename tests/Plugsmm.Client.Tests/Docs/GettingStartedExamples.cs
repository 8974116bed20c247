using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>The examples of docs/getting-started.md (the quick start and the example without DI run in the package tests' console consumer).</summary>
public sealed class GettingStartedExamples
{
    [Fact]
    public async Task A_client_configured_in_code()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        var builder = Host.CreateApplicationBuilder([$"--PLUGSMMS_API_KEY={simulated.ApiKey}"]);

        // docs/getting-started.md: configured in code
        builder.Services.AddPlugsmmClient(options =>
        {
            options.ApiKey = builder.Configuration["PLUGSMMS_API_KEY"];
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
            options.Resilience.Retry.MaxRetryAttempts = 2;
        });
        // end
        builder.Services.AddHttpClient(PlugsmmClientFactory.HttpClientName(string.Empty)).ConfigurePrimaryHttpMessageHandler(simulated.CreateHandler);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Resilience.AttemptTimeout);
        Assert.Equal(2, options.Resilience.Retry.MaxRetryAttempts);
        Assert.Equal(100m, (await host.Services.GetRequiredService<IPlugsmmClient>().GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task Several_panels_side_by_side()
    {
        await using var main = SimulatedPanel.CreateDefault();
        await using var spare = SimulatedPanel.CreateDefault();
        spare.ApiKey = "spare-panel-key-0123456789abcdef";
        spare.SetBalance(7m);
        var builder = Host.CreateApplicationBuilder(
        [
            $"--Plugsmm:BaseAddress={await main.StartAsync()}", $"--Plugsmm:ApiKey={main.ApiKey}",
            $"--PlugsmmBackup:BaseAddress={await spare.StartAsync()}", $"--PlugsmmBackup:ApiKey={spare.ApiKey}",
        ]);

        // docs/getting-started.md: several panels
        builder.Services.AddPlugsmmClient(builder.Configuration);                    // section "Plugsmm": the IPlugsmmClient
        builder.Services.AddPlugsmmClient(builder.Configuration, name: "backup", sectionName: "PlugsmmBackup");
        using var host = builder.Build();

        IPlugsmmClient primary = host.Services.GetRequiredService<IPlugsmmClient>();
        IPlugsmmClient backup = host.Services.GetRequiredService<IPlugsmmClientFactory>().CreateClient("backup");
        // end

        Assert.Equal(100m, (await primary.GetBalanceAsync()).Amount);
        Assert.Equal(7m, (await backup.GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task A_host_without_a_key_stops_at_start_up_with_the_message_the_page_quotes()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPlugsmmClient(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var page = File.ReadAllText(Path.Combine(Repository.RepositoryPaths.Root, "docs", "getting-started.md"));
        Assert.Contains(error.Failures.Single(), page, StringComparison.Ordinal);
    }
}
