using System.Net;
using System.Text;

namespace Plugsmm.Client.Testing;

/// <summary>Answers requests in memory from a <see cref="SimulatedPanel"/>, faults included.</summary>
internal sealed class InMemoryPanelHandler(SimulatedPanel panel) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post)
        {
            return new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { Content = new StringContent(JsonText.Error("Incorrect request")) };
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var exchange = panel.Handle(body, request.Content?.Headers.ContentType?.MediaType);
        if (exchange.Delay > TimeSpan.Zero)
        {
            await Task.Delay(exchange.Delay, panel.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (exchange.Drop)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (the simulated panel closed the connection).");
        }

        var response = new HttpResponseMessage((HttpStatusCode)exchange.StatusCode)
        {
            Content = new StringContent(exchange.Body, Encoding.UTF8),
            RequestMessage = request,
        };
        response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(exchange.ContentType);
        if (exchange.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }
}
