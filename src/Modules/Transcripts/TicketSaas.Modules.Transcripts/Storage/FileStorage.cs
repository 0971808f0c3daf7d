using Microsoft.Extensions.Options;

namespace TicketSaas.Modules.Transcripts.Storage;

/// <summary>
/// Where transcripts keep their documents and their copies of Discord's files. Keys are relative paths made by this
/// module ("guilds/{guild}/…"), never user input.
/// </summary>
internal interface IFileStorage
{
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <returns>Null when nothing is stored under the key.</returns>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deleting what is not there is not an error: clean-ups may run twice.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Configuration section "Transcripts:Storage".</summary>
internal sealed class FileStorageOptions
{
    /// <summary>The folder of the file-system storage; relative paths are under the working directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "files");
}

/// <summary>The default storage: one file per key under a folder. Writes go to a temporary file first, so a crash leaves no half file.</summary>
internal sealed class FileSystemStorage(IOptions<FileStorageOptions> options) : IFileStorage
{
    private readonly string _root = System.IO.Path.GetFullPath(options.Value.Path);

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        // File.Delete ignores a missing file but not a missing folder, which a key whose file was never written has.
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys are ours, but a key that would leave the root is refused all the same.</summary>
    private string PathOf(string key)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(_root, key));
        if (!path.StartsWith(_root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || key.Contains('\\'))
        {
            throw new ArgumentException($"The storage key '{key}' is not a path under the storage root.", nameof(key));
        }

        return path;
    }
}
