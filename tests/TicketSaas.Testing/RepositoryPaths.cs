namespace TicketSaas.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding TicketSaas.sln, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketSaas.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TicketSaas.sln not found above {AppContext.BaseDirectory}.");
    }
}
