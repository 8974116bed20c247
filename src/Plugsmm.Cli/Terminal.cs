namespace Plugsmm.Cli;

/// <summary>The process's streams, and whether each is a terminal (tables and progress) or redirected (plain text).</summary>
internal sealed class Terminal
{
    public TextWriter Out { get; } = Console.Out;

    public TextWriter Error { get; } = Console.Error;

    public TextReader In { get; } = Console.In;

    public bool OutIsTerminal { get; } = !Console.IsOutputRedirected;

    public bool ErrorIsTerminal { get; } = !Console.IsErrorRedirected;

    /// <summary>Prints a one-line error on stderr: <c>plugsmm: …</c>.</summary>
    public void Fail(string message) => Error.WriteLine("plugsmm: " + message);
}
