using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// Where the key comes from: <c>--key-file FILE</c>, else <c>PLUGSMMS_API_KEY_FILE</c>, else <c>PLUGSMMS_API_KEY</c>. Never a
/// flag holding the key itself (it would land in shell history and in the process list).
/// </summary>
internal static class ApiKeySource
{
    public const string KeyFileVariable = "PLUGSMMS_API_KEY_FILE";

    /// <summary>The key, or null when none is set.</summary>
    public static string? Find(string? keyFileFlag)
    {
        if (keyFileFlag is not null)
        {
            return ReadFile("--key-file", keyFileFlag);
        }

        if (Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } fromVariable)
        {
            return ReadFile(KeyFileVariable, fromVariable);
        }

        return Environment.GetEnvironmentVariable(PlugsmmClientOptions.ApiKeyVariable) is { } key && !string.IsNullOrWhiteSpace(key) ? key.Trim() : null;
    }

    public static string Require(string? keyFileFlag) =>
        Find(keyFileFlag) ?? throw new UsageException(
            $"no API key: set {PlugsmmClientOptions.ApiKeyVariable}, or put the key in a file and pass --key-file FILE (or set {KeyFileVariable}).");

    private static string ReadFile(string source, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{source}: cannot read the key file '{path}': {exception.Message}", exception);
        }

        var key = text.Trim();
        return key.Length > 0 && key.AsSpan().IndexOfAny('\r', '\n') < 0
            ? key
            : throw new UsageException($"{source}: the key file '{path}' must hold the key alone on one line.");
    }
}
