using System.Globalization;

namespace Plugsmm.Client.Benchmarks;

/// <summary>The TCP sockets to or from one port, by state, from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.</summary>
internal readonly record struct SocketCounts(
    int ClientEstablished,
    int ServerEstablished,
    int TimeWait,
    int OtherStates,
    IReadOnlyDictionary<string, int> EstablishedByOwner)
{
    public int Owned(string owner) => EstablishedByOwner.TryGetValue(owner, out var n) ? n : 0;
}

/// <summary>
/// Counts the sockets of the server's port (Linux only) and, while the run goes, samples them in the background.
/// A connection is credited to the side that was running when its socket (by inode) was first seen: the sides
/// take turns and an idle side opens no connections, so each side's pool can be told apart from the other's.
/// </summary>
internal sealed class SocketProbe : IAsyncDisposable
{
    private static readonly string[] Files = ["/proc/net/tcp", "/proc/net/tcp6"];
    private static ReadOnlySpan<byte> Established => "01"u8;
    private static ReadOnlySpan<byte> TimeWaitState => "06"u8;
    private static ReadOnlySpan<byte> Listen => "0A"u8;

    private readonly int _port;
    private readonly Dictionary<long, string> _ownerByInode = [];
    private readonly Dictionary<string, (int Established, int TimeWait, int All)> _peaks = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private string _side = "idle";
    private byte[] _buffer = new byte[256 * 1024];
    private volatile bool _paused;

    public SocketProbe(int port, TimeSpan interval)
    {
        _port = port;
        _sampler = SampleAsync(interval, _stop.Token);
    }

    public static bool Available => File.Exists("/proc/net/tcp");

    /// <summary>
    /// Whether the background sampling is off (the sequential phase: PHP leaves thousands of TIME_WAIT sockets, and
    /// listing them every 50 ms would take CPU from the calls timed; that phase samples between rounds only).
    /// </summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>The side now running: new connections are credited to it, and samples raise its peaks.</summary>
    public string Side
    {
        get
        {
            lock (_gate)
            {
                return _side;
            }
        }

        set
        {
            lock (_gate)
            {
                _side = value;
            }
        }
    }

    /// <summary>The highest counts seen while <paramref name="side"/> ran: its own ESTABLISHED connections, TIME_WAIT, all client ends.</summary>
    public (int Established, int TimeWait, int All) Peak(string side)
    {
        lock (_gate)
        {
            return _peaks.TryGetValue(side, out var peak) ? peak : default;
        }
    }

    /// <summary>Forgets the peaks (a new phase begins); the owners of connections are kept.</summary>
    public void ResetPeaks()
    {
        lock (_gate)
        {
            _peaks.Clear();
        }
    }

    /// <summary>Counts the sockets now (and records the sample against the running side).</summary>
    public SocketCounts Sample()
    {
        var client = 0;
        var server = 0;
        var timeWait = 0;
        var other = 0;
        var byOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        Span<Range> fields = stackalloc Range[10];
        lock (_gate)
        {
            foreach (var file in Files)
            {
                var length = ReadAll(file);
                var text = _buffer.AsSpan(0, length);
                var newline = text.IndexOf((byte)'\n');
                text = newline < 0 ? [] : text[(newline + 1)..]; // the header
                while (!text.IsEmpty)
                {
                    newline = text.IndexOf((byte)'\n');
                    var line = newline < 0 ? text : text[..newline];
                    text = newline < 0 ? [] : text[(newline + 1)..];

                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                    if (Fields(line, fields) < 10)
                    {
                        continue;
                    }

                    var local = Port(line[fields[1]]);
                    var remote = Port(line[fields[2]]);
                    if (local != _port && remote != _port)
                    {
                        continue;
                    }

                    var state = line[fields[3]];
                    if (state.SequenceEqual(Listen))
                    {
                        continue;
                    }

                    if (state.SequenceEqual(TimeWaitState))
                    {
                        timeWait++;
                    }
                    else if (!state.SequenceEqual(Established))
                    {
                        other++;
                    }
                    else if (local == _port)
                    {
                        server++;
                    }
                    else
                    {
                        client++;
                        var inode = long.Parse(line[fields[9]], NumberStyles.None, CultureInfo.InvariantCulture);
                        if (!_ownerByInode.TryGetValue(inode, out var owner))
                        {
                            owner = _side;
                            _ownerByInode[inode] = owner;
                        }

                        byOwner[owner] = byOwner.GetValueOrDefault(owner) + 1;
                    }
                }
            }

            var established = byOwner.GetValueOrDefault(_side);
            var all = client + timeWait + other;
            var peak = _peaks.GetValueOrDefault(_side);
            _peaks[_side] = (Math.Max(peak.Established, established), Math.Max(peak.TimeWait, timeWait), Math.Max(peak.All, all));
        }

        return new SocketCounts(client, server, timeWait, other, byOwner);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sampler.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Splits <paramref name="line"/> at runs of spaces into at most <c>fields.Length</c> fields; returns how many.</summary>
    private static int Fields(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (count < fields.Length)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ')
            {
                i++;
            }

            fields[count++] = start..i;
        }

        return count;
    }

    private static int Port(ReadOnlySpan<byte> address) =>
        int.Parse(address[(address.LastIndexOf((byte)':') + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The whole file into <see cref="_buffer"/> (procfs reports no length: read until the end).</summary>
    private int ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = stream.Read(_buffer, length, _buffer.Length - length);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!Paused)
            {
                Sample();
            }
        }
    }
}

/// <summary>CPU time of this process, the panel's and the whole machine's (<c>/proc/stat</c>) at one moment.</summary>
internal readonly record struct CpuSnapshot(long Timestamp, TimeSpan Self, TimeSpan Server, long MachineBusy, long MachineInterrupts, long MachineSteal, long MachineTotal)
{
    public static CpuSnapshot Take(LoopbackPanelProcess server)
    {
        var (busy, interrupts, steal, total) = ReadProcStat();
        return new CpuSnapshot(System.Diagnostics.Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, server.CpuTime, busy, interrupts, steal, total);
    }

    /// <summary>
    /// Jiffies of the first line of /proc/stat: busy (user, nice, system, irq, softirq), interrupts (irq, softirq:
    /// loopback TCP is mostly processed there, charged to no process), steal and all of them.
    /// </summary>
    private static (long Busy, long Interrupts, long Steal, long Total) ReadProcStat()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        using var reader = new StreamReader("/proc/stat");
        var fields = (reader.ReadLine() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return default;
        }

        var values = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal
        var busy = values[0] + values[1] + values[2] + values[5] + values[6];
        return (busy, values[5] + values[6], values[7], values.Sum());
    }
}

/// <summary>Where the CPU went between two snapshots, as shares of the whole machine (all cores).</summary>
internal readonly record struct CpuShares(double Seconds, double Self, double Server, double Machine, double Interrupts, double Steal)
{
    public static CpuShares Between(CpuSnapshot before, CpuSnapshot after)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        var capacity = seconds * Environment.ProcessorCount;
        var total = after.MachineTotal - before.MachineTotal;
        return new CpuShares(
            seconds,
            (after.Self - before.Self).TotalSeconds / capacity,
            (after.Server - before.Server).TotalSeconds / capacity,
            total > 0 ? (double)(after.MachineBusy - before.MachineBusy) / total : double.NaN,
            total > 0 ? (double)(after.MachineInterrupts - before.MachineInterrupts) / total : double.NaN,
            total > 0 ? (double)(after.MachineSteal - before.MachineSteal) / total : double.NaN);
    }
}

/// <summary>
/// The runtime's allocation sampling (<c>GCAllocationTick</c>: one event per ≈ 100 KB allocated, naming the type
/// that crossed the mark), summed by type while it is on: where a side's bytes go, approximately. For
/// <c>--diagnose</c>; it slows the process a little, so rounds it watches are not timed.
/// </summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private const System.Diagnostics.Tracing.EventKeywords GcKeyword = (System.Diagnostics.Tracing.EventKeywords)0x1;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public bool On
    {
        get => _on;
        set => _on = value;
    }

    /// <summary>The sampled bytes by type, and clears them.</summary>
    public Dictionary<string, long> Take()
    {
        var taken = new Dictionary<string, long>(_bytes, StringComparer.Ordinal);
        _bytes.Clear();
        return taken;
    }

    /// <summary>A readable name: an async state machine's box is named after the method; generic arguments dropped.</summary>
    public static string ShortName(string type)
    {
        const string Box = "AsyncStateMachineBox`1[";
        if (type.StartsWith(Box, StringComparison.Ordinal) && type.EndsWith(']'))
        {
            var inner = type[Box.Length..^1];
            var depth = 0;
            var lastComma = -1;
            for (var i = 0; i < inner.Length; i++)
            {
                depth += inner[i] switch { '[' => 1, ']' => -1, _ => 0 };
                if (inner[i] == ',' && depth == 0)
                {
                    lastComma = i;
                }
            }

            return "async state machine " + ShortName(inner[(lastComma + 1)..]);
        }

        var bracket = type.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && !type.EndsWith("[]", StringComparison.Ordinal) ? type[..bracket] : type;
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)
            || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var typeIndex = names.IndexOf("TypeName");
        var amountIndex = names.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        var amount = Convert.ToInt64(payload[amountIndex], CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(ShortName(payload[typeIndex] as string ?? "?"), amount, (_, sum) => sum + amount);
    }
}
