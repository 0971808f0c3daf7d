using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.OpenTicket;

// The Discord half of opening a ticket, driven by the intent rows RequestTicket.cs writes. Each step commits before
// the next calls Discord, and each may run again after a crash: the thread is looked up before one is created, adding
// a member twice is harmless, the welcome carries a nonce. A refusal for good (permissions) or a request that
// outlives the interaction's 15 minutes removes the thread and the ticket, so nothing half-made stays behind.

/// <summary>Step 1: the ticket's private thread, found again if an earlier attempt made it.</summary>
public sealed record CreateTicketThreadCommand(Guid TicketId) : ICommand<Unit>;

/// <summary>Step 2: opener in, welcome posted, ticket open, <c>tickets.ticket-opened.v1</c> published.</summary>
public sealed record FinishTicketOpeningCommand(Guid TicketId) : ICommand<ulong>;

/// <summary>Gives up an opening: its thread is deleted and the ticket removed.</summary>
public sealed record AbandonTicketOpeningCommand(Guid TicketId) : ICommand<Unit>;

internal sealed class CreateTicketThreadCommandHandler(TicketsDbContext db, ITicketThreads threads, FailPoints failPoints)
    : IRequestHandler<CreateTicketThreadCommand, Unit>
{
    /// <summary>Between Discord creating the thread and our commit: where a crash must not cost a second thread.</summary>
    public const string AfterThreadCreated = "tickets-after-thread-created";

    public async Task<Unit> Handle(CreateTicketThreadCommand command, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleAsync(t => t.Id == command.TicketId, cancellationToken);
        if (ticket.ThreadId is not null)
        {
            return Unit.Value;
        }

        var opening = await db.TicketOpenings.AsNoTracking().SingleAsync(o => o.TicketId == ticket.Id, cancellationToken);

        // Looking first costs a request against the bot's 50 per second; only a retried opening can have made a thread.
        var threadId = opening.MayHaveThread
            ? await TicketThreadMaking.FindOrCreateAsync(db, threads, ticket, ticket.CreatedAt - TimeSpan.FromSeconds(5), cancellationToken)
            : await threads.CreateAsync(ticket.GuildId, ticket.ParentChannelId, ticket.ThreadName, cancellationToken);
        failPoints.Reach(AfterThreadCreated);
        ticket.AttachThread(threadId);
        return Unit.Value;
    }
}

internal sealed class FinishTicketOpeningCommandHandler(
    TicketsDbContext db, ITicketThreads threads, IIntegrationEventPublisher events, TimeProvider clock)
    : IRequestHandler<FinishTicketOpeningCommand, ulong>
{
    public async Task<ulong> Handle(FinishTicketOpeningCommand command, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleAsync(t => t.Id == command.TicketId, cancellationToken);
        var opening = await db.TicketOpenings.SingleAsync(o => o.TicketId == command.TicketId, cancellationToken);
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ticket.CategoryId, cancellationToken);
        var threadId = ticket.ThreadId!.Value;
        await threads.AddMemberAsync(threadId, ticket.OpenerId, cancellationToken);
        await threads.PostWelcomeAsync(threadId, TicketThreadMaking.Welcome(ticket, category, opening.Language), cancellationToken);

        var now = clock.GetUtcNow();
        ticket.MarkOpen(now, InactivityPolicy.Of(category));
        db.TicketOpenings.Remove(opening);
        events.Publish(new TicketOpenedIntegrationEvent(Guid.CreateVersion7(now), now, ticket.GuildId, ticket.Id, ticket.Number, ticket.CategoryId,
            ticket.OpenerId, ticket.ParentChannelId, threadId, [.. ticket.Answers.Select(a => new TicketOpenedIntegrationEvent.FormAnswer(a.Question, a.Answer))]));
        return threadId;
    }
}

internal sealed class AbandonTicketOpeningCommandHandler(TicketsDbContext db, ITicketThreads threads)
    : IRequestHandler<AbandonTicketOpeningCommand, Unit>
{
    public async Task<Unit> Handle(AbandonTicketOpeningCommand command, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == command.TicketId && t.Status == TicketStatus.Opening, cancellationToken);
        if (ticket is null)
        {
            return Unit.Value;
        }

        if (ticket.ThreadId is { } threadId)
        {
            await threads.DeleteAsync(threadId, cancellationToken);
        }

        db.TicketOpenings.RemoveRange(await db.TicketOpenings.Where(o => o.TicketId == ticket.Id).ToListAsync(cancellationToken));
        db.Tickets.Remove(ticket);
        return Unit.Value;
    }
}

/// <summary>Configuration section "Tickets:Opening".</summary>
internal sealed class TicketOpeningOptions : LeasedWorkOptions;

/// <summary>Works due openings: claims each with a lease, runs the steps, replies to the member.</summary>
internal sealed partial class TicketOpeningWorker(
    IServiceScopeFactory scopes,
    WorkSignal<TicketOpening> signal,
    IInteractionReplies replies,
    IOptions<TicketOpeningOptions> options,
    TimeProvider clock,
    ILogger<TicketOpeningWorker> logger) : LeasedWorker<Guid, TicketOpening>(signal, options.Value, logger)
{
    private const int MaxAttempts = 8;

    protected override async Task<IReadOnlyList<Guid>> ClaimDueAsync(int room, CancellationToken cancellationToken)
    {
        if (room <= 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.TicketOpenings.AsNoTracking()
            .Where(o => o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.NextAttemptAt)
            .Select(o => o.TicketId)
            .Take(room)
            .ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        var lease = now + options.Value.Lease;
        foreach (var id in due)
        {
            var taken = await db.TicketOpenings
                .Where(o => o.TicketId == id && (o.LeaseUntil == null || o.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.LeaseUntil, lease).SetProperty(o => o.Claims, o => o.Claims + 1), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>An opening that fails even to give up stays due: its lease runs out and a later pass tries again.</summary>
    protected override async Task WorkAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(ticketId, cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            LogOpeningFailed(failure, ticketId);
        }
    }

    private async Task OpenAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var opening = await db.TicketOpenings.AsNoTracking().SingleOrDefaultAsync(o => o.TicketId == ticketId, cancellationToken);
        if (opening is null)
        {
            return;
        }

        var reply = new InteractionReply(opening.ApplicationId, opening.InteractionToken);
        string answer;
        try
        {
            if (opening.IsOverdueAt(clock.GetUtcNow()))
            {
                await mediator.Send(new AbandonTicketOpeningCommand(ticketId), cancellationToken);
                LogGaveUp(ticketId, opening.Attempts, opening.LastError);
                return;
            }

            await mediator.Send(new CreateTicketThreadCommand(ticketId), cancellationToken);
            var threadId = await mediator.Send(new FinishTicketOpeningCommand(ticketId), cancellationToken);
            answer = BotText.Get(opening.Language, BotText.Opened, $"<#{threadId.ToString(CultureInfo.InvariantCulture)}>");
        }
        catch (DiscordRefusedException refused)
        {
            LogRefused(refused, ticketId);
            await mediator.Send(new AbandonTicketOpeningCommand(ticketId), cancellationToken);
            answer = refused.Missing is { } missing
                ? BotText.Get(opening.Language, BotText.OpenFailedPermissions, $"<#{missing.ChannelId.ToString(CultureInfo.InvariantCulture)}>", string.Join(", ", missing.Permissions))
                : BotText.Get(opening.Language, BotText.OpenFailedDiscord);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            if (!await RecordFailureAsync(ticketId, failure, cancellationToken))
            {
                return;
            }

            await mediator.Send(new AbandonTicketOpeningCommand(ticketId), cancellationToken);
            answer = BotText.Get(opening.Language, BotText.OpenFailedDiscord);
        }

        await replies.EditAsync(reply, answer, [], cancellationToken);
    }

    /// <returns>True when the opening should be given up now.</returns>
    private async Task<bool> RecordFailureAsync(Guid ticketId, Exception failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var opening = await db.TicketOpenings.SingleOrDefaultAsync(o => o.TicketId == ticketId, cancellationToken);
        if (opening is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        opening.Failed($"{failure.GetType().Name}: {failure.Message}", now);
        await db.SaveChangesAsync(cancellationToken);
        LogAttemptFailed(failure, ticketId, opening.Attempts);
        return opening.Attempts >= MaxAttempts || opening.IsOverdueAt(opening.NextAttemptAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Working on the opening of ticket {TicketId} failed; it stays due")]
    private partial void LogOpeningFailed(Exception exception, Guid ticketId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening ticket {TicketId} failed (attempt {Attempts}); it will be retried")]
    private partial void LogAttemptFailed(Exception exception, Guid ticketId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused to open ticket {TicketId}; the opening is given up")]
    private partial void LogRefused(Exception exception, Guid ticketId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId} could not be opened within the interaction's lifetime after {Attempts} attempts (last: {LastError})")]
    private partial void LogGaveUp(Guid ticketId, int attempts, string? lastError);
}
