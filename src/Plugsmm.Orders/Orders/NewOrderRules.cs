using System.Globalization;
using System.Text;

namespace Plugsmm.Orders;

/// <summary>What <see cref="OrderEngine.AcceptAsync"/> checks before storing an order: each broken rule names its field.</summary>
internal static class NewOrderRules
{
    /// <returns>The first broken rule, naming its field, or null when the order may be stored.</returns>
    internal static string? Problem(NewOrder order, IReadOnlySet<string> panels) =>
        string.IsNullOrWhiteSpace(order.IdempotencyKey) ? "NewOrder.IdempotencyKey is required (one key per customer purchase)."
        : order.IdempotencyKey.Length > NewOrder.MaxIdempotencyKeyLength ? $"NewOrder.IdempotencyKey has {Text(order.IdempotencyKey.Length)} characters; at most {Text(NewOrder.MaxIdempotencyKeyLength)}."
        : order.Panel is null || !panels.Contains(order.Panel) ? $"NewOrder.Panel '{order.Panel}' is not one of PlugsmmOrdersOptions.Panels."
        : order.ServiceId <= 0 ? $"NewOrder.ServiceId must be above 0; got {Text(order.ServiceId)}."
        : string.IsNullOrWhiteSpace(order.Link) ? "NewOrder.Link is required."
        : HasLoneSurrogate(order.Link) ? "NewOrder.Link holds a lone surrogate: it cannot be sent without altering the link."
        : order.Quantity <= 0 ? $"NewOrder.Quantity must be above 0; got {Text(order.Quantity)}."
        : order.Price < 0m ? $"NewOrder.Price must be 0 or more; got {order.Price.ToString(CultureInfo.InvariantCulture)}."
        : null;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            i += used;
        }

        return false;
    }
}
