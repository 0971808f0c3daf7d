using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Identity.Domain.BotPresence;

/// <summary>A guild the bot was ever in, and whether it still is (GUILD_CREATE/GUILD_DELETE, or polling the bot's guilds).</summary>
public sealed class BotGuild : Entity
{
    private BotGuild(ulong guildId, string name, bool present, DateTimeOffset changedAt)
    {
        GuildId = guildId;
        Name = name;
        Present = present;
        ChangedAt = changedAt;
    }

    public ulong GuildId { get; private set; }

    public string Name { get; private set; }

    public bool Present { get; private set; }

    /// <summary>When the bot last joined or left.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public static BotGuild Joined(ulong guildId, string name, DateTimeOffset now) => new(guildId, name, present: true, now);

    /// <summary>Seen in the guild again (a GUILD_CREATE at every session start is no news: only a change moves <see cref="ChangedAt"/>).</summary>
    public void Seen(string name, DateTimeOffset now)
    {
        Name = name;
        if (!Present)
        {
            Present = true;
            ChangedAt = now;
        }
    }

    public void Left(DateTimeOffset now)
    {
        if (Present)
        {
            Present = false;
            ChangedAt = now;
        }
    }
}
