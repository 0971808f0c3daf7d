using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Features.CaptureTranscript;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Infrastructure.Discord;

/// <summary>
/// A ticket's threads as Discord's REST API gives them: every page of messages, the guild (name and roles) once, each
/// author's and each named person's member once, the channels the text names, and a copy of every file shown. The
/// calls grow with the messages and the people in them, not with how often someone wrote.
/// </summary>
internal sealed partial class DiscordTicketHistory(
    DiscordRestClient discord,
    IOptions<DiscordRestOptions> rest,
    IOptions<CaptureOptions> capture,
    ILogger<DiscordTicketHistory> logger) : ITicketHistory
{
    private const int PageSize = 100;
    private const int UnknownChannel = 10003;
    private const int UnknownMember = 10007;
    private const int UnknownUser = 10013;
    private const int MissingAccess = 50001;

    /// <summary>The message flag of a deferred interaction reply not filled yet (Discord's "is thinking…").</summary>
    private const MessageFlags Loading = (MessageFlags)(1 << 7);

    public async Task<TicketHistory> ReadAsync(HistoryRequest request, IFileKeeper files, CancellationToken cancellationToken)
    {
        var guild = await discord.GetGuildAsync(request.GuildId, cancellationToken);
        var roles = (guild.Roles ?? []).ToDictionary(r => r.Id);
        var messages = new List<DiscordMessage>();
        foreach (var threadId in request.ThreadIds)
        {
            messages.AddRange(await ReadThreadAsync(threadId, cancellationToken));
        }

        // The close's own announcement may still be a placeholder: it has no text to keep, and the header tells the close.
        messages.RemoveAll(m => m.Flags is { } flags && flags.HasFlag(Loading));
        var copies = new CdnCopies(discord, files, rest.Value.CdnHosts, capture.Value.CdnBaseAddress, logger);
        var users = await UsersAsync(request, messages, roles, copies, cancellationToken);
        var transcribed = new List<TranscriptMessage>(messages.Count);
        foreach (var message in messages)
        {
            transcribed.Add(await TranscribeAsync(message, copies, cancellationToken));
        }

        var namedRoles = messages.SelectMany(m => m.MentionRoles.Concat(IdsIn(RoleMention(), m))).Distinct()
            .Where(roles.ContainsKey)
            .ToDictionary(id => id, id => new TranscriptRole(id, roles[id].Name, roles[id].Color));
        return new TicketHistory(guild.Name ?? "", transcribed, users, namedRoles, await ChannelsAsync(request, messages, cancellationToken),
            copies.Emojis, messages.Any(LacksContent));
    }

    /// <summary>Oldest first. A thread deleted on Discord has nothing left to read and is skipped.</summary>
    private async Task<IReadOnlyList<DiscordMessage>> ReadThreadAsync(ulong threadId, CancellationToken cancellationToken)
    {
        var newestFirst = new List<DiscordMessage>();
        try
        {
            IReadOnlyList<DiscordMessage> page;
            do
            {
                page = await discord.GetMessagesAsync(threadId, before: newestFirst.LastOrDefault()?.Id, limit: PageSize, cancellationToken: cancellationToken);
                newestFirst.AddRange(page);
            }
            while (page.Count == PageSize);
        }
        catch (DiscordRestException gone) when (gone.Code == UnknownChannel)
        {
            logger.LogWarning("Thread {ThreadId} no longer exists; the transcript goes without it", threadId);
            return [];
        }

        newestFirst.Reverse();
        return newestFirst;
    }

    /// <summary>
    /// Authors and the ticket's people with name, nickname, face and colour (a webhook has no member to read); people
    /// only mentioned with what the message itself says about them.
    /// </summary>
    private async Task<IReadOnlyDictionary<ulong, TranscriptUser>> UsersAsync(HistoryRequest request, IReadOnlyList<DiscordMessage> messages,
        IReadOnlyDictionary<ulong, DiscordRole> roles, CdnCopies copies, CancellationToken cancellationToken)
    {
        var authors = messages.Where(m => m.Author is not null)
            .GroupBy(m => m.Author!.Id)
            .ToDictionary(g => g.Key, g => (User: g.First().Author, IsWebhook: g.First().WebhookId is not null));
        var users = new Dictionary<ulong, TranscriptUser>();
        foreach (var id in authors.Keys.Union(request.People))
        {
            var (known, isWebhook) = authors.GetValueOrDefault(id);
            var member = isWebhook ? null : await MemberAsync(request.GuildId, id, cancellationToken);
            if ((member?.User ?? known) is not { } user)
            {
                continue;
            }

            users[id] = new TranscriptUser(user.Id, user.Username, user.GlobalName, member?.Nick,
                await copies.AvatarAsync(request.GuildId, user, member, cancellationToken), user.Bot == true, ColorOf(member, roles));
        }

        foreach (var mentioned in messages.SelectMany(m => m.Mentions))
        {
            users.TryAdd(mentioned.Id, new TranscriptUser(mentioned.Id, mentioned.Username, mentioned.GlobalName, null, null, mentioned.Bot == true, null));
        }

        return users;
    }

    /// <summary>Null for someone who left the guild (or whose account is gone): the transcript shows what the messages carry.</summary>
    private async Task<DiscordMember?> MemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        try
        {
            return await discord.GetGuildMemberAsync(guildId, userId, cancellationToken);
        }
        catch (DiscordRestException gone) when (gone.Code is UnknownMember or UnknownUser)
        {
            return null;
        }
    }

    /// <summary>Discord colours a name with the highest of the member's roles that has a colour.</summary>
    private static int? ColorOf(DiscordMember? member, IReadOnlyDictionary<ulong, DiscordRole> roles) =>
        (member?.Roles ?? [])
            .Select(id => roles.GetValueOrDefault(id))
            .OfType<DiscordRole>()
            .Where(role => role.Color != 0)
            .OrderByDescending(role => role.Position)
            .Select(role => (int?)role.Color)
            .FirstOrDefault();

    private static async Task<TranscriptMessage> TranscribeAsync(DiscordMessage message, CdnCopies copies, CancellationToken cancellationToken)
    {
        var authorId = message.Author?.Id ?? 0;
        var attachments = new List<TranscriptAttachment>(message.Attachments.Count);
        foreach (var attachment in message.Attachments)
        {
            attachments.Add(new TranscriptAttachment(attachment.Filename, attachment.ContentType, attachment.Size,
                await copies.AttachmentAsync(attachment, authorId, cancellationToken), attachment.Width, attachment.Height, attachment.Description));
        }

        var embeds = new List<TranscriptEmbed>(message.Embeds.Count);
        foreach (var embed in message.Embeds)
        {
            embeds.Add(new TranscriptEmbed(embed.Title, embed.Description, embed.Url, embed.Color, embed.Author?.Name, embed.Author?.Url,
                await copies.EmbedImageAsync(null, embed.Author?.IconUrl, cancellationToken),
                [.. (embed.Fields ?? []).Select(f => new TranscriptEmbedField(f.Name, f.Value, f.Inline == true))],
                embed.Footer?.Text,
                await copies.EmbedImageAsync(null, embed.Footer?.IconUrl, cancellationToken),
                await copies.EmbedImageAsync(embed.Image?.ProxyUrl, embed.Image?.Url, cancellationToken),
                await copies.EmbedImageAsync(embed.Thumbnail?.ProxyUrl, embed.Thumbnail?.Url, cancellationToken),
                embed.Timestamp));
        }

        var reactions = new List<TranscriptReaction>();
        foreach (var reaction in message.Reactions ?? [])
        {
            var name = reaction.Emoji.Name ?? "";
            reactions.Add(reaction.Emoji.Id is { } emojiId
                ? new TranscriptReaction(name, emojiId, reaction.Emoji.Animated == true,
                    (await copies.EmojiAsync(emojiId, name, reaction.Emoji.Animated == true, cancellationToken)).File, reaction.Count)
                : new TranscriptReaction(name, null, false, null, reaction.Count));
        }

        foreach (Match custom in TextsOf(message).SelectMany(text => CustomEmoji().Matches(text)))
        {
            await copies.EmojiAsync(ulong.Parse(custom.Groups["id"].ValueSpan, CultureInfo.InvariantCulture), custom.Groups["name"].Value,
                custom.Groups["animated"].Length > 0, cancellationToken);
        }

        var stickers = new List<TranscriptSticker>();
        foreach (var sticker in message.StickerItems ?? [])
        {
            stickers.Add(await copies.StickerAsync(sticker, cancellationToken));
        }

        return new TranscriptMessage(message.Id, message.ChannelId, message.Type, authorId, message.Content, message.Timestamp, message.EditedTimestamp,
            message.MessageReference is { Type: null or 0 } reference ? reference.MessageId : null,
            embeds, attachments, reactions, stickers, [.. message.Mentions.Select(u => u.Id)], message.MentionRoles);
    }

    /// <summary>The ticket's own threads by name, and the guild's channels the text names (one call for all of them).</summary>
    private async Task<IReadOnlyDictionary<ulong, TranscriptChannel>> ChannelsAsync(HistoryRequest request, IReadOnlyList<DiscordMessage> messages,
        CancellationToken cancellationToken)
    {
        var channels = new Dictionary<ulong, TranscriptChannel>();
        foreach (var threadId in request.ThreadIds)
        {
            try
            {
                var thread = await discord.GetChannelAsync(threadId, cancellationToken);
                channels[thread.Id] = new TranscriptChannel(thread.Id, thread.Name ?? "");
            }
            catch (DiscordRestException gone) when (gone.Code is UnknownChannel or MissingAccess)
            {
                // Deleted: the transcript names it by id.
            }
        }

        var named = messages.SelectMany(m => IdsIn(ChannelMention(), m)).Where(id => !channels.ContainsKey(id)).ToHashSet();
        if (named.Count > 0)
        {
            foreach (var channel in (await discord.GetGuildChannelsAsync(request.GuildId, cancellationToken)).Where(c => named.Contains(c.Id)))
            {
                channels[channel.Id] = new TranscriptChannel(channel.Id, channel.Name ?? "");
            }
        }

        return channels;
    }

    /// <summary>
    /// A member's message with no text, no file and no embed is what Discord sends an application without the
    /// MESSAGE_CONTENT intent; bots' and webhooks' own messages keep their content, so they say nothing about it.
    /// Stickers come without the intent, so a message of stickers alone is no sign either.
    /// </summary>
    private static bool LacksContent(DiscordMessage message) =>
        message is { Author: { Bot: not true, System: not true }, WebhookId: null, Type: 0 or 19, Content.Length: 0, Attachments.Count: 0, Embeds.Count: 0 }
        && message.StickerItems is null or [];

    /// <summary>Where Discord markup can name a role, a channel or an emoji: the content and the embeds' texts.</summary>
    private static IEnumerable<string> TextsOf(DiscordMessage message) =>
        message.Embeds.SelectMany(embed => new[] { embed.Title, embed.Description, embed.Footer?.Text }
                .Concat((embed.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value })))
            .OfType<string>()
            .Prepend(message.Content);

    private static IEnumerable<ulong> IdsIn(Regex pattern, DiscordMessage message) =>
        TextsOf(message).SelectMany(text => pattern.Matches(text))
            .Select(match => ulong.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (ulong?)null)
            .OfType<ulong>();

    [GeneratedRegex(@"<@&(?<id>\d{1,20})>")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"<#(?<id>\d{1,20})>")]
    private static partial Regex ChannelMention();

    [GeneratedRegex(@"<(?<animated>a?):(?<name>\w{2,32}):(?<id>\d{1,19})>")]
    private static partial Regex CustomEmoji();
}
