namespace Plugsmm.Cli;

/// <summary>Bad input found after parsing (an unreadable file, a bad id, a missing key): one line on stderr, exit 64, nothing sent.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
