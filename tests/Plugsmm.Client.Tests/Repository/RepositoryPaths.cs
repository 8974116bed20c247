namespace Plugsmm.Client.Tests.Repository;

internal static class RepositoryPaths
{
    /// <summary>
    /// The repository's top folder: the nearest folder above the test binaries that holds Plugsmm.Client.sln.
    /// (Not [CallerFilePath]: CI builds are deterministic and map source paths to "/_/".)
    /// </summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Plugsmm.Client.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Plugsmm.Client.sln above {AppContext.BaseDirectory}.");
    }
}
