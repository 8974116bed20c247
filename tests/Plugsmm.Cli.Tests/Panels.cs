namespace Plugsmm.Cli.Tests;

/// <summary><c>simulate --balance 0</c>: every order is refused for funds.</summary>
public sealed class BrokePanel : Simulator
{
    protected override string[] Options => ["--balance", "0"];
}

/// <summary><c>simulate --fault-rate 1 --fault drop-after --fault-action add</c>: every order is taken, then the connection drops.</summary>
public sealed class DroppingPanel : Simulator
{
    protected override string[] Options => ["--fault-rate", "1", "--fault", "drop-after", "--fault-action", "add", "--seed", "7"];
}

/// <summary><c>simulate --rate-limit 1</c>: one request a minute, then HTTP 429 with Retry-After.</summary>
public sealed class RateLimitedPanel : Simulator
{
    protected override string[] Options => ["--rate-limit", "1", "--latency", "1"];
}

/// <summary><c>simulate --fault-rate 1 --fault drop-after --fault-action cancel</c>: every cancel is carried out, then the connection drops.</summary>
public sealed class DroppingCancelPanel : Simulator
{
    protected override string[] Options => ["--fault-rate", "1", "--fault", "drop-after", "--fault-action", "cancel"];
}

/// <summary><c>simulate --key K --balance 12.5</c>: a panel with its own test key and balance.</summary>
public sealed class KeyedPanel : Simulator
{
    public const string OwnKey = "my-test-panel-key";

    protected override string[] Options => ["--key", OwnKey, "--balance", "12.5"];
}

/// <summary><c>simulate --latency 300</c>: every answer a little late, so a progress bar has time to show.</summary>
public sealed class SlowPanel : Simulator
{
    protected override string[] Options => ["--latency", "300"];
}
