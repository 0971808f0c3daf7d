using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Desk;

// The Discord half of every action on an open ticket. An action commits its change with its chores; the worker below
// does each ticket's chores one at a time in the order they were written, each in its own transaction, and each may
// run twice after a crash without showing twice in Discord: messages carry the chore's id as nonce, and archiving,
// renaming or adding a member again changes nothing.

/// <summary>Does one chore and removes it, in one transaction with whatever the chore records on its ticket.</summary>
public sealed record PerformTicketChoreCommand(long ChoreId) : ICommand<Unit>;

internal sealed class PerformTicketChoreCommandHandler(
    TicketsDbContext db, ITicketThreads threads, IInteractionReplies replies, GuildConfigurations configurations, TicketDesk desk)
    : IRequestHandler<PerformTicketChoreCommand, Unit>
{
    public async Task<Unit> Handle(PerformTicketChoreCommand command, CancellationToken cancellationToken)
    {
        var chore = await db.TicketChores.SingleOrDefaultAsync(c => c.Id == command.ChoreId && c.GaveUpAt == null, cancellationToken);
        if (chore is null)
        {
            return Unit.Value;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == chore.TicketId, cancellationToken);
        var nonce = $"chore-{chore.Id.ToString(CultureInfo.InvariantCulture)}";
        switch (chore.Work)
        {
            case PostMessage post:
                await threads.PostAsync(post.ChannelId, post.Content, post.Buttons, nonce, cancellationToken);

                break;
            case EditInteractionReply reply:
                await replies.EditAsync(new InteractionReply(reply.ApplicationId, reply.Token), reply.Content, reply.Buttons, cancellationToken);
                break;
            case ArchiveThread archive:
                await threads.ArchiveAsync(archive.ThreadId, cancellationToken);
                break;
            case ReopenThread reopen:
                await threads.ReopenAsync(reopen.ThreadId, cancellationToken);
                break;
            case RenameThread rename:
                await threads.RenameAsync(rename.ThreadId, rename.Name, cancellationToken);
                break;
            case AddThreadMember add:
                await threads.AddMemberAsync(add.ThreadId, add.UserId, cancellationToken);
                break;
            case RemoveThreadMember remove:
                await threads.RemoveMemberAsync(remove.ThreadId, remove.UserId, cancellationToken);
                break;
            case AskForFeedback feedback:
                try
                {
                    await threads.DirectMessageAsync(feedback.UserId, feedback.Content, feedback.Buttons, nonce, cancellationToken);
                }
                catch (DiscordRefusedException refused)
                {
                    // Members may close their DMs; the ticket is closed all the same, and the refusal is kept.
                    ticket.FeedbackRequestFailed(refused.Message);
                }

                break;
            case OpenMovedThread move:
                await OpenMovedThreadAsync(ticket, chore, move, cancellationToken);
                break;
            case PostWelcome welcome:
                var configuration = await configurations.GetAsync(ticket.GuildId, cancellationToken);
                var category = configuration?.Guild.Categories.SingleOrDefault(c => c.Id == ticket.CategoryId);
                await threads.PostWelcomeAsync(welcome.ThreadId, TicketThreadMaking.Welcome(ticket, category, welcome.Language, welcome.MovedFromThreadId), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No way to perform a {chore.Work.GetType().Name} chore.");
        }

        db.TicketChores.Remove(chore);
        return Unit.Value;
    }

    /// <summary>
    /// The moved ticket's new thread; then, as chores of their own: the opener in, the welcome (whose mentions bring the
    /// new category's staff in), a link from the old thread to the new, and the old thread locked.
    /// </summary>
    private async Task OpenMovedThreadAsync(Ticket ticket, TicketChore chore, OpenMovedThread move, CancellationToken cancellationToken)
    {
        if (ticket.MovingFromThreadId is not { } oldThreadId)
        {
            return;
        }

        var threadId = await TicketThreadMaking.FindOrCreateAsync(db, threads, ticket, chore.CreatedAt - TimeSpan.FromSeconds(5), cancellationToken);
        ticket.FinishMove(threadId);
        desk.Enqueue(ticket, new AddThreadMember(threadId, ticket.OpenerId));
        desk.Enqueue(ticket, new PostWelcome(threadId, oldThreadId, move.Language));
        desk.Enqueue(ticket, new PostMessage(oldThreadId, BotText.Get(move.Language, BotText.MovedTo, TicketDesk.ChannelMention(threadId)), []));
        desk.Enqueue(ticket, new ArchiveThread(oldThreadId));
    }
}

/// <summary>Configuration section "Tickets:Chores".</summary>
internal sealed class TicketChoreOptions : LeasedWorkOptions
{
    /// <summary>Failures a retry may mend are retried this often before the chore is given up.</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>Works due chores: the oldest of each ticket, claimed with a lease.</summary>
internal sealed partial class TicketChoreWorker(
    IServiceScopeFactory scopes,
    WorkSignal<TicketChore> signal,
    IOptions<TicketChoreOptions> options,
    TimeProvider clock,
    ILogger<TicketChoreWorker> logger) : LeasedWorker<long, TicketChore>(signal, options.Value, logger)
{
    protected override async Task<IReadOnlyList<long>> ClaimDueAsync(int room, CancellationToken cancellationToken)
    {
        if (room <= 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.TicketChores.AsNoTracking()
            .Where(c => c.GaveUpAt == null && c.NextAttemptAt <= now && (c.LeaseUntil == null || c.LeaseUntil < now))
            .Where(c => !db.TicketChores.Any(earlier => earlier.TicketId == c.TicketId && earlier.GaveUpAt == null && earlier.Id < c.Id))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .Take(room)
            .ToListAsync(cancellationToken);
        var claimed = new List<long>();
        var lease = now + options.Value.Lease;
        foreach (var id in due)
        {
            var taken = await db.TicketChores
                .Where(c => c.Id == id && (c.LeaseUntil == null || c.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LeaseUntil, lease), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    protected override async Task WorkAsync(long choreId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PerformTicketChoreCommand(choreId), cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(choreId, failure, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(long choreId, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            var chore = await db.TicketChores.SingleOrDefaultAsync(c => c.Id == choreId, cancellationToken);
            if (chore is null)
            {
                return;
            }

            var error = $"{failure.GetType().Name}: {failure.Message}";
            if (failure is DiscordRefusedException || chore.Attempts + 1 >= options.Value.MaxAttempts)
            {
                chore.GiveUp(error, clock.GetUtcNow());
                LogGaveUp(failure, choreId, chore.Work.GetType().Name, chore.TicketId);
            }
            else
            {
                chore.Failed(error, clock.GetUtcNow());
                LogAttemptFailed(failure, choreId, chore.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception recording) when (!cancellationToken.IsCancellationRequested)
        {
            // The lease runs out and a later pass tries again.
            LogNotRecorded(recording, choreId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failure of ticket chore {ChoreId} could not be recorded; it is retried once its lease runs out")]
    private partial void LogNotRecorded(Exception exception, long choreId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket chore {ChoreId} failed (attempt {Attempts}); it will be retried")]
    private partial void LogAttemptFailed(Exception exception, long choreId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticket chore {ChoreId} ({Kind}) of ticket {TicketId} was given up")]
    private partial void LogGaveUp(Exception exception, long choreId, string kind, Guid ticketId);
}
