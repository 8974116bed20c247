namespace Plugsmm.Orders;

/// <summary>Exponential waits: <c>first × 2^(attempt - 1)</c>, at most <c>max</c>.</summary>
internal static class Backoff
{
    internal static TimeSpan For(int attempt, TimeSpan first, TimeSpan max)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = first.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
