namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>The ids of calls made outside a caller's scope: 16 lowercase hex digits, no two alike, every digit used.</summary>
public sealed class CorrelationIdTests
{
    [Fact]
    public void Generated_ids_are_16_hex_digits_and_distinct()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => PlugsmmCorrelation.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        // Random bits everywhere: each position takes every one of the 16 digits (the top one too, not just 0-7).
        for (var position = 0; position < 16; position++)
        {
            Assert.Equal(16, ids.Select(id => id[position]).Distinct().Count());
        }
    }

    [Fact]
    public void A_scope_id_wins_over_a_generated_one()
    {
        using (PlugsmmCorrelation.Begin("tg-42"))
        {
            Assert.Equal("tg-42", PlugsmmCorrelation.ForCall());
        }

        Assert.NotEqual("tg-42", PlugsmmCorrelation.ForCall());
    }
}
