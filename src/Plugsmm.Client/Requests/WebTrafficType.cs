namespace Plugsmm.Client;

/// <summary>Where the visits of a <see cref="WebTrafficOrder"/> seem to come from, sent as the panel numbers it (<c>type_of_traffic</c>).</summary>
public enum WebTrafficType
{
    /// <summary>A Google search for <see cref="WebTrafficOrder.GoogleKeyword"/> (1).</summary>
    GoogleKeyword = 1,

    /// <summary>A link on <see cref="WebTrafficOrder.ReferringUrl"/> (2).</summary>
    CustomReferrer = 2,

    /// <summary>No referrer (3).</summary>
    BlankReferrer = 3,
}
