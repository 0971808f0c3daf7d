using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.CloseTicket;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Features.InactivityTimer;

// A ticket nobody writes in closes after its category's hours (72 by default), with a warning before. The deadlines
// are stored on the ticket and a periodic sweep acts on the due ones, so the timer survives restarts and runs wherever
// a bot host runs. Before acting, the sweep reads the thread's newest message: that is how activity is seen without the
// gateway (HTTP-only mode); with the gateway, messages move the deadlines as they arrive.

/// <summary>Staff turn the timer off with a reason, logged in the chosen channel; the ticket stays open until closed by hand.</summary>
public sealed record DisableTicketTimerCommand(ulong GuildId, Guid TicketId, string Reason, ulong? LogChannelId, DeferredReplyDto? Reply)
    : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>Staff turn the timer back on; it counts from now.</summary>
public sealed record EnableTicketTimerCommand(ulong GuildId, Guid TicketId, DeferredReplyDto? Reply) : ICommand<TicketDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

/// <summary>Does what the timer owes one ticket now: nothing, a warning, or the close.</summary>
public sealed record SweepTicketCommand(Guid TicketId) : ICommand<InactivityStep>;

internal sealed class DisableTicketTimerCommandValidator : AbstractValidator<DisableTicketTimerCommand>
{
    public DisableTicketTimerCommandValidator() =>
        RuleFor(c => c.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Say why the timer is turned off.")
            .MaximumLength(TicketTexts.MaxReasonLength);
}

internal sealed class DisableTicketTimerCommandHandler(TicketDesk desk) : IRequestHandler<DisableTicketTimerCommand, TicketDto>
{
    public async Task<TicketDto> Handle(DisableTicketTimerCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        var reason = command.Reason.Trim();
        t.Ticket.DisableTimer(t.Actor, reason);
        desk.Announce(t, command.Reply, t.Text(BotText.TimerDisabled, t.ActorMention, reason),
            new ChoreButton(TicketCustomIds.Action(TicketAction.EnableTimer, t.Ticket.Id), t.Text(BotText.EnableTimer)));
        if (command.LogChannelId is { } logChannel)
        {
            desk.Enqueue(t.Ticket, new PostMessage(logChannel,
                t.Text(BotText.TimerDisabledLog, t.ActorMention, t.Ticket.Number, TicketDesk.ChannelMention(t.Ticket.ThreadId!.Value), reason), []));
        }

        return TicketDto.From(t.Ticket);
    }
}

internal sealed class EnableTicketTimerCommandHandler(TicketDesk desk, TimeProvider clock) : IRequestHandler<EnableTicketTimerCommand, TicketDto>
{
    public async Task<TicketDto> Handle(EnableTicketTimerCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForStaffAsync(command.GuildId, command.TicketId, cancellationToken);
        t.Ticket.EnableTimer(t.Actor, clock.GetUtcNow(), t.Inactivity);
        desk.Announce(t, command.Reply, t.Text(BotText.TimerEnabled, t.ActorMention));
        return TicketDto.From(t.Ticket);
    }
}

internal sealed class SweepTicketCommandHandler(TicketDesk desk, TicketCloser closer, ITicketThreads threads, TimeProvider clock)
    : IRequestHandler<SweepTicketCommand, InactivityStep>
{
    public async Task<InactivityStep> Handle(SweepTicketCommand command, CancellationToken cancellationToken)
    {
        var t = await desk.ForSystemAsync(command.TicketId, cancellationToken);
        var now = clock.GetUtcNow();
        if (t is null || t.Ticket.InactivityDueAt(now) is InactivityStep.None)
        {
            return InactivityStep.None;
        }

        var ticket = t.Ticket;
        var threadId = ticket.ThreadId!.Value;
        if (await threads.ReadActivityAsync(threadId, cancellationToken) is not { } activity)
        {
            ticket.MarkDeletedInDiscord(now);
            return InactivityStep.None;
        }

        if (activity.LastMemberMessageAt is { } written)
        {
            ticket.ActivitySeen(written, t.Inactivity);
        }

        var step = ticket.InactivityDueAt(now);
        if (step == InactivityStep.Warn)
        {
            ticket.WarnOfInactivity(now, t.Inactivity);
            var closesAt = ticket.AutoCloseAt!.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            desk.Enqueue(ticket, new PostMessage(threadId, t.Text(BotText.InactivityWarning, $"<t:{closesAt}:R>"),
                [new ChoreButton(TicketCustomIds.Action(TicketAction.DisableTimer, ticket.Id), t.Text(BotText.DisableTimer))]));
        }
        else if (step == InactivityStep.Close)
        {
            closer.Close(t, null, null);
        }

        return step;
    }
}

/// <summary>Configuration section "Tickets:Inactivity".</summary>
internal sealed class InactivityOptions
{
    /// <summary>How often due tickets are looked for: the timer is this precise.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Finds the tickets whose warning or close is due and sweeps each in its own transaction.</summary>
internal sealed partial class InactivitySweep(IServiceScopeFactory scopes, IOptions<InactivityOptions> options, TimeProvider clock, ILogger<InactivitySweep> logger)
    : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(failure);
            }

            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Open && t.InactivityWarningAt <= now)
                .OrderBy(t => t.InactivityWarningAt)
                .Select(t => t.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        foreach (var ticketId in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var step = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepTicketCommand(ticketId), cancellationToken);
                if (step != InactivityStep.None)
                {
                    LogSwept(ticketId, step);
                }
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                LogTicketFailed(failure, ticketId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inactivity sweep failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping ticket {TicketId} failed; it is tried again at the next interval")]
    private partial void LogTicketFailed(Exception exception, Guid ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inactivity timer of ticket {TicketId}: {Step}")]
    private partial void LogSwept(Guid ticketId, InactivityStep step);
}

internal static class InactivityTimerEndpoint
{
    public static void Map(IEndpointRouteBuilder tickets) =>
        tickets.MapPut("/{ticketId}/timer", (ulong guildId, Guid ticketId, TimerRequest body, IMediator mediator, CancellationToken ct) =>
                body.Enabled
                    ? mediator.Send(new EnableTicketTimerCommand(guildId, ticketId, null), ct)
                    : mediator.Send(new DisableTicketTimerCommand(guildId, ticketId, body.Reason ?? "", body.LogChannelId, null), ct))
            .AsTicketAction("SetTicketTimer");

    internal sealed record TimerRequest(bool Enabled, string? Reason, ulong? LogChannelId);
}
