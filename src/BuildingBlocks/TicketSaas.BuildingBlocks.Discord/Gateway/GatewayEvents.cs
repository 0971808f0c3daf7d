using System.Text.Json;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;

namespace TicketSaas.BuildingBlocks.Discord.Gateway;

/// <summary>A dispatch (op 0) received by one shard. <see cref="Sequence"/> counts per session, without gaps.</summary>
public abstract record GatewayEvent
{
    public int Shard { get; init; }
    public long Sequence { get; init; }

    /// <summary>The guild the event belongs to; null for DMs and session events.</summary>
    public ulong? GuildId { get; init; }

    internal static GatewayEvent Parse(string name, JsonElement data, int shard, long sequence)
    {
        var options = DiscordJson.Options;
        GatewayEvent parsed = name switch
        {
            "READY" => new SessionReady(data.GetProperty("session_id").GetString() ?? ""),
            "RESUMED" => new SessionResumed(),
            "INTERACTION_CREATE" => new InteractionDispatched(InteractionCreated.From(Read<DiscordInteraction>(data, options))),
            "MESSAGE_CREATE" => new MessageCreated(Read<DiscordMessage>(data, options)),
            "THREAD_UPDATE" => new ThreadUpdated(Read<DiscordChannel>(data, options)),
            "THREAD_DELETE" => new ThreadDeleted(Read<DiscordChannel>(data, options)),
            "CHANNEL_UPDATE" => new ChannelUpdated(Read<DiscordChannel>(data, options)),
            "CHANNEL_DELETE" => new ChannelDeleted(Read<DiscordChannel>(data, options)),
            "GUILD_CREATE" => new GuildAvailable(Read<DiscordGuild>(data, options)),
            "GUILD_DELETE" => new GuildRemoved(Read<DiscordGuild>(data, options).Unavailable == true),
            "GUILD_MEMBER_UPDATE" => new GuildMemberUpdated(Read<DiscordMember>(data, options)),
            _ => new OtherDispatch(name, data.Clone()),
        };
        var guildProperty = name is "GUILD_CREATE" or "GUILD_DELETE" ? "id" : "guild_id";
        var guildId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(guildProperty, out var id) && id.ValueKind == JsonValueKind.String
            ? ulong.Parse(id.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : (ulong?)null;
        return parsed with { Shard = shard, Sequence = sequence, GuildId = guildId };
    }

    private static T Read<T>(JsonElement data, JsonSerializerOptions options) =>
        data.Deserialize<T>(options) ?? throw new JsonException($"The dispatch holds no {typeof(T).Name}.");
}

/// <summary>A new session started (after an identify); the guilds follow as <see cref="GuildAvailable"/>.</summary>
public sealed record SessionReady(string SessionId) : GatewayEvent;

/// <summary>A session was resumed: every dispatch missed while disconnected was replayed before this.</summary>
public sealed record SessionResumed : GatewayEvent;

/// <summary>The same events the HTTP interactions endpoint raises; answer with the interaction callback over REST.</summary>
public sealed record InteractionDispatched(InteractionCreated Interaction) : GatewayEvent;

/// <summary>Content is empty unless the bot holds MESSAGE_CONTENT, is mentioned, wrote it, or it is a DM.</summary>
public sealed record MessageCreated(DiscordMessage Message) : GatewayEvent;

/// <summary>A thread changed: archived, locked, renamed.</summary>
public sealed record ThreadUpdated(DiscordChannel Thread) : GatewayEvent;

/// <summary>Holds only id, guild_id, parent_id and type.</summary>
public sealed record ThreadDeleted(DiscordChannel Thread) : GatewayEvent;

public sealed record ChannelUpdated(DiscordChannel Channel) : GatewayEvent;

public sealed record ChannelDeleted(DiscordChannel Channel) : GatewayEvent;

/// <summary>A guild became known: at session start, after an outage, or when the bot joined it.</summary>
public sealed record GuildAvailable(DiscordGuild Guild) : GatewayEvent;

/// <summary>The bot left or was removed from the guild, or (<see cref="Unavailable"/>) an outage hides it.</summary>
public sealed record GuildRemoved(bool Unavailable) : GatewayEvent;

/// <summary>Needs GUILD_MEMBERS. The member's roles, nick or timeout changed.</summary>
public sealed record GuildMemberUpdated(DiscordMember Member) : GatewayEvent;

/// <summary>Any dispatch without a type of its own, kept raw so that sequence numbers stay observable.</summary>
public sealed record OtherDispatch(string Name, JsonElement Data) : GatewayEvent;

/// <summary>Receives every dispatch of every shard, in order per shard; a slow handler delays its shard.</summary>
public interface IDiscordGatewayHandler
{
    ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A module's listener for dispatches (THREAD_DELETE, MESSAGE_CREATE …) under <see cref="DiscordGatewayRegistration.AddDiscordGateway"/>:
/// every registered one receives every dispatch but interactions, which go to the interaction handlers. Each dispatch
/// gets its own DI scope. Dispatches arrive in order per shard and are handled on the shard's receive loop, so keep
/// handlers short: a slow one delays its shard's later events. A handler's failure is logged and does not stop the others.
/// </summary>
public interface IDiscordGatewayEventHandler
{
    ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}
