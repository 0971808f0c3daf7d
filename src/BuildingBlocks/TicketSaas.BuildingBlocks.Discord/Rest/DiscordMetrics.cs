using System.Diagnostics.Metrics;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>
/// Discord bans a token for an hour after 10,000 invalid requests (401, 403, 429 other than "shared") in
/// 10 minutes: these counters show how far we stay from that.
/// </summary>
internal sealed class DiscordMetrics
{
    public const string MeterName = "TicketSaas.Discord";

    private readonly Counter<long> invalidRequests;
    private readonly Counter<long> retries;
    private readonly Counter<long> rateLimitWaits;

    public DiscordMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName))
    {
    }

    public DiscordMetrics(Meter meter)
    {
        Meter = meter;
        invalidRequests = meter.CreateCounter<long>("discord.rest.invalid_requests", description:
            "Requests Discord counts toward its invalid request limit: 401, 403 and non-shared 429.");
        retries = meter.CreateCounter<long>("discord.rest.retries", description: "Requests sent again after a 5xx or a network fault.");
        rateLimitWaits = meter.CreateCounter<long>("discord.rest.rate_limit_waits", description:
            "Requests held back because a bucket or the global limit was exhausted.");
    }

    public Meter Meter { get; }

    public void InvalidRequest(int status, string? scope) =>
        invalidRequests.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status),
            new KeyValuePair<string, object?>("discord.rate_limit.scope", scope));

    public void Retry(string route) => retries.Add(1, new KeyValuePair<string, object?>("discord.route", route));

    public void RateLimitWait(string route) => rateLimitWaits.Add(1, new KeyValuePair<string, object?>("discord.route", route));
}
