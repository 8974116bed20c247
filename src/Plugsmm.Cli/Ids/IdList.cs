using System.Globalization;

namespace Plugsmm.Cli;

/// <summary>
/// Ids as the tool takes them: arguments, comma lists (<c>1,2,3</c>), <c>@FILE</c> (ids separated by commas, spaces or
/// lines) and <c>-</c> (the same from stdin), any number of them. Ids are 64-bit; repeated ids are kept once, in order.
/// </summary>
internal static class IdList
{
    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    public static async Task<IReadOnlyList<long>> ReadAsync(IReadOnlyList<string> tokens, string idName, TextReader stdin, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var seen = new HashSet<long>();
        var stdinRead = false;
        foreach (var token in tokens)
        {
            string text;
            string source;
            if (token == "-")
            {
                if (stdinRead)
                {
                    throw new UsageException("'-' (ids from stdin) is given twice.");
                }

                stdinRead = true;
                text = await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                source = "stdin";
            }
            else if (token.StartsWith('@'))
            {
                var path = token[1..];
                text = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
                source = path;
            }
            else
            {
                text = token;
                source = string.Empty;
            }

            foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                {
                    var from = source.Length == 0 ? string.Empty : $" (in {source})";
                    throw new UsageException($"'{Shorten(part)}'{from} is not a valid {idName} id: ids are whole numbers from 1 to 9223372036854775807.");
                }

                if (seen.Add(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids.Count > 0 ? ids : throw new UsageException($"no {idName} ids given: pass them as arguments (1 2 3 or 1,2,3), @FILE, or - for stdin.");
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            throw new UsageException("'@' needs a file name: @ids.txt.");
        }

        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read ids from '{path}': {exception.Message}", exception);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
