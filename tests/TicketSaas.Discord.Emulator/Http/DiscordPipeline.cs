using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Discord.Emulator.Spec;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>
/// What every request goes through before its handler, in Discord's order as far as it shows: recording,
/// injected faults, authentication, injected 429s, rate limits, then the spec check. Refusals are written in Discord's shapes.
/// </summary>
internal sealed class DiscordPipeline(EmulatorServices services)
{
    public const string ApiPrefix = "/api/v10";
    public const string SpecViolationHeader = "X-Emulator-Spec-Violation";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;

        var record = new RecordedRequest
        {
            Time = services.Options.TimeProvider.GetUtcNow(),
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = buffer.ToArray(),
        };
        services.Log.Add(record);
        try
        {
            await HandleAsync(http, next, record).ConfigureAwait(false);
        }
        catch (DiscordApiException refusal)
        {
            await WriteAsync(http, refusal.Status, refusal.ToBody()).ConfigureAwait(false);
        }
        catch (OAuthException refusal)
        {
            await WriteAsync(http, refusal.Status, refusal.ToBody()).ConfigureAwait(false);
        }
        finally
        {
            record.Status = record.Aborted ? 0 : http.Response.StatusCode;
        }
    }

    private async Task HandleAsync(HttpContext http, RequestDelegate next, RecordedRequest record)
    {
        var route = http.GetEndpoint()?.Metadata.GetMetadata<DiscordRoute>();
        if (route is null)
        {
            await UnroutedAsync(http, record).ConfigureAwait(false);
            return;
        }

        record.Route = route.Key;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
        var scope = new RequestScope(record.Body, form);
        http.Items[typeof(RequestScope)] = scope;

        var latency = services.Faults.LatencyOf(route.Key);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, services.Options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }

        if (services.Faults.TakeAbort(route.Key))
        {
            record.Aborted = true;
            http.Abort();
            return;
        }

        if (services.Faults.TakeFailure(route.Key) is { } failure)
        {
            await WriteFailureAsync(http, failure).ConfigureAwait(false);
            return;
        }

        record.Caller = Authenticate(http, route, scope);
        if (services.Faults.TakeRateLimit(route.Key) is { } retryAfter)
        {
            var (hash, rule) = services.RateLimiter.BucketOf(route.Key);
            WriteBucketHeaders(http.Response.Headers, hash, rule.Limit, remaining: 0, services.Options.TimeProvider.GetUtcNow() + retryAfter, retryAfter);
            await RefuseRateLimitedAsync(http, record, RateLimitScope.User, retryAfter).ConfigureAwait(false);
            return;
        }

        if (route.RateLimited && !await AdmitAsync(http, route, record).ConfigureAwait(false))
        {
            return;
        }

        if (services.Options.SpecCheck != SpecCheckMode.Off)
        {
            record.SpecViolations = route.OwnSchema is { } own
                ? OwnSchemas.Check(own, http.Request, form)
                : services.Spec!.Check(http.Request.Method, http.Request.Path.Value![ApiPrefix.Length..], http.Request.Query, SpecBodyOf(http.Request, record.Body, form));
            if (record.SpecViolations.Count > 0 && services.Options.SpecCheck == SpecCheckMode.Reject)
            {
                await RefuseAsync(http, record.SpecViolations).ConfigureAwait(false);
                return;
            }
        }

        if (services.Faults.TakeHeldAnswer(route.Key) is { } hold)
        {
            await HandleThenHoldAsync(http, next, record, hold).ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }

    /// <summary>The handler runs and its answer is buffered; it goes out after the hold unless the client has given up.</summary>
    private async Task HandleThenHoldAsync(HttpContext http, RequestDelegate next, RecordedRequest record, TimeSpan hold)
    {
        var wire = http.Response.Body;
        using var answer = new MemoryStream();
        http.Response.Body = answer;
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            http.Response.Body = wire;
        }

        try
        {
            await Task.Delay(hold, services.Options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            record.Aborted = true;
            return;
        }

        answer.Position = 0;
        await answer.CopyToAsync(wire, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// No emulated route: Discord's 404 or 405 when the spec agrees, or 501 when Discord has the operation but
    /// the emulator does not implement it (so a test learns that, rather than meet a false 404).
    /// </summary>
    private async Task UnroutedAsync(HttpContext http, RecordedRequest record)
    {
        var path = http.Request.Path.Value ?? "";
        if (!path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal) || services.Spec is null)
        {
            await WriteAsync(http, 404, DiscordApiException.NotFound().ToBody()).ConfigureAwait(false);
            return;
        }

        var violations = services.Spec.Check(http.Request.Method, path[ApiPrefix.Length..], http.Request.Query, SpecBody.None)
            .Where(v => v.Kind is SpecViolationKind.UnknownPath or SpecViolationKind.MethodNotAllowed).ToList();
        record.SpecViolations = violations;
        if (violations.Count > 0)
        {
            await RefuseAsync(http, violations).ConfigureAwait(false);
            return;
        }

        await WriteAsync(http, 501, new JsonObject
        {
            ["message"] = $"The emulator does not implement {http.Request.Method} {services.Spec.TemplateOf(path[ApiPrefix.Length..])}.",
            ["code"] = 0,
        }).ConfigureAwait(false);
    }

    /// <summary>Who the request acts for; also whom rate limits count against.</summary>
    private string Authenticate(HttpContext http, DiscordRoute route, RequestScope scope)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (AuthenticationHeaderValue.TryParse(header, out var auth) && auth.Parameter is { } token && route.Auth != RouteAuth.None)
        {
            if (auth.Scheme == "Bot")
            {
                scope.Bot = services.State.BotByToken(token) ?? throw DiscordApiException.Unauthorized();
                return token;
            }

            if (auth.Scheme == "Bearer" && route.Auth == RouteAuth.BotOrBearer)
            {
                scope.OAuthUser = services.OAuth.UserOf(token) ?? throw DiscordApiException.Unauthorized();
                return token;
            }
        }

        if (route.Auth != RouteAuth.None)
        {
            throw DiscordApiException.Unauthorized();
        }

        var values = http.Request.RouteValues;
        return (values["interaction_token"] ?? values["webhook_token"]) as string
            ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
    }

    private async Task<bool> AdmitAsync(HttpContext http, DiscordRoute route, RecordedRequest record)
    {
        var values = http.Request.RouteValues;
        var major = string.Join('/', DiscordRoute.MajorParameters.Select(p => values[p] as string).OfType<string>());
        var decision = services.RateLimiter.Acquire(record.Caller!, route.Key, major, route.GlobalExempt);
        if (decision.BucketHash is not null)
        {
            WriteBucketHeaders(http.Response.Headers, decision.BucketHash, decision.Limit, decision.Remaining, decision.ResetAt, decision.ResetAfter);
        }

        if (decision.Allowed)
        {
            return true;
        }

        await RefuseRateLimitedAsync(http, record, decision.RejectedBy!.Value, decision.ResetAfter).ConfigureAwait(false);
        return false;
    }

    private static void WriteBucketHeaders(IHeaderDictionary headers, string hash, int limit, int remaining, DateTimeOffset resetAt, TimeSpan resetAfter)
    {
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Seconds(resetAt.ToUnixTimeMilliseconds() / 1000.0);
        headers["X-RateLimit-Reset-After"] = Seconds(resetAfter.TotalSeconds);
        headers["X-RateLimit-Bucket"] = hash;
    }

    /// <summary>Discord's 429: Retry-After in whole seconds, retry_after in the body to the millisecond.</summary>
    private static Task RefuseRateLimitedAsync(HttpContext http, RecordedRequest record, RateLimitScope scope, TimeSpan retryAfter)
    {
        var global = scope == RateLimitScope.Global;
        var headers = http.Response.Headers;
        record.RateLimitedBy = scope;
        headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        return WriteAsync(http, 429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Ceiling(retryAfter.TotalMilliseconds) / 1000,
            ["global"] = global,
        });
    }

    private static SpecBody SpecBodyOf(HttpRequest request, byte[] body, IFormCollection? form)
    {
        if (body.Length == 0)
        {
            return SpecBody.None;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() ?? "" : "";
        if (form is not null)
        {
            var payload = form["payload_json"].ToString();
            return payload.Length > 0
                ? Parse(mediaType, Encoding.UTF8.GetBytes(payload), "payload_json")
                : Parse(mediaType, JsonSerializer.SerializeToUtf8Bytes(form.ToDictionary(f => f.Key, f => f.Value.ToString())), "form");
        }

        return mediaType == "application/json" ? Parse(mediaType, body, "body") : new SpecBody(mediaType is "" ? "(no Content-Type)" : mediaType, null, "unsupported media type");
    }

    private static SpecBody Parse(string mediaType, byte[] json, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return new SpecBody(mediaType, document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return new SpecBody(mediaType, null, $"the {what} is not valid JSON ({e.Message})");
        }
    }

    private static async Task RefuseAsync(HttpContext http, IReadOnlyList<SpecViolation> violations)
    {
        http.Response.Headers[SpecViolationHeader] = Ascii(string.Join(" | ", violations));
        var first = violations[0];
        if (first.Kind == SpecViolationKind.UnknownPath)
        {
            await WriteAsync(http, 404, DiscordApiException.NotFound().ToBody()).ConfigureAwait(false);
            return;
        }

        if (first.Kind == SpecViolationKind.MethodNotAllowed)
        {
            await WriteAsync(http, 405, DiscordApiException.MethodNotAllowed().ToBody()).ConfigureAwait(false);
            return;
        }

        var errors = new FormErrors();
        foreach (var violation in violations)
        {
            if (violation.Errors.Count == 0)
            {
                errors.Add([], "SPEC_VIOLATION", violation.Reason);
            }

            foreach (var error in violation.Errors)
            {
                errors.Add(error.Path, error.Code, error.Message);
            }
        }

        await WriteAsync(http, 400, DiscordApiException.InvalidFormBody(errors).ToBody()).ConfigureAwait(false);
    }

    /// <summary>A 500 comes as Discord's JSON; 502–504 come from the edge as an HTML page, so clients meet both.</summary>
    private static Task WriteFailureAsync(HttpContext http, int status)
    {
        if (status == 500)
        {
            return WriteAsync(http, status, new JsonObject { ["message"] = "500: Internal Server Error", ["code"] = 0 });
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html";
        return http.Response.WriteAsync($"<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center><hr><center>cloudflare</center></body></html>", http.RequestAborted);
    }

    internal static Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(Renderer.Wire), http.RequestAborted);
    }

    /// <summary>Rounded up to the millisecond, so a client that waits exactly this long never arrives early.</summary>
    private static string Seconds(double value) => (Math.Ceiling(value * 1000) / 1000).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ascii(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length > 2000 ? ascii[..2000] : ascii;
    }
}
