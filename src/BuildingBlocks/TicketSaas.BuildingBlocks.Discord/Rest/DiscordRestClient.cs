using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Rest;

/// <summary>
/// Discord's REST API v10 for one bot token: every call waits for its rate-limit bucket and the global limit
/// instead of provoking a 429, honours a 429's retry_after, and retries 5xx answers and network faults a few
/// times with jitter. Failures surface as <see cref="DiscordRestException"/>.
/// </summary>
public sealed class DiscordRestClient
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient http;
    private readonly DiscordRestOptions options;
    private readonly TimeProvider time;
    private readonly DiscordMetrics metrics;
    private readonly ILogger logger;
    private readonly RateLimiter limiter;
    private readonly AuthenticationHeaderValue botAuthorization;

    public DiscordRestClient(HttpClient http, DiscordRestOptions options, TimeProvider time, IMeterFactory meterFactory, ILogger<DiscordRestClient> logger)
        : this(http, options, time, new DiscordMetrics(meterFactory), logger)
    {
    }

    internal DiscordRestClient(HttpClient http, DiscordRestOptions options, TimeProvider time, DiscordMetrics metrics, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BotToken, "Discord:BotToken");
        this.http = http;
        this.options = options;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger ?? NullLogger.Instance;
        limiter = new RateLimiter(options, time, metrics);
        botAuthorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        http.BaseAddress ??= options.BaseAddress;
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    internal RateLimiter RateLimiter => limiter;

    // ---- Threads -------------------------------------------------------------------------------------------

    /// <summary>A private thread (type 12) that members cannot invite others to.</summary>
    public Task<DiscordChannel> CreatePrivateThreadAsync(ulong channelId, string name, ThreadAutoArchiveDuration autoArchive,
        CancellationToken cancellationToken = default)
    {
        DiscordLimits.Length("Thread name", name, DiscordLimits.ThreadName, required: true);
        var body = new ThreadCreateBody(name, ChannelType.PrivateThread, Invitable: false, (int)autoArchive);
        return ReadAsync<DiscordChannel>(Bot(HttpMethod.Post, "channels/{channel_id}/threads", channelId), Json(body), cancellationToken);
    }

    public Task AddThreadMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Put, "channels/{channel_id}/thread-members/{user_id}", threadId, userId), null, cancellationToken);

    public Task RemoveThreadMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Delete, "channels/{channel_id}/thread-members/{user_id}", threadId, userId), null, cancellationToken);

    public Task<DiscordChannel> ModifyThreadAsync(ulong threadId, DiscordThreadEdit edit, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Length("Thread name", edit.Name, DiscordLimits.ThreadName);
        return ReadAsync<DiscordChannel>(Bot(HttpMethod.Patch, "channels/{channel_id}", threadId), Json(edit), cancellationToken);
    }

    public Task<DiscordChannel> RenameThreadAsync(ulong threadId, string name, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Length("Thread name", name, DiscordLimits.ThreadName, required: true);
        return ModifyThreadAsync(threadId, new DiscordThreadEdit { Name = name }, cancellationToken);
    }

    /// <summary>Archives the thread; locked, only moderators can unarchive it.</summary>
    public Task<DiscordChannel> ArchiveThreadAsync(ulong threadId, bool locked, CancellationToken cancellationToken = default) =>
        ModifyThreadAsync(threadId, new DiscordThreadEdit { Archived = true, Locked = locked }, cancellationToken);

    /// <summary>
    /// The guild's unarchived threads, public and private, with a thread member for each the bot has joined. The
    /// threads carry parent_id, owner_id and thread_metadata to tell the ones the bot created.
    /// </summary>
    public Task<DiscordThreadList> ListActiveGuildThreadsAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordThreadList>(Bot(HttpMethod.Get, "guilds/{guild_id}/threads/active", guildId), null, cancellationToken);

    // ---- Channels ------------------------------------------------------------------------------------------

    /// <summary>A channel or thread by id; 10003 (unknown channel) once it is deleted.</summary>
    public Task<DiscordChannel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordChannel>(Bot(HttpMethod.Get, "channels/{channel_id}", channelId), null, cancellationToken);

    /// <summary>Deletes a channel, or a thread with its messages; needs MANAGE_CHANNELS, or MANAGE_THREADS for a thread.</summary>
    public Task DeleteChannelAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Delete, "channels/{channel_id}", channelId), null, cancellationToken);

    // ---- Messages ------------------------------------------------------------------------------------------

    /// <summary>
    /// Posts a message with a nonce Discord enforces: a retry after a lost answer returns the message already
    /// posted instead of posting it twice. Pass a stable <paramref name="nonce"/> (at most 25 characters) to
    /// extend that to retries across processes; by default each call draws a new one.
    /// </summary>
    public Task<DiscordMessage> CreateMessageAsync(ulong channelId, DiscordMessageBuilder message, string? nonce = null,
        CancellationToken cancellationToken = default)
    {
        nonce ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        DiscordLimits.Length("Message nonce", nonce, DiscordLimits.Nonce, required: true);
        var payload = message.ToPayload() with { Nonce = nonce, EnforceNonce = true };
        return ReadAsync<DiscordMessage>(Bot(HttpMethod.Post, "channels/{channel_id}/messages", channelId),
            MessageContent(payload, message.Files), cancellationToken);
    }

    public Task<DiscordMessage> EditMessageAsync(ulong channelId, ulong messageId, DiscordMessageBuilder message,
        CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordMessage>(Bot(HttpMethod.Patch, "channels/{channel_id}/messages/{message_id}", channelId, messageId),
            MessageContent(message.ToPayload(), message.Files), cancellationToken);

    /// <summary>The bot's own messages need no permission; others' need MANAGE_MESSAGES.</summary>
    public Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Delete, "channels/{channel_id}/messages/{message_id}", channelId, messageId), null, cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> (1–100) messages, newest first, before or after a message id (not both).
    /// Page backwards through a thread with the last id of each page as the next <paramref name="before"/>.
    /// </summary>
    public Task<IReadOnlyList<DiscordMessage>> GetMessagesAsync(ulong channelId, ulong? before = null, ulong? after = null,
        int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        if (before is not null && after is not null)
        {
            throw new ArgumentException("Page with before or after, not both.", nameof(after));
        }

        var query = (before, after) switch
        {
            ({ } beforeId, _) => string.Create(CultureInfo.InvariantCulture, $"?limit={limit}&before={beforeId}"),
            (_, { } afterId) => string.Create(CultureInfo.InvariantCulture, $"?limit={limit}&after={afterId}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"?limit={limit}"),
        };
        return ReadAsync<IReadOnlyList<DiscordMessage>>(Bot(HttpMethod.Get, "channels/{channel_id}/messages", channelId) with
        {
            Query = query,
        }, null, cancellationToken);
    }

    // ---- Guilds and users ----------------------------------------------------------------------------------

    /// <summary>The guild with its roles (the @everyone role's id is the guild's); without channels, members or threads.</summary>
    public Task<DiscordGuild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordGuild>(Bot(HttpMethod.Get, "guilds/{guild_id}", guildId), null, cancellationToken);

    public Task<IReadOnlyList<DiscordChannel>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<DiscordChannel>>(Bot(HttpMethod.Get, "guilds/{guild_id}/channels", guildId), null, cancellationToken);

    public Task<IReadOnlyList<DiscordRole>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<DiscordRole>>(Bot(HttpMethod.Get, "guilds/{guild_id}/roles", guildId), null, cancellationToken);

    public Task<DiscordMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordMember>(Bot(HttpMethod.Get, "guilds/{guild_id}/members/{user_id}", guildId, userId), null, cancellationToken);

    /// <summary>Up to <paramref name="limit"/> (1–1000) members with ids above <paramref name="after"/>; needs the GUILD_MEMBERS intent.</summary>
    public Task<IReadOnlyList<DiscordMember>> ListGuildMembersAsync(ulong guildId, ulong after = 0, int limit = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return ReadAsync<IReadOnlyList<DiscordMember>>(Bot(HttpMethod.Get, "guilds/{guild_id}/members", guildId) with
        {
            Query = string.Create(CultureInfo.InvariantCulture, $"?limit={limit}&after={after}"),
        }, null, cancellationToken);
    }

    /// <summary>Up to 200 of the bot's own guilds with ids above <paramref name="after"/>: how a bot without the gateway learns where it is.</summary>
    public Task<IReadOnlyList<DiscordPartialGuild>> GetBotGuildsAsync(ulong after = 0, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<DiscordPartialGuild>>(Bot(HttpMethod.Get, "users/@me/guilds") with
        {
            Query = string.Create(CultureInfo.InvariantCulture, $"?limit=200&after={after}"),
        }, null, cancellationToken);

    /// <summary>Opens (or returns) the DM channel with a user; sending fails with 50007 when the user blocks DMs.</summary>
    public Task<DiscordChannel> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordChannel>(Bot(HttpMethod.Post, "users/@me/channels"), Json(new DmCreateBody(userId)), cancellationToken);

    public Task<DiscordGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordGatewayBot>(Bot(HttpMethod.Get, "gateway/bot"), null, cancellationToken);

    /// <summary>Replaces all global commands of the application with <paramref name="commands"/>.</summary>
    public Task<IReadOnlyList<DiscordApplicationCommand>> BulkOverwriteGlobalCommandsAsync(ulong applicationId,
        IReadOnlyList<DiscordApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        foreach (var command in commands)
        {
            DiscordLimits.Command(command);
        }

        return ReadAsync<IReadOnlyList<DiscordApplicationCommand>>(
            Bot(HttpMethod.Put, "applications/{application_id}/commands", applicationId), Json(commands), cancellationToken);
    }

    /// <summary>
    /// Replaces the application's commands in one guild. They exist only there, never in DMs, so
    /// <see cref="DiscordApplicationCommand.Contexts"/> does not apply to them.
    /// </summary>
    public Task<IReadOnlyList<DiscordApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong applicationId, ulong guildId,
        IReadOnlyList<DiscordApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        foreach (var command in commands)
        {
            DiscordLimits.Command(command);
        }

        return ReadAsync<IReadOnlyList<DiscordApplicationCommand>>(
            Bot(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands", applicationId, guildId), Json(commands), cancellationToken);
    }

    // ---- Interactions (authenticated by the interaction token, outside the global limit) ---------------------

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, DiscordInteractionResponse response,
        CancellationToken cancellationToken = default) =>
        SendAsync(Unauthenticated(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", interactionId, interactionToken),
            MessageContent(response.ToPayload(), response.Files), cancellationToken);

    public Task<DiscordMessage> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, DiscordMessageBuilder message,
        CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordMessage>(Unauthenticated(HttpMethod.Post, "webhooks/{webhook_id}/{webhook_token}", applicationId, interactionToken),
            MessageContent(message.ToPayload(), message.Files), cancellationToken);

    public Task<DiscordMessage> EditOriginalResponseAsync(ulong applicationId, string interactionToken, DiscordMessageBuilder message,
        CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordMessage>(
            Unauthenticated(HttpMethod.Patch, "webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationId, interactionToken),
            MessageContent(message.ToPayload(), message.Files), cancellationToken);

    // ---- OAuth2 (the user's bearer token) ---------------------------------------------------------------------

    public Task<DiscordOAuthToken> ExchangeCodeAsync(DiscordOAuthCodeExchange exchange, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri.ToString(),
            ["code_verifier"] = exchange.CodeVerifier,
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{exchange.ClientId.ToString(CultureInfo.InvariantCulture)}:{exchange.ClientSecret}"));
        var call = new RestCall(RestRoute.Create(HttpMethod.Post, "oauth2/token"), new AuthenticationHeaderValue("Basic", credentials), Global: false);
        return ReadAsync<DiscordOAuthToken>(call, () => new FormUrlEncodedContent(form), cancellationToken);
    }

    public Task<DiscordUser> GetCurrentUserAsync(string accessToken, CancellationToken cancellationToken = default) =>
        ReadAsync<DiscordUser>(Bearer(accessToken, "users/@me"), null, cancellationToken);

    /// <summary>Up to 200 of the user's guilds with ids above <paramref name="after"/>, with the user's permissions in each.</summary>
    public Task<IReadOnlyList<DiscordPartialGuild>> GetCurrentUserGuildsAsync(string accessToken, ulong after = 0,
        CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<DiscordPartialGuild>>(Bearer(accessToken, "users/@me/guilds") with
        {
            Query = string.Create(CultureInfo.InvariantCulture, $"?limit=200&after={after}"),
        }, null, cancellationToken);

    // ---- CDN ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Copies a CDN file (attachment, avatar) into <paramref name="destination"/>. Only the configured CDN hosts are
    /// fetched, without the bot token; 5xx answers and faults before the first byte are retried.
    /// </summary>
    public async Task DownloadAsync(Uri url, Stream destination, CancellationToken cancellationToken = default)
    {
        if (!url.IsAbsoluteUri || !options.CdnHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{url} is not on a Discord CDN host ({string.Join(", ", options.CdnHosts)}).", nameof(url));
        }

        var route = RestRoute.Create(HttpMethod.Get, "cdn");
        using var response = await SendWithRetriesAsync(route, () => new HttpRequestMessage(HttpMethod.Get, url), lease: null, global: false,
            cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    // ---- Pipeline ----------------------------------------------------------------------------------------------

    private RestCall Bot(HttpMethod method, string template, params object[] values) =>
        new(RestRoute.Create(method, template, values), botAuthorization, Global: true);

    private static RestCall Unauthenticated(HttpMethod method, string template, params object[] values) =>
        new(RestRoute.Create(method, template, values), null, Global: false);

    /// <summary>Bearer calls are limited per user token: the token's hash stands in as their major parameter.</summary>
    private static RestCall Bearer(string accessToken, string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        var route = RestRoute.Create(HttpMethod.Get, template);
        return new RestCall(route with { Major = $"user:{accessToken.GetHashCode(StringComparison.Ordinal):x8}" },
            new AuthenticationHeaderValue("Bearer", accessToken), Global: false);
    }

    private static Func<HttpContent> Json<T>(T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, DiscordJson.Options);
        return () => new ByteArrayContent(bytes) { Headers = { ContentType = JsonType } };
    }

    /// <summary>JSON, or multipart with "payload_json" and "files[n]" parts when there are files.</summary>
    private static Func<HttpContent> MessageContent(object payload, IReadOnlyList<DiscordFile> files)
    {
        var json = Json(payload);
        if (files.Count == 0)
        {
            return json;
        }

        return () =>
        {
            var multipart = new MultipartFormDataContent { { json(), "payload_json" } };
            for (var index = 0; index < files.Count; index++)
            {
                var part = new ReadOnlyMemoryContent(files[index].Data) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
                multipart.Add(part, $"files[{index}]", files[index].FileName);
            }

            return multipart;
        };
    }

    private async Task<T> ReadAsync<T>(RestCall call, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(call, content, cancellationToken, keepResponse: true);
        return await response!.Content.ReadFromJsonAsync<T>(DiscordJson.Options, cancellationToken)
            ?? throw new JsonException($"Discord answered {call.Route} with null.");
    }

    private async Task SendAsync(RestCall call, Func<HttpContent>? content, CancellationToken cancellationToken) =>
        (await ExchangeAsync(call, content, cancellationToken, keepResponse: false))?.Dispose();

    private async Task<HttpResponseMessage?> ExchangeAsync(RestCall call, Func<HttpContent>? content, CancellationToken cancellationToken,
        bool keepResponse)
    {
        using var lease = await limiter.EnterAsync(call.Route, cancellationToken);
        var response = await SendWithRetriesAsync(call.Route, () =>
        {
            var request = new HttpRequestMessage(call.Route.Method, call.Route.Path + call.Query) { Content = content?.Invoke() };
            request.Headers.Authorization = call.Authorization;
            return request;
        }, lease, call.Global, cancellationToken);
        if (keepResponse)
        {
            return response;
        }

        response.Dispose();
        return null;
    }

    /// <summary>
    /// Sends until success or a final failure: 429 waits retry_after (bounded), 5xx and network faults back off
    /// with jitter (bounded), every other 4xx fails at once.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(RestRoute route, Func<HttpRequestMessage> createRequest,
        RateLimiter.Lease? lease, bool global, CancellationToken cancellationToken)
    {
        var faults = 0;
        var rateLimited = 0;
        while (true)
        {
            var slot = lease is null ? null : await lease.WaitForTurnAsync(global, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(createRequest, slot, cancellationToken);
            }
            catch (Exception exception) when (IsNetworkFault(exception, cancellationToken) && faults < options.MaxRetries)
            {
                faults++;
                logger.LogWarning(exception, "Network fault on {Route}; retry {Attempt} of {MaxRetries}", route, faults, options.MaxRetries);
                await BackOffAsync(route, faults, cancellationToken);
                continue;
            }

            lease?.Observe(response.Headers);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var error = await ErrorBody.ReadAsync(response, cancellationToken);
            response.Dispose();
            var status = (int)response.StatusCode;
            var scope = Header(response.Headers, "X-RateLimit-Scope");
            if (status is 401 or 403 || (status == 429 && scope != "shared"))
            {
                metrics.InvalidRequest(status, scope);
            }

            if (status == 429 && lease is not null && rateLimited < options.MaxRateLimitRetries)
            {
                rateLimited++;
                var retryAfter = TimeSpan.FromSeconds(error.RetryAfter ?? response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1);
                var isGlobal = error.Global == true || scope == "global" || Header(response.Headers, "X-RateLimit-Global") == "true";
                logger.LogWarning("Discord rate-limited {Route} ({Scope}); retrying after {RetryAfter}", route, scope ?? "unknown", retryAfter);
                lease.RateLimited(retryAfter, isGlobal);
                continue;
            }

            if (status >= 500 && faults < options.MaxRetries)
            {
                faults++;
                logger.LogWarning("Discord answered {Status} to {Route}; retry {Attempt} of {MaxRetries}", status, route, faults, options.MaxRetries);
                await BackOffAsync(route, faults, cancellationToken);
                continue;
            }

            throw new DiscordRestException(route.Key, response.StatusCode, error.Code, error.Message ?? response.ReasonPhrase ?? "", error.Errors);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> createRequest, GlobalSlot? slot,
        CancellationToken cancellationToken)
    {
        try
        {
            using var request = createRequest();
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        finally
        {
            // Answered or failed: if Discord ever counts this request, it has by now.
            slot?.Complete(time.GetUtcNow());
        }
    }

    private static bool IsNetworkFault(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private Task BackOffAsync(RestRoute route, int attempt, CancellationToken cancellationToken)
    {
        metrics.Retry(route.Key);
        return Task.Delay(RetryDelay(options.RetryBaseDelay, attempt, Random.Shared.NextDouble()), time, cancellationToken);
    }

    /// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, so retries spread out but never hammer.</summary>
    internal static TimeSpan RetryDelay(TimeSpan baseDelay, int attempt, double random)
    {
        var step = baseDelay * Math.Pow(2, attempt - 1);
        return step / 2 + step / 2 * random;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record RestCall(RestRoute Route, AuthenticationHeaderValue? Authorization, bool Global)
    {
        public string Query { get; init; } = "";
    }

    private sealed record ThreadCreateBody(string Name, ChannelType Type, bool Invitable, int AutoArchiveDuration);

    private sealed record DmCreateBody(ulong RecipientId);

    /// <summary>Discord's error body: {code, message, errors} for errors, {message, retry_after, global} for 429.</summary>
    private sealed record ErrorBody(int? Code, string? Message, JsonElement? Errors, double? RetryAfter, bool? Global)
    {
        public static async Task<ErrorBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
                return await response.Content.ReadFromJsonAsync<ErrorBody>(DiscordJson.Options, cancellationToken)
                    ?? new ErrorBody(null, null, null, null, null);
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException)
            {
                // A proxy's HTML error page, or an empty body.
                return new ErrorBody(null, null, null, null, null);
            }
        }
    }
}

/// <summary>A thread change: only the fields set are sent.</summary>
public sealed record DiscordThreadEdit
{
    public string? Name { get; init; }
    public bool? Archived { get; init; }
    public bool? Locked { get; init; }
}
