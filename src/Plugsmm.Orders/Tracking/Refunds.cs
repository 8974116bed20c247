using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The customer's refund, from what the panel reports: Partial refunds price × remains / quantity rounded down to the
/// currency's minor unit; Canceled, Refunded and Failed the whole price; anything else nothing. Refunds accumulate: a
/// later report adds only what it entitles beyond what was refunded, never a negative amount, never past the price.
/// </summary>
internal static class Refunds
{
    /// <summary>The whole refund a report entitles the customer to (not what is left to pay).</summary>
    /// <param name="state">The panel's state.</param>
    /// <param name="price">What the customer paid.</param>
    /// <param name="quantity">The quantity ordered.</param>
    /// <param name="remains">The units the panel did not deliver, as it reports them (null: not reported).</param>
    /// <param name="decimals">The digits of the currency's minor unit.</param>
    /// <returns>The entitlement, between 0 and the price.</returns>
    internal static decimal Entitled(OrderState state, decimal price, long quantity, long? remains, int decimals) => state switch
    {
        OrderState.Partial => remains is { } undelivered ? Share(price, quantity, undelivered, decimals) : 0m,
        OrderState.Canceled or OrderState.Refunded or OrderState.Failed => Math.Max(price, 0m),
        _ => 0m,
    };

    /// <summary>The refund to add now: the entitlement less what was refunded, at least 0 and at most what is left of the price.</summary>
    /// <param name="entitled">The whole entitlement (<see cref="Entitled"/>).</param>
    /// <param name="price">What the customer paid.</param>
    /// <param name="refunded">What was refunded so far.</param>
    /// <returns>The amount to refund with this report.</returns>
    internal static decimal Due(decimal entitled, decimal price, decimal refunded) =>
        Math.Max(0m, Math.Min(entitled, price) - Math.Max(refunded, 0m));

    /// <summary>price × remains / quantity, rounded down; nothing delivered (remains ≥ quantity) is the whole price, unrounded.</summary>
    private static decimal Share(decimal price, long quantity, long remains, int decimals)
    {
        if (price <= 0m || quantity <= 0 || remains <= 0)
        {
            return 0m;
        }

        return remains >= quantity ? price : decimal.Round(price * remains / quantity, decimals, MidpointRounding.ToZero);
    }
}
