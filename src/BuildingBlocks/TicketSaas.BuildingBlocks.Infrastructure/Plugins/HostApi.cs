namespace TicketSaas.BuildingBlocks.Infrastructure.Plugins;

/// <summary>
/// The version of what hosts offer plugins: <c>BuildingBlocks.*</c>, the modules' Contracts and the
/// <see cref="Modules.IModule"/> contract. A plugin's manifest names the version it was built against.
/// Raise the minor for additions, the major for anything that can break a built plugin.
/// </summary>
public static class HostApi
{
    public static Version Version { get; } = new(1, 0);

    /// <summary>Same major, and no newer minor than the host's: a plugin may rely on anything up to what it was built against.</summary>
    public static bool Accepts(Version builtAgainst) =>
        builtAgainst.Major == Version.Major && builtAgainst.Minor <= Version.Minor;
}
