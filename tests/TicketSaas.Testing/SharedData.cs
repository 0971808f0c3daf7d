using Xunit;

namespace TicketSaas.Testing;

/// <summary>
/// Reads the product's shared reference data (../shared beside the repository). Tests never copy it.
/// When it is missing: under CI (the CI variable is set) the test fails; elsewhere it is skipped, saying why.
/// Call from a [SkippableFact] or [SkippableTheory].
/// </summary>
public static class SharedData
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));

    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var reason = $"{relativePath} not found under {Folder}: the shared reference data must sit beside the repository.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new FileNotFoundException(reason, path);
        }

        throw new SkipException(reason);
    }

    public static string ReadText(string relativePath) => File.ReadAllText(PathOf(relativePath));
}
