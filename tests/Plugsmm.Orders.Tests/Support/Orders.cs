namespace Plugsmm.Orders.Tests;

/// <summary>Orders for tests: the default panel's service 1 (followers, min 50, 0.90 per 1000).</summary>
internal static class Orders
{
    public static NewOrder New(string key, string? link = null, long quantity = 1000, decimal price = 2.50m, long serviceId = 1) => new()
    {
        IdempotencyKey = key,
        ServiceId = serviceId,
        Link = link ?? "https://instagram.com/" + key,
        Quantity = quantity,
        Price = price,
    };
}
