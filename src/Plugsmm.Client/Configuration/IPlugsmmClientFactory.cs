namespace Plugsmm.Client;

/// <summary>Creates the clients registered with <c>AddPlugsmmClient(name, ...)</c>: several panels side by side.</summary>
public interface IPlugsmmClientFactory
{
    /// <summary>The client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddPlugsmmClient</c>; the empty string for the default client.</param>
    /// <returns>A client for that panel.</returns>
    IPlugsmmClient CreateClient(string name);
}
