namespace Plugsmm.Client;

/// <summary>The visitors' device of a <see cref="WebTrafficOrder"/>, sent as the panel numbers it (<c>device</c>).</summary>
public enum WebTrafficDevice
{
    /// <summary>Desktop (1).</summary>
    Desktop = 1,

    /// <summary>Mobile, Android (2).</summary>
    MobileAndroid = 2,

    /// <summary>Mobile, iOS (3).</summary>
    MobileIos = 3,

    /// <summary>Mobile, Android and iOS mixed (4).</summary>
    MixedMobile = 4,

    /// <summary>Desktop and mobile mixed (5).</summary>
    Mixed = 5,
}
