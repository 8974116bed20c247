namespace Plugsmm.Cli;

/// <summary>plugsmm: the operator's command-line tool for SMM panels speaking API v2. See <see cref="CliApp"/>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
