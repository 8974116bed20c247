using Microsoft.Extensions.DependencyInjection;

namespace Plugsmm.Orders;

/// <summary>
/// Hands each event to the host's <see cref="IOrderEventHandler"/> resolved in a scope of its own, so a handler may
/// depend on scoped services (a database context) whatever lifetime it was registered with.
/// </summary>
internal sealed class ScopedEventHandler(IServiceScopeFactory scopes) : IOrderEventHandler
{
    public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<IOrderEventHandler>();
            await handler.HandleAsync(orderEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
