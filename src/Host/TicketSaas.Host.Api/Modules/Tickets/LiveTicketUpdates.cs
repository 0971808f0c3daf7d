using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.Modules.Tickets;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Features.GetReadableCategories;

namespace TicketSaas.Host.Api.Modules.Tickets;

/// <summary>What a browser is told when a ticket changes; it reloads what it shows of the ticket from the API.</summary>
/// <param name="Kind"><c>opened</c>, <c>claimed</c>, <c>closed</c>, <c>reopened</c>, <c>moved</c> or <c>renamed</c>.</param>
/// <param name="CategoryId">The ticket's category after the change.</param>
/// <param name="By">Who did it: the opener for <c>opened</c>; null when the inactivity timer closed the ticket.</param>
internal sealed record LiveTicketChangeDto(Guid EventId, string Kind, Guid TicketId, int Number, Guid CategoryId, ulong? By, DateTimeOffset At);

/// <param name="CategoryIds">Whose staff may see the change: the ticket's category, and for a move the one it left too.</param>
internal sealed record LiveTicketChange(ulong GuildId, IReadOnlyList<Guid> CategoryIds, LiveTicketChangeDto Change);

/// <summary>
/// Server-sent events (ADR 0014): <c>GET /api/v1/guilds/{guildId}/tickets/live</c> streams the guild's ticket changes
/// to its staff, each change filtered by the same rule as the ticket list. Fed by this process's process-wide
/// subscription, so a change made by any host (the bot opening a ticket) reaches every API host's browsers.
/// </summary>
internal static class LiveTicketUpdates
{
    /// <summary>Often enough that proxies and browsers keep an idle stream open, and a gone browser is noticed.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddLiveTicketUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveTicketFeed>();
        services.AddScoped<IProcessWideEventHandler<TicketOpenedIntegrationEvent>, LiveTicketEvents>();
        services.AddScoped<IProcessWideEventHandler<TicketClaimedIntegrationEvent>, LiveTicketEvents>();
        services.AddScoped<IProcessWideEventHandler<TicketClosedIntegrationEvent>, LiveTicketEvents>();
        services.AddScoped<IProcessWideEventHandler<TicketReopenedIntegrationEvent>, LiveTicketEvents>();
        services.AddScoped<IProcessWideEventHandler<TicketMovedIntegrationEvent>, LiveTicketEvents>();
        services.AddScoped<IProcessWideEventHandler<TicketRenamedIntegrationEvent>, LiveTicketEvents>();
        return services;
    }

    public static void MapLiveTicketUpdates(this IEndpointRouteBuilder api, ModuleCatalog catalog)
    {
        if (!catalog.Enabled.OfType<TicketsModule>().Any())
        {
            return;
        }

        api.MapGet("/guilds/{guildId}/tickets/live", FollowAsync)
            .RequireAuthorization(Policies.GuildStaff)
            .WithTags("Tickets: tickets")
            .WithName("FollowTickets")
            .Produces<LiveTicketChangeDto>(StatusCodes.Status200OK, "text/event-stream");
    }

    private static async Task FollowAsync(
        ulong guildId, HttpContext http, LiveTicketFeed feed, IMediator mediator, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        using var subscription = feed.Subscribe(guildId);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Proxies buffer responses unless told not to; a buffered stream arrives in bursts, or never.
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await SendAsync(response, ": following\n\n", cancellationToken);
            while (true)
            {
                if (!await WaitAsync(subscription.Changes, cancellationToken))
                {
                    await SendAsync(response, ": heartbeat\n\n", cancellationToken);
                    continue;
                }

                while (subscription.Changes.TryRead(out var change))
                {
                    // Asked per change, so that staff roles changed on a category apply to streams already open.
                    var readable = await mediator.Send(new GetReadableCategoriesQuery(guildId), cancellationToken);
                    if (readable.Includes(change.CategoryIds))
                    {
                        await SendAsync(response, $"id: {change.Change.EventId}\ndata: {JsonSerializer.Serialize(change.Change, json.Value.SerializerOptions)}\n\n",
                            cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away.
        }
    }

    /// <returns>False when nothing came within a heartbeat.</returns>
    private static async Task<bool> WaitAsync(ChannelReader<LiveTicketChange> changes, CancellationToken cancellationToken)
    {
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        beat.CancelAfter(Heartbeat);
        try
        {
            return await changes.WaitToReadAsync(beat.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task SendAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

/// <summary>The open streams of this process, per guild.</summary>
internal sealed class LiveTicketFeed
{
    /// <summary>A browser that reads slower than this many changes loses the oldest: it reloads anyway, memory stays bounded.</summary>
    private const int Backlog = 100;

    private readonly ConcurrentDictionary<ulong, ConcurrentDictionary<Subscription, byte>> _guilds = new();

    public Subscription Subscribe(ulong guildId)
    {
        var subscription = new Subscription(this, guildId);
        _guilds.GetOrAdd(guildId, _ => new ConcurrentDictionary<Subscription, byte>())[subscription] = 0;
        return subscription;
    }

    public void Publish(LiveTicketChange change)
    {
        if (_guilds.TryGetValue(change.GuildId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Keys)
            {
                subscription.Offer(change);
            }
        }
    }

    public sealed class Subscription(LiveTicketFeed feed, ulong guildId) : IDisposable
    {
        private readonly Channel<LiveTicketChange> _channel =
            Channel.CreateBounded<LiveTicketChange>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<LiveTicketChange> Changes => _channel.Reader;

        public void Offer(LiveTicketChange change) => _channel.Writer.TryWrite(change);

        public void Dispose()
        {
            if (feed._guilds.TryGetValue(guildId, out var subscriptions))
            {
                subscriptions.TryRemove(this, out _);
            }
        }
    }
}

/// <summary>Turns the Tickets module's lifecycle events into changes for the streams.</summary>
internal sealed class LiveTicketEvents(LiveTicketFeed feed) :
    IProcessWideEventHandler<TicketOpenedIntegrationEvent>,
    IProcessWideEventHandler<TicketClaimedIntegrationEvent>,
    IProcessWideEventHandler<TicketClosedIntegrationEvent>,
    IProcessWideEventHandler<TicketReopenedIntegrationEvent>,
    IProcessWideEventHandler<TicketMovedIntegrationEvent>,
    IProcessWideEventHandler<TicketRenamedIntegrationEvent>
{
    public Task Handle(TicketOpenedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "opened", e.GuildId, e.TicketId, e.Number, e.CategoryId, e.OpenerId);

    public Task Handle(TicketClaimedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "claimed", e.GuildId, e.TicketId, e.Number, e.CategoryId, e.ClaimedBy);

    public Task Handle(TicketClosedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "closed", e.GuildId, e.TicketId, e.Number, e.CategoryId, e.ClosedBy);

    public Task Handle(TicketReopenedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "reopened", e.GuildId, e.TicketId, e.Number, e.CategoryId, e.ReopenedBy);

    public Task Handle(TicketMovedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "moved", e.GuildId, e.TicketId, e.Number, e.ToCategoryId, e.MovedBy, e.FromCategoryId);

    public Task Handle(TicketRenamedIntegrationEvent e, CancellationToken cancellationToken) =>
        Publish(e, "renamed", e.GuildId, e.TicketId, e.Number, e.CategoryId, e.RenamedBy);

    private Task Publish(IIntegrationEvent e, string kind, ulong guildId, Guid ticketId, int number, Guid categoryId, ulong? by, Guid? formerCategoryId = null)
    {
        feed.Publish(new LiveTicketChange(guildId, formerCategoryId is { } former ? [categoryId, former] : [categoryId],
            new LiveTicketChangeDto(e.Id, kind, ticketId, number, categoryId, by, e.OccurredAt)));
        return Task.CompletedTask;
    }
}
