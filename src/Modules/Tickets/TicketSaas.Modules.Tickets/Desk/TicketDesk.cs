using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Settings;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Desk;

/// <summary>
/// The deferred interaction a staff action came from, when it came from Discord: the action's announcement fills its
/// reply. From the web there is none and the announcement is posted in the thread instead.
/// </summary>
public sealed record DeferredReplyDto(ulong ApplicationId, string Token);

/// <summary>A ticket loaded for someone acting on it, with what the action needs to know about its guild.</summary>
/// <param name="ActorId">Null when the system acts (the inactivity timer).</param>
internal sealed record DeskTicket(Ticket Ticket, Category? Category, string Language, ulong? ActorId)
{
    public ulong Actor => ActorId ?? throw new InvalidOperationException("The system acts on this ticket, not a member.");

    public string ActorMention => TicketDesk.Mention(Actor);

    public InactivityPolicy Inactivity => InactivityPolicy.Of(Category);

    public IReadOnlyList<ulong> StaffRoleIds => Category?.StaffRoleIds ?? [];

    public string Text(string key, params object[] arguments) => Localization.BotText.Get(Language, key, arguments);
}

/// <summary>
/// What every action on a ticket shares: finding it in its guild, checking who may act, and queueing the Discord work
/// (announcement first) as chores in the action's own transaction.
/// </summary>
internal sealed class TicketDesk(
    TicketsDbContext db, GuildConfigurations configurations, ICallerAccessor callers, WorkSignal<TicketChore> signal, AfterCommit afterCommit, TimeProvider clock)
{
    public const string StaffOnly = "tickets.staff-only";
    public const string OpenerOnly = "tickets.opener-only";
    public const string GuildStaffOnly = "tickets.guild-staff-only";

    /// <summary>For staff of the ticket's category and guild admins; anyone else is refused, and nothing is changed.</summary>
    public async Task<DeskTicket> ForStaffAsync(ulong guildId, Guid ticketId, CancellationToken cancellationToken)
    {
        var desk = await LoadAsync(guildId, ticketId, CallerId(), cancellationToken);
        var caller = callers.Caller;
        if (!caller.Manages(guildId) && !Ticket.IsStaff(caller.RolesIn(guildId), desk.StaffRoleIds))
        {
            throw new ForbiddenException("Only the staff of this ticket's category and the guild's admins can do this.", StaffOnly);
        }

        return desk;
    }

    /// <summary>For the member who opened the ticket (answering a close request, rating it).</summary>
    public async Task<DeskTicket> ForOpenerAsync(ulong? guildId, Guid ticketId, CancellationToken cancellationToken)
    {
        var ticketGuild = guildId ?? await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => (ulong?)t.GuildId).SingleOrDefaultAsync(cancellationToken)
            ?? throw TicketNotFound(ticketId);
        var desk = await LoadAsync(ticketGuild, ticketId, CallerId(), cancellationToken);
        if (desk.Ticket.OpenerId != desk.ActorId)
        {
            throw new ForbiddenException("Only the member who opened the ticket can do this.", OpenerOnly);
        }

        return desk;
    }

    /// <summary>For the system's own work on a ticket (the inactivity timer): no caller, no checks.</summary>
    public async Task<DeskTicket?> ForSystemAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var guildId = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => (ulong?)t.GuildId).SingleOrDefaultAsync(cancellationToken);
        return guildId is { } guild ? await LoadAsync(guild, ticketId, null, cancellationToken) : null;
    }

    /// <summary>Guild-wide staff work (the blocklist from Discord): staff of any category, or the guild's admins.</summary>
    public async Task EnsureGuildStaffAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var caller = callers.Caller;
        if (caller.Manages(guildId))
        {
            return;
        }

        var configuration = await configurations.GetAsync(guildId, cancellationToken);
        if (configuration is null || !configuration.Guild.Categories.Any(c => Ticket.IsStaff(caller.RolesIn(guildId), c.StaffRoleIds)))
        {
            throw new ForbiddenException("Only ticket staff and the guild's admins can do this.", GuildStaffOnly);
        }
    }

    /// <summary>
    /// The categories whose tickets the caller may read: null for every category (the guild's admins), else those
    /// whose staff roles they hold (none for anyone else).
    /// </summary>
    public async Task<IReadOnlyList<Guid>?> ReadableCategoriesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var caller = callers.Caller;
        if (caller.Manages(guildId))
        {
            return null;
        }

        var roles = caller.RolesIn(guildId).ToList();
        var configuration = roles.Count == 0 ? null : await configurations.GetAsync(guildId, cancellationToken);
        return configuration?.Guild.Categories.Where(c => Ticket.IsStaff(roles, c.StaffRoleIds)).Select(c => c.Id).ToList() ?? [];
    }

    /// <summary>Tells the thread what happened: in the action's deferred reply, or as a message when it came from the web.</summary>
    public void Announce(DeskTicket desk, DeferredReplyDto? reply, string content, params ChoreButton[] buttons)
    {
        if (reply is not null)
        {
            Enqueue(desk.Ticket, new EditInteractionReply(reply.ApplicationId, reply.Token, content, buttons));
        }
        else if (desk.Ticket.ThreadId is { } threadId)
        {
            Enqueue(desk.Ticket, new PostMessage(threadId, content, buttons));
        }
    }

    public void Enqueue(Ticket ticket, ChoreWork work)
    {
        db.TicketChores.Add(TicketChore.For(ticket, work, clock.GetUtcNow()));
        afterCommit.Run(signal.Notify);
    }

    public static string Mention(ulong userId) => $"<@{userId.ToString(CultureInfo.InvariantCulture)}>";

    public static string ChannelMention(ulong channelId) => $"<#{channelId.ToString(CultureInfo.InvariantCulture)}>";

    private ulong CallerId() => callers.Caller.UserId ?? throw new ForbiddenException("Sign in to act on tickets.");

    private async Task<DeskTicket> LoadAsync(ulong guildId, Guid ticketId, ulong? actorId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.GuildId == guildId, cancellationToken)
            ?? throw TicketNotFound(ticketId);
        var configuration = await configurations.GetAsync(guildId, cancellationToken);
        var category = configuration?.Guild.Categories.SingleOrDefault(c => c.Id == ticket.CategoryId);
        return new DeskTicket(ticket, category, configuration?.Guild.Language ?? GuildSettings.DefaultLanguage, actorId);
    }

    private static NotFoundException TicketNotFound(Guid ticketId) => new("Ticket", ticketId.ToString("D", CultureInfo.InvariantCulture));
}
