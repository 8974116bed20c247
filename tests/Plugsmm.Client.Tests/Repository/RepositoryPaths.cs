using System.Runtime.CompilerServices;

namespace Plugsmm.Client.Tests.Repository;

internal static class RepositoryPaths
{
    /// <summary>The repository's top folder, found from this source file's own path.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
