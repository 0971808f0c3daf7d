namespace TicketSaas.BuildingBlocks.Application.Identity;

/// <summary>Authorization policy names shared by every module's endpoints.</summary>
public static class Policies
{
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>Manages the guild named by the route value <c>guildId</c> (or is a platform admin).</summary>
    public const string GuildAdmin = "GuildAdmin";

    /// <summary>Holds any role in, or manages, the guild named by the route value <c>guildId</c>; modules narrow it per category.</summary>
    public const string GuildStaff = "GuildStaff";
}
