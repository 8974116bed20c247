using System.Globalization;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Benchmarks;

/// <summary>
/// <c>--serve-panel</c>: the simulated panel on Kestrel in a process of its own, so that the run's CPU time is the
/// engine's alone. It writes <c>address=… key=…</c> once it listens, then answers one line per command on stdin:
/// <c>limit N|off</c> (its <see cref="SimulatedPanel.RateLimitPerMinute"/>), <c>latency MS</c>, <c>mark N</c> (counts
/// from now on: cycles of N orders), <c>stats</c>; <c>stop</c> or the end of stdin stops it.
/// </summary>
internal static class PanelServer
{
    /// <summary>The service the run orders from: it starts a day after the order, so every order stays active (Pending).</summary>
    public static readonly SimulatedService Service = new()
    {
        Id = 100,
        Name = "Orders benchmark [starts in a day]",
        Category = "Benchmark",
        RatePer1000 = 0.85m,
        Min = 10,
        Max = 100_000,
        StartDelay = TimeSpan.FromDays(1),
    };

    public static async Task<int> ServeAsync()
    {
        var panel = SimulatedPanel.CreateDefault();
        await using (panel.ConfigureAwait(false))
        {
            panel.Services.Add(Service);
            panel.SetBalance(100_000_000m);
            var address = await panel.StartAsync().ConfigureAwait(false);
            var counter = new LedgerCounter(panel);
            await Console.Out.WriteLineAsync($"address={address} key={panel.ApiKey}").ConfigureAwait(false);
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line != "stop")
            {
                var answer = line.Split(' ') switch
                {
                    ["limit", "off"] => Done(() => panel.RateLimitPerMinute = null),
                    ["limit", var n] => Done(() => panel.RateLimitPerMinute = Parse(n)),
                    ["latency", var ms] => Done(() => panel.Latency = TimeSpan.FromMilliseconds(Parse(ms))),
                    ["mark", var n] => counter.Mark(Parse(n)),
                    ["stats"] => counter.Stats(),
                    _ => "error unknown command: " + line,
                };
                await Console.Out.WriteLineAsync(answer).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static int Parse(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Done(Action action)
    {
        action();
        return "ok";
    }

    /// <summary>
    /// Reads the panel's ledger: requests and 429s since the mark, and tracking cycles: a cycle ends when every one of
    /// the N orders has been asked in a <c>status</c> answered since the previous cycle ended (the first from the mark).
    /// </summary>
    private sealed class LedgerCounter(SimulatedPanel panel)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<double> _cycles = [];
        private int _read;
        private int _active;
        private DateTimeOffset _cycleStart;
        private DateTimeOffset _mark;
        private double _first = -1;
        private long _requests;
        private long _status;
        private long _refused;
        private long _polled;

        public string Mark(int active)
        {
            Read();
            (_active, _cycleStart, _requests, _status, _refused, _polled, _first) = (active, panel.TimeProvider.GetUtcNow(), 0, 0, 0, 0, -1);
            _mark = _cycleStart;
            _ids.Clear();
            _cycles.Clear();
            return "ok";
        }

        public string Stats()
        {
            Read();
            return string.Create(CultureInfo.InvariantCulture,
                $"first={_first.ToString("F3", CultureInfo.InvariantCulture)} requests={_requests} status={_status} status429={_refused} polled={_polled} orders={panel.Orders.Count} cycles={string.Join(';', _cycles.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)))}");
        }

        private void Read()
        {
            var requests = panel.Requests;  // the ledger only grows (MaxLedgerRequests is not set)
            for (; _read < requests.Count; _read++)
            {
                var request = requests[_read];
                _requests++;
                if (request.Fault?.StatusCode == 429)
                {
                    _refused++;
                    continue;
                }

                if (request.Action != "status")
                {
                    continue;
                }

                _status++;
                if (_first < 0)
                {
                    _first = (request.At - _mark).TotalSeconds;
                }

                var ids = request.Fields.TryGetValue("orders", out var many) ? many.Split(',') : request.Fields.TryGetValue("order", out var one) ? [one] : [];
                foreach (var id in ids)
                {
                    _polled++;
                    _ids.Add(id);
                }

                if (_active > 0 && _ids.Count >= _active)
                {
                    _cycles.Add((request.At - _cycleStart).TotalSeconds);
                    _cycleStart = request.At;
                    _ids.Clear();
                }
            }
        }
    }
}
