using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Client.Testing;

/// <summary>The simulated panel on a free loopback port, served by Kestrel.</summary>
internal sealed class LoopbackPanelServer
{
    /// <summary>The largest body read: PHP's default <c>post_max_size</c> (8 MB).</summary>
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly WebApplication _app;

    private LoopbackPanelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LoopbackPanelServer> StartAsync(SimulatedPanel panel, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(panel, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var boundPort = new Uri(bound).Port;
        return new LoopbackPanelServer(app, new Uri($"http://127.0.0.1:{boundPort}/api/v2"));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(SimulatedPanel panel, HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var exchange = panel.Handle(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), context.Request.ContentType);
        if (exchange.Delay > TimeSpan.Zero)
        {
            await Task.Delay(exchange.Delay, panel.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (exchange.Drop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = exchange.StatusCode;
        context.Response.ContentType = exchange.ContentType;
        if (exchange.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var bytes = Encoding.UTF8.GetBytes(exchange.Body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
