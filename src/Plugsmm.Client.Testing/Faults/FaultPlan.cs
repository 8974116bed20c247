namespace Plugsmm.Client.Testing;

/// <summary>
/// Which requests of the simulated panel get which fault: queued for the next requests (of one action or any),
/// or drawn at a rate from a seeded random source, so a run is repeatable.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<(PanelFault Fault, string? Action, int Remaining)> _queued = [];
    private (double Rate, Random Random, PanelFault[] Faults, string? Action)? _rate;

    /// <summary>Gives the next <paramref name="times"/> requests (of <paramref name="action"/>, or any) <paramref name="fault"/>.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="action">Only requests with this action (<c>add</c>, …); null for any.</param>
    /// <param name="times">How many requests.</param>
    /// <returns>This plan.</returns>
    public FaultPlan Next(PanelFault fault, string? action = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _queued.Add((fault, action, times));
        }

        return this;
    }

    /// <summary>
    /// Gives each request (of <paramref name="action"/>, or any) a fault with probability <paramref name="rate"/>, drawn
    /// from <paramref name="faults"/> (every kind when empty), deterministically for a <paramref name="seed"/>.
    /// </summary>
    /// <param name="rate">From 0 to 1.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="action">Only requests with this action; null for any.</param>
    /// <param name="faults">The faults to draw from.</param>
    /// <returns>This plan.</returns>
    public FaultPlan AtRate(double rate, int seed, string? action = null, params PanelFault[] faults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            _rate = (rate, new Random(seed), faults.Length == 0 ? [.. PanelFault.All] : faults, action);
        }

        return this;
    }

    /// <summary>Removes every queued fault and the rate.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queued.Clear();
            _rate = null;
        }
    }

    /// <summary>The fault for a request with <paramref name="action"/>, or null.</summary>
    internal PanelFault? Take(string action)
    {
        lock (_gate)
        {
            for (var i = 0; i < _queued.Count; i++)
            {
                var (fault, only, remaining) = _queued[i];
                if (only is not null && only != action)
                {
                    continue;
                }

                if (remaining == 1)
                {
                    _queued.RemoveAt(i);
                }
                else
                {
                    _queued[i] = (fault, only, remaining - 1);
                }

                return fault;
            }

            if (_rate is { } rate && (rate.Action is null || rate.Action == action) && rate.Random.NextDouble() < rate.Rate)
            {
                return rate.Faults[rate.Random.Next(rate.Faults.Length)];
            }

            return null;
        }
    }
}
