using System.Text.Json;

namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

/// <summary>
/// <c>plugin.json</c> in a plugin's folder: <c>{ "id", "version", "entryAssembly", "hostApiVersion" }</c>.
/// </summary>
public sealed record PluginManifest(string Id, string Version, string EntryAssembly, string HostApiVersion)
{
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="PluginRefusedException">The file is missing, unreadable, or lacks a field.</exception>
    public static PluginManifest Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            throw new PluginRefusedException($"it has no {FileName}");
        }

        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(file), Json);
        }
        catch (JsonException invalid)
        {
            throw new PluginRefusedException($"{FileName} is not valid JSON ({invalid.Message})");
        }

        if (manifest is null
            || string.IsNullOrWhiteSpace(manifest.Id)
            || string.IsNullOrWhiteSpace(manifest.Version)
            || string.IsNullOrWhiteSpace(manifest.EntryAssembly)
            || string.IsNullOrWhiteSpace(manifest.HostApiVersion))
        {
            throw new PluginRefusedException($"{FileName} must name id, version, entryAssembly and hostApiVersion");
        }

        return manifest;
    }
}

/// <summary>Why a plugin folder was not loaded; the host logs it and goes on without the plugin.</summary>
public sealed class PluginRefusedException(string reason) : Exception(reason);
