using System.Net;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>Ticket threads on Discord: private, not invitable, archived after a week of silence.</summary>
internal sealed class DiscordTicketThreads(DiscordRestClient discord, DiscordBotPermissions permissions, TicketsDiscordOptions options)
    : ITicketThreads
{
    private const int WelcomeColor = 0x57F287;
    private const int UnknownMember = 10007;

    /// <summary>Bots' notices (a claim, a warning) may follow the last member's message; this many newest messages are read.</summary>
    private const int ActivityWindow = 20;

    public async Task<ulong> CreateAsync(ulong guildId, ulong parentChannelId, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await discord.CreatePrivateThreadAsync(parentChannelId, name, ThreadAutoArchiveDuration.OneWeek, cancellationToken)).Id;
        }
        catch (DiscordRestException refused) when (!DiscordFailures.IsTransient(refused))
        {
            throw await RefusedAsync(guildId, parentChannelId, refused, cancellationToken);
        }
    }

    public async Task<ulong?> FindCreatedAsync(ulong guildId, ulong parentChannelId, string name, DateTimeOffset createdSince,
        IReadOnlySet<ulong> taken, CancellationToken cancellationToken)
    {
        var active = await discord.ListActiveGuildThreadsAsync(guildId, cancellationToken);
        return active.Threads
            .Where(t => t.ParentId == parentChannelId && t.OwnerId == options.ApplicationId && t.Name == name && !taken.Contains(t.Id))
            .Where(t => t.ThreadMetadata?.CreateTimestamp is not { } created || created >= createdSince)
            .OrderBy(t => t.Id)
            .Select(t => (ulong?)t.Id)
            .FirstOrDefault();
    }

    public async Task AddMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken)
    {
        await RefusalsAreFinalAsync(() => discord.AddThreadMemberAsync(threadId, userId, cancellationToken), $"adding member {userId} to thread {threadId}");
    }

    public async Task PostWelcomeAsync(ulong threadId, WelcomeView welcome, CancellationToken cancellationToken)
    {
        var messages = Render(welcome);
        for (var i = 0; i < messages.Count; i++)
        {
            // The thread is the ticket's own: a per-part nonce makes a repeated post return the first one.
            var part = messages[i];
            var nonce = $"welcome-{i}";
            await RefusalsAreFinalAsync(() => discord.CreateMessageAsync(threadId, part, nonce, cancellationToken), $"the welcome message in thread {threadId}");
        }
    }

    public async Task DeleteAsync(ulong threadId, CancellationToken cancellationToken)
    {
        try
        {
            await discord.DeleteChannelAsync(threadId, cancellationToken);
        }
        catch (DiscordRestException gone) when (DiscordFailures.IsGone(gone))
        {
            // Already gone.
        }
    }

    public async Task RemoveMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken)
    {
        try
        {
            await discord.RemoveThreadMemberAsync(threadId, userId, cancellationToken);
        }
        catch (DiscordRestException gone) when (gone.Code == UnknownMember)
        {
            // Not in the thread: the goal is met.
        }
    }

    public Task ArchiveAsync(ulong threadId, CancellationToken cancellationToken) =>
        RefusalsAreFinalAsync(() => discord.ArchiveThreadAsync(threadId, locked: true, cancellationToken), $"archiving thread {threadId}");

    public Task ReopenAsync(ulong threadId, CancellationToken cancellationToken) =>
        RefusalsAreFinalAsync(() => discord.ModifyThreadAsync(threadId, new DiscordThreadEdit { Archived = false, Locked = false }, cancellationToken),
            $"reopening thread {threadId}");

    public Task RenameAsync(ulong threadId, string name, CancellationToken cancellationToken) =>
        RefusalsAreFinalAsync(() => discord.RenameThreadAsync(threadId, name, cancellationToken), $"renaming thread {threadId}");

    public async Task<ulong> PostAsync(ulong channelId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken)
    {
        ulong messageId = 0;
        await RefusalsAreFinalAsync(async () => messageId = (await discord.CreateMessageAsync(channelId, Message(content, buttons), nonce, cancellationToken)).Id,
            $"a message in channel {channelId}");
        return messageId;
    }

    public async Task DirectMessageAsync(ulong userId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken)
    {
        var channel = await discord.CreateDmChannelAsync(userId, cancellationToken);
        await RefusalsAreFinalAsync(() => discord.CreateMessageAsync(channel.Id, Message(content, buttons), nonce, cancellationToken),
            $"a direct message to {userId}");
    }

    public async Task<ThreadActivity?> ReadActivityAsync(ulong threadId, CancellationToken cancellationToken)
    {
        try
        {
            var newest = await discord.GetMessagesAsync(threadId, limit: ActivityWindow, cancellationToken: cancellationToken);
            return new ThreadActivity(newest.FirstOrDefault(m => m.Author is { Bot: not true, System: not true } && m.WebhookId is null)?.Timestamp);
        }
        catch (DiscordRestException gone) when (gone.Code == DiscordFailures.UnknownChannel)
        {
            return null;
        }
    }

    /// <summary>A notice: its mentions name people without pinging anyone or bringing them into the thread.</summary>
    internal static DiscordMessageBuilder Message(string content, IReadOnlyList<ChoreButton> buttons)
    {
        var message = new DiscordMessageBuilder().WithContent(content).WithAllowedMentions(DiscordAllowedMentions.None);
        foreach (var row in buttons.Chunk(DiscordLimits.ComponentsPerActionRow))
        {
            message.AddActionRow([.. row.Select(b => new DiscordButton { Style = (ButtonStyle)b.Style, Label = b.Label, CustomId = b.CustomId })]);
        }

        return message;
    }

    /// <summary>
    /// The greeting (whose mentions bring the opener and the staff roles into the private thread) with the title and
    /// the action buttons, then the answers: one embed each, as many per message as Discord's 6,000 embed characters
    /// allow, so five answers of 4,000 characters take five messages and none is cut.
    /// </summary>
    internal static IReadOnlyList<DiscordMessageBuilder> Render(WelcomeView welcome)
    {
        var first = new DiscordMessageBuilder()
            .WithContent(welcome.Greeting)
            .WithAllowedMentions(DiscordAllowedMentions.Only([welcome.OpenerId], welcome.StaffRoleIds))
            .AddEmbed(new DiscordEmbedBuilder().WithTitle(welcome.Title).WithColor(WelcomeColor).Build())
            .AddActionRow(
                Button(welcome.ClaimLabel, ButtonStyle.Secondary, TicketAction.Claim, welcome.TicketId),
                Button(welcome.CloseLabel, ButtonStyle.Danger, TicketAction.Close, welcome.TicketId),
                Button(welcome.CloseWithReasonLabel, ButtonStyle.Danger, TicketAction.CloseWithReason, welcome.TicketId));
        var messages = new List<DiscordMessageBuilder> { first };
        var current = first;
        var characters = welcome.Title.Length;
        var embeds = 1;
        foreach (var answer in welcome.Answers)
        {
            var embed = AnswerEmbed(answer);
            var size = Math.Min(answer.Question.Length, DiscordLimits.EmbedTitle) + answer.Answer.Length;
            if (characters + size > DiscordLimits.EmbedCharactersPerMessage || embeds == DiscordLimits.EmbedsPerMessage)
            {
                current = new DiscordMessageBuilder();
                messages.Add(current);
                characters = 0;
                embeds = 0;
            }

            current.AddEmbed(embed);
            characters += size;
            embeds++;
        }

        return messages;
    }

    private static DiscordEmbed AnswerEmbed(FormAnswer answer) =>
        new DiscordEmbedBuilder()
            .WithTitle(answer.Question.Length <= DiscordLimits.EmbedTitle ? answer.Question : answer.Question[..DiscordLimits.EmbedTitle])
            .WithDescription(answer.Answer)
            .WithColor(WelcomeColor)
            .Build();

    private static DiscordButton Button(string label, ButtonStyle style, TicketAction action, Guid ticketId) =>
        new() { Style = style, Label = label, CustomId = TicketCustomIds.Action(action, ticketId) };

    /// <summary>Discord's 4xx to an opening step cannot be mended by a retry: the opening is given up.</summary>
    private static async Task RefusalsAreFinalAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (DiscordRestException refused) when (!DiscordFailures.IsTransient(refused))
        {
            throw new DiscordRefusedException($"Discord refused {what}: {refused.DiscordMessage}", inner: refused);
        }
    }

    private async Task<DiscordRefusedException> RefusedAsync(ulong guildId, ulong parentChannelId, DiscordRestException refused, CancellationToken cancellationToken)
    {
        if (refused.Status == HttpStatusCode.Forbidden)
        {
            var missing = await permissions.FindMissingAsync(guildId, [(parentChannelId, ChannelUse.TicketThreads)], cancellationToken);
            if (missing is [var channel, ..])
            {
                return new DiscordRefusedException($"The bot lacks permissions in channel {parentChannelId}.", channel, refused);
            }
        }

        return new DiscordRefusedException($"Discord refused a thread in channel {parentChannelId}: {refused.DiscordMessage}", inner: refused);
    }
}
