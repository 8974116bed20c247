using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>The refund arithmetic, as a table: what each report entitles the customer to, and what is added each time.</summary>
public sealed class RefundsTests
{
    [Theory]
    [InlineData(OrderState.Partial, "2.50", 1000, 1000L, 2, "2.50")]     // nothing delivered: the whole price
    [InlineData(OrderState.Partial, "2.50", 1000, 0L, 2, "0")]           // everything delivered: nothing
    [InlineData(OrderState.Partial, "2.50", 1000, 200L, 2, "0.50")]
    [InlineData(OrderState.Partial, "1.00", 3, 1L, 2, "0.33")]           // 0.333… rounded down
    [InlineData(OrderState.Partial, "1.00", 3, 2L, 2, "0.66")]           // 0.666… rounded down, not to nearest
    [InlineData(OrderState.Partial, "2.555", 1000, 500L, 2, "1.27")]     // price with more digits than the minor unit
    [InlineData(OrderState.Partial, "2.555", 1000, 1000L, 2, "2.555")]   // nothing delivered: the whole price, unrounded
    [InlineData(OrderState.Partial, "10", 3, 1L, 0, "3")]                // a currency without minor unit
    [InlineData(OrderState.Partial, "0.08011655", 7, 3L, 4, "0.0343")]   // four-digit minor unit
    [InlineData(OrderState.Partial, "2.50", 1000, 5000L, 2, "2.50")]     // a panel reporting more than ordered: the price at most
    [InlineData(OrderState.Partial, "2.50", 1000, -5L, 2, "0")]          // never negative
    [InlineData(OrderState.Partial, "2.50", 1000, null, 2, "0")]         // remains not reported: nothing computed
    [InlineData(OrderState.Canceled, "2.50", 1000, 300L, 2, "2.50")]
    [InlineData(OrderState.Refunded, "2.555", 1000, null, 2, "2.555")]
    [InlineData(OrderState.Failed, "2.50", 1000, 0L, 2, "2.50")]
    [InlineData(OrderState.Completed, "2.50", 1000, 0L, 2, "0")]
    [InlineData(OrderState.InProgress, "2.50", 1000, 400L, 2, "0")]
    [InlineData(OrderState.Unknown, "2.50", 1000, 400L, 2, "0")]
    public void What_a_report_entitles_the_customer_to(OrderState state, string price, long quantity, long? remains, int decimals, string expected)
    {
        Assert.Equal(Money(expected), Refunds.Entitled(state, Money(price), quantity, remains, decimals));
    }

    [Fact]
    public void Repeated_updates_add_only_the_difference_never_negative_never_past_the_price()
    {
        const decimal price = 2.50m;
        var refunded = 0m;
        var added = new List<decimal>();
        foreach (var (state, remains) in new (OrderState, long?)[]
        {
            (OrderState.Partial, 300),  // 0.75
            (OrderState.Partial, 300),  // the same report again: nothing more
            (OrderState.Partial, 400),  // 1.00: the difference, 0.25
            (OrderState.Partial, 100),  // less than refunded already: nothing taken back
            (OrderState.Canceled, 100), // the whole price: what is left, 1.50
            (OrderState.Refunded, 0),   // never past the price
        })
        {
            var due = Refunds.Due(Refunds.Entitled(state, price, 1000, remains, 2), price, refunded);
            added.Add(due);
            refunded += due;
        }

        Assert.Equal([0.75m, 0m, 0.25m, 0m, 1.50m, 0m], added);
        Assert.Equal(price, refunded);
    }

    [Theory]
    [InlineData("2.50", "2.50", "3", "0")]       // refunded the whole price already
    [InlineData("2.50", "0", "3", "2.50")]       // an entitlement above the price is capped
    [InlineData("2.50", "1", "0.5", "0")]        // less than refunded: never negative
    public void What_is_added_is_capped_both_ways(string price, string refunded, string entitled, string expected)
    {
        Assert.Equal(Money(expected), Refunds.Due(Money(entitled), Money(price), Money(refunded)));
    }

    private static decimal Money(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
