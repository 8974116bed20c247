using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// A Subscriptions order: every new post of a user gets between <see cref="Min"/> and <see cref="Max"/> units.
/// It has no link: the panel follows <see cref="Username"/>.
/// </summary>
public sealed class SubscriptionsOrder : OrderRequest
{
    /// <summary>The delays, in minutes, the panels accept.</summary>
    public static IReadOnlyList<int> AllowedDelays { get; } = [0, 5, 10, 15, 20, 30, 40, 50, 60, 90, 120, 150, 180, 210, 240, 270, 300, 360, 420, 480, 540, 600];

    /// <inheritdoc />
    public override string ServiceType => "Subscriptions";

    /// <summary>The user whose new posts are served. Sent as <c>username</c>.</summary>
    public required string Username { get; init; }

    /// <summary>The fewest units per post. Sent as <c>min</c>.</summary>
    public required long Min { get; init; }

    /// <summary>The most units per post. Sent as <c>max</c>.</summary>
    public required long Max { get; init; }

    /// <summary>How many new posts to serve; <see langword="null"/> for no limit. Sent as <c>posts</c>.</summary>
    public int? Posts { get; init; }

    /// <summary>How many existing posts to serve too; <see langword="null"/> for none. Sent as <c>old_posts</c>.</summary>
    public int? OldPosts { get; init; }

    /// <summary>Minutes to wait after a post before serving it; one of <see cref="AllowedDelays"/>. Sent as <c>delay</c>.</summary>
    public int Delay { get; init; }

    /// <summary>The day the subscription ends; <see langword="null"/> for none. Sent as <c>expiry</c> in <c>d/m/Y</c> form (<c>05/03/2027</c>).</summary>
    public DateOnly? Expiry { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("username", Username));
        fields.Add(new("min", Min));
        fields.Add(new("max", Max));
        if (Posts is { } posts)
        {
            fields.Add(new("posts", posts));
        }

        if (OldPosts is { } oldPosts)
        {
            fields.Add(new("old_posts", oldPosts));
        }

        fields.Add(new("delay", Delay));
        if (Expiry is { } expiry)
        {
            // PHP's date('d/m/Y'): two-digit day and month, four-digit year.
            fields.Add(new("expiry", expiry.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture)));
        }
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Username, nameof(Username), "username");
        check.Positive(Min, nameof(Min), "min");
        check.Positive(Max, nameof(Max), "max");
        if (Max < Min)
        {
            throw check.Fail(nameof(Max), "max", $"must not be less than Min ({Min.ToString(CultureInfo.InvariantCulture)})");
        }

        if (Posts is { } posts)
        {
            check.Positive(posts, nameof(Posts), "posts");
        }

        if (OldPosts is { } oldPosts)
        {
            check.NotNegative(oldPosts, nameof(OldPosts), "old_posts");
        }

        if (!AllowedDelays.Contains(Delay))
        {
            throw check.Fail(nameof(Delay), "delay", $"must be one of {string.Join(", ", AllowedDelays)} minutes (was {Delay.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
