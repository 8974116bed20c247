namespace Plugsmm.Sample.Bot;

/// <summary>What the bot sells under a name users type (<c>followers</c>), and which provider service delivers it.</summary>
public sealed class BoostOffer
{
    /// <summary>The name users type: <c>/boost followers https://… 100</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The provider's service id (from configuration: Bot:Offers:followers:ServiceId).</summary>
    public required long ServiceId { get; init; }
}
