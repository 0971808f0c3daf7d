using System.Globalization;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.Plugins.Webhooks.Domain;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks.Infrastructure;

/// <summary>
/// Posts due deliveries, signed, and records each attempt: a 2xx answer delivers, anything else (or no answer) is
/// retried after <c>Webhooks:RetryDelay</c>, doubling each time, until <c>Webhooks:MaxAttempts</c> marks it failed.
/// </summary>
internal sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    private const int BatchSize = 20;
    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogPassFailed(failure);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            if (await ClaimAsync(db, id, now, cancellationToken))
            {
                await SendAsync(db, id, cancellationToken);
            }
        }
    }

    /// <summary>Takes the delivery for one attempt; false when another sender took it first.</summary>
    private async Task<bool> ClaimAsync(WebhooksDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now + options.Value.Timeout * 2;
        return await db.Deliveries
            .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LockedUntil, lease), cancellationToken) == 1;
    }

    private async Task SendAsync(WebhooksDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var endpoint = await db.Endpoints.AsNoTracking().SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(endpoint.ProtectedSecret), timestamp, delivery.Payload));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventName);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());

        var client = clients.CreateClient(ClientName);
        client.Timeout = options.Value.Timeout;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                delivery.Succeeded((int)response.StatusCode, clock.GetUtcNow());
            }
            else
            {
                delivery.AttemptFailed((int)response.StatusCode, $"The endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", RetryAt(delivery));
            }
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivery.AttemptFailed(null, failed.Message, RetryAt(delivery));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When to try again after the attempt now failing, or null when it was the last one allowed.</summary>
    private DateTimeOffset? RetryAt(WebhookDelivery delivery)
    {
        var attempt = delivery.Attempts + 1;
        if (attempt >= options.Value.MaxAttempts)
        {
            return null;
        }

        var delay = options.Value.RetryDelay * Math.Pow(2, attempt - 1);
        return clock.GetUtcNow() + (delay < LongestDelay ? delay : LongestDelay);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook sending pass failed; the next pass retries")]
    private partial void LogPassFailed(Exception failure);
}
