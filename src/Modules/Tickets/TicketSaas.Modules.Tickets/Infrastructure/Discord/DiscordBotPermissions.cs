using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>The bot's permissions in a channel, computed as Discord does from the guild's roles and the channel's overwrites.</summary>
internal sealed class DiscordBotPermissions(DiscordRestClient discord, TicketsDiscordOptions options) : IBotPermissions
{
    public async Task<IReadOnlyList<MissingPermissions>?> FindMissingAsync(
        ulong guildId, IReadOnlyList<(ulong ChannelId, ChannelUse Use)> channels, CancellationToken cancellationToken)
    {
        try
        {
            var guild = await discord.GetGuildAsync(guildId, cancellationToken);
            var roles = guild.Roles ?? await discord.GetGuildRolesAsync(guildId, cancellationToken);
            var member = await discord.GetGuildMemberAsync(guildId, options.ApplicationId, cancellationToken);
            var missing = new List<MissingPermissions>();
            foreach (var (channelId, use) in channels)
            {
                var required = Required(use);
                var channel = await FindChannelAsync(channelId, cancellationToken);
                var held = channel is null || channel.GuildId != guildId
                    ? Permissions.None
                    : ChannelPermissions.Compute(guild, roles, member, options.ApplicationId, channel);
                if (!held.Grants(required))
                {
                    missing.Add(new MissingPermissions(channelId, use, ChannelPermissions.MissingNames(held, required)));
                }
            }

            return missing;
        }
        catch (Exception failure) when (DiscordFailures.IsTransient(failure))
        {
            throw DiscordFailures.Unavailable(failure);
        }
    }

    /// <summary>What each use needs; a thread's own rights derive from its parent's.</summary>
    public static Permissions Required(ChannelUse use)
    {
        TicketBotPermission[] needed = use switch
        {
            ChannelUse.Panel => [TicketBotPermission.ViewChannel, TicketBotPermission.SendMessages, TicketBotPermission.EmbedLinks,
                TicketBotPermission.ReadMessageHistory],
            ChannelUse.TicketThreads => [TicketBotPermission.ViewChannel, TicketBotPermission.SendMessages, TicketBotPermission.CreatePrivateThreads,
                TicketBotPermission.SendMessagesInThreads, TicketBotPermission.ManageThreads, TicketBotPermission.EmbedLinks,
                TicketBotPermission.ReadMessageHistory, TicketBotPermission.MentionEveryone],
            ChannelUse.Log => [TicketBotPermission.ViewChannel, TicketBotPermission.SendMessages, TicketBotPermission.EmbedLinks,
                TicketBotPermission.AttachFiles],
            _ => throw new ArgumentOutOfRangeException(nameof(use), use, null),
        };
        return PermissionsExtensions.FromNames(needed.Select(permission => permission.ToString()));
    }

    /// <summary>A channel the bot cannot see, or that does not exist, lacks everything.</summary>
    private async Task<BuildingBlocks.Discord.Entities.DiscordChannel?> FindChannelAsync(ulong channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await discord.GetChannelAsync(channelId, cancellationToken);
        }
        catch (DiscordRestException refused) when (!DiscordFailures.IsTransient(refused))
        {
            return null;
        }
    }
}
