using System.Globalization;
using MediatR;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.AddBlocklistEntry;
using TicketSaas.Modules.Tickets.Features.ClaimTicket;
using TicketSaas.Modules.Tickets.Features.CloseTicket;
using TicketSaas.Modules.Tickets.Features.GetBlocklist;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Features.RemoveBlocklistEntry;
using TicketSaas.Modules.Tickets.Features.RenameTicket;
using TicketSaas.Modules.Tickets.Features.ReopenTicket;
using TicketSaas.Modules.Tickets.Features.RequestClose;
using TicketSaas.Modules.Tickets.Features.TicketMembers;
using TicketSaas.Modules.Tickets.Features.TicketPrompts;
using static TicketSaas.Host.DiscordBot.Modules.Tickets.TicketResponses;

namespace TicketSaas.Host.DiscordBot.Modules.Tickets;

/// <summary>
/// The staff slash commands: <c>/ticket …</c> inside a ticket's thread does what the ticket's buttons do, and
/// <c>/blocklist …</c> edits the guild's blocklist. The module decides who may; a refusal is an ephemeral message.
/// </summary>
internal sealed class TicketCommands(IMediator mediator, TimeProvider clock) : IDiscordInteractionHandler
{
    public const string Ticket = "ticket";
    public const string Blocklist = "blocklist";

    private const int MaxBlockDays = 3650;

    /// <summary>What is registered with Discord (by bulk overwrite, so removed commands disappear too).</summary>
    public static IReadOnlyList<DiscordApplicationCommand> Definitions { get; } =
    [
        new DiscordApplicationCommand
        {
            Name = Ticket,
            Description = "Work on the ticket of this thread",
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Subcommand("claim", "Take this ticket on"),
                Subcommand("unclaim", "Give this ticket back to the team"),
                Subcommand("close", "Close this ticket: its thread is archived and locked", Reason(required: false)),
                Subcommand("closerequest", "Ask the opener whether this ticket may be closed", Reason(required: false)),
                Subcommand("reopen", "Reopen this closed ticket"),
                Subcommand("rename", "Rename this ticket's thread", new DiscordApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.String, Name = "name", Description = "The new name", Required = true,
                    MinLength = 1, MaxLength = DiscordLimits.ThreadName,
                }),
                Subcommand("move", "Move this ticket to another category"),
                Subcommand("add", "Add a member to this ticket", Member("The member to add")),
                Subcommand("remove", "Remove a member from this ticket", Member("The member to remove")),
            ],
        },
        new DiscordApplicationCommand
        {
            Name = Blocklist,
            Description = "Who may not open tickets",
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Subcommand("add", "Block a user or a role from opening tickets",
                    Target(ApplicationCommandOptionType.User, "user", "The user to block"),
                    Target(ApplicationCommandOptionType.Role, "role", "The role to block"),
                    Reason(required: false),
                    new DiscordApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.Integer, Name = "days", Description = "Lift the block after this many days",
                    }),
                Subcommand("remove", "Lift a block",
                    Target(ApplicationCommandOptionType.User, "user", "The user to unblock"),
                    Target(ApplicationCommandOptionType.Role, "role", "The role to unblock")),
                Subcommand("list", "Show who is blocked"),
            ],
        },
    ];

    public async ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
    {
        if (interaction is not SlashCommandInvoked { CommandName: Ticket or Blocklist } command)
        {
            return null;
        }

        if (interaction.Interaction.GuildId is not { } guildId)
        {
            return await NoticeAsync(mediator, null, TicketNotice.GuildOnly, cancellationToken);
        }

        return command.CommandName == Ticket
            ? await TicketAsync(command, guildId, cancellationToken)
            : await BlocklistAsync(command, guildId, cancellationToken);
    }

    private async Task<DiscordInteractionResponse> TicketAsync(SlashCommandInvoked command, ulong guildId, CancellationToken cancellationToken)
    {
        var channelId = command.Interaction.ChannelId ?? command.Interaction.Channel?.Id;
        var ticketId = channelId is { } thread ? await mediator.Send(new FindTicketByThreadQuery(guildId, thread), cancellationToken) : null;
        if (ticketId is not { } id)
        {
            return await NoticeAsync(mediator, guildId, TicketNotice.NotATicket, cancellationToken);
        }

        var reply = ReplyOf(command);
        var reason = command.String("reason");
        return command.Subcommand switch
        {
            "claim" => await RunAsync(mediator, guildId, new ClaimTicketCommand(guildId, id, reply), Announced, cancellationToken),
            "unclaim" => await RunAsync(mediator, guildId, new UnclaimTicketCommand(guildId, id, reply), Announced, cancellationToken),
            "close" => await RunAsync(mediator, guildId, new CloseTicketCommand(guildId, id, reason, reply), Announced, cancellationToken),
            "closerequest" => await RunAsync(mediator, guildId, new RequestCloseCommand(guildId, id, reason, reply), Announced, cancellationToken),
            "reopen" => await RunAsync(mediator, guildId, new ReopenTicketCommand(guildId, id, reply), Announced, cancellationToken),
            "rename" => await RunAsync(mediator, guildId, new RenameTicketCommand(guildId, id, command.String("name") ?? "", reply), Announced, cancellationToken),
            "move" => await RunAsync(mediator, guildId, new GetTicketPromptsQuery(guildId, id), prompts => MoveChoice(id, prompts), cancellationToken),
            "add" when command.Snowflake("user") is { } user =>
                await RunAsync(mediator, guildId, new AddTicketMemberCommand(guildId, id, user, reply), Announced, cancellationToken),
            "remove" when command.Snowflake("user") is { } user =>
                await RunAsync(mediator, guildId, new RemoveTicketMemberCommand(guildId, id, user, reply), Announced, cancellationToken),
            _ => await NoticeAsync(mediator, guildId, TicketNotice.UnknownComponent, cancellationToken),
        };
    }

    /// <summary>The guild's other categories as a select; choosing one moves the ticket. Discord refuses an empty select.</summary>
    private static DiscordInteractionResponse MoveChoice(Guid ticketId, TicketPromptsDto prompts) =>
        prompts.MoveTargets.Count == 0
            ? Ephemeral(prompts.NoMoveTarget)
            : Ephemeral(prompts.MoveQuestion, new DiscordStringSelect
            {
                CustomId = TicketCustomIds.Action(TicketAction.Move, ticketId),
                Options = [.. prompts.MoveTargets.Take(DiscordLimits.SelectOptions).Select(c => new DiscordSelectOption { Label = c.Name, Value = c.Id.ToString("N") })],
            });

    private async Task<DiscordInteractionResponse> BlocklistAsync(SlashCommandInvoked command, ulong guildId, CancellationToken cancellationToken)
    {
        if (command.Subcommand == "list")
        {
            var (entries, refused) = await TryAsync(mediator, guildId, new GetBlocklistQuery(guildId, IncludeExpired: false), cancellationToken);
            return refused ?? (entries is { Count: > 0 }
                ? Ephemeral(string.Join('\n', entries.Select(Line)))
                : await NoticeAsync(mediator, guildId, TicketNotice.BlocklistEmpty, cancellationToken));
        }

        var (target, targetId) = (command.Snowflake("user"), command.Snowflake("role")) switch
        {
            ({ } user, null) => (BlockTarget.User, user),
            (null, { } role) => (BlockTarget.Role, role),
            _ => (default(BlockTarget?), 0UL),
        };
        if (target is null)
        {
            return await NoticeAsync(mediator, guildId, TicketNotice.BlocklistNeedsTarget, cancellationToken);
        }

        var mention = Mention(target.Value, targetId);
        if (command.Subcommand == "add")
        {
            var expiresAt = command.Integer("days") is { } days ? clock.GetUtcNow().AddDays(Math.Clamp(days, 1, MaxBlockDays)) : (DateTimeOffset?)null;
            var (_, refusedAdd) = await TryAsync(mediator, guildId, new AddBlocklistEntryCommand(guildId, target, targetId, command.String("reason"), expiresAt), cancellationToken);
            return refusedAdd ?? await NoticeAsync(mediator, guildId, TicketNotice.BlocklistAdded, cancellationToken, mention);
        }

        var (listed, refusedList) = await TryAsync(mediator, guildId, new GetBlocklistQuery(guildId, IncludeExpired: false), cancellationToken);
        if (refusedList is not null)
        {
            return refusedList;
        }

        if (listed!.FirstOrDefault(e => e.Target == target && e.TargetId == targetId) is not { } entry)
        {
            return await NoticeAsync(mediator, guildId, TicketNotice.BlocklistNotListed, cancellationToken, mention);
        }

        var (_, refusedRemove) = await TryAsync(mediator, guildId, new RemoveBlocklistEntryCommand(guildId, entry.Id), cancellationToken);
        return refusedRemove ?? await NoticeAsync(mediator, guildId, TicketNotice.BlocklistRemoved, cancellationToken, mention);
    }

    private static string Line(BlocklistEntryDto entry)
    {
        var line = $"• {Mention(entry.Target, entry.TargetId)}";
        if (entry.Reason is { } reason)
        {
            line += $" — {reason}";
        }

        return entry.ExpiresAt is { } until ? $"{line} (<t:{until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>)" : line;
    }

    private static string Mention(BlockTarget target, ulong id) =>
        target == BlockTarget.User ? $"<@{id.ToString(CultureInfo.InvariantCulture)}>" : $"<@&{id.ToString(CultureInfo.InvariantCulture)}>";

    private static DiscordApplicationCommandOption Subcommand(string name, string description, params DiscordApplicationCommandOption[] options) =>
        new() { Type = ApplicationCommandOptionType.SubCommand, Name = name, Description = description, Options = options };

    private static DiscordApplicationCommandOption Reason(bool required) => new()
    {
        Type = ApplicationCommandOptionType.String, Name = "reason", Description = "Why", Required = required, MaxLength = TicketTexts.MaxReasonLength,
    };

    private static DiscordApplicationCommandOption Member(string description) =>
        new() { Type = ApplicationCommandOptionType.User, Name = "user", Description = description, Required = true };

    private static DiscordApplicationCommandOption Target(ApplicationCommandOptionType type, string name, string description) =>
        new() { Type = type, Name = name, Description = description };
}
