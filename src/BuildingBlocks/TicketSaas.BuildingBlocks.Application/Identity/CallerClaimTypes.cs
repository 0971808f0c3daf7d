namespace TicketSaas.BuildingBlocks.Application.Identity;

/// <summary>The claims every module reads; Identity issues them, hosts carry them.</summary>
public static class CallerClaimTypes
{
    /// <summary>The Discord user id (a snowflake, as a decimal string).</summary>
    public const string UserId = "ticketsaas:user_id";

    /// <summary>Present with value "true" for platform administrators.</summary>
    public const string PlatformAdmin = "ticketsaas:platform_admin";

    /// <summary>One claim per guild the caller manages (owner, ADMINISTRATOR or MANAGE_GUILD); value: guild id.</summary>
    public const string ManagedGuild = "ticketsaas:managed_guild";

    /// <summary>One claim per role the caller holds in a guild; value: "guildId:roleId".</summary>
    public const string GuildRole = "ticketsaas:guild_role";
}
