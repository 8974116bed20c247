namespace Plugsmm.Cli;

/// <summary>Reads the lines of a file given to a flag (<c>-</c> for stdin); a missing or unreadable file is a usage error naming the flag.</summary>
internal static class TextFile
{
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(string flag, string path, TextReader stdin, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = path == "-"
                ? await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{flag}: cannot read '{path}': {exception.Message}", exception);
        }

        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0).ToList();
        return lines.Count > 0 ? lines : throw new UsageException($"{flag}: '{path}' has no non-blank line.");
    }
}
