using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web;

/// <summary>How many API requests fit in a window: per signed-in user (or per address when anonymous) and per guild.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Shared by everyone acting on one guild, so that a guild's many admins cannot add up to a flood.</summary>
    public WindowLimit PerGuild { get; set; } = new() { PermitLimit = 3000, Window = TimeSpan.FromMinutes(1) };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;

    internal FixedWindowRateLimiterOptions ToLimiter() => new() { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0 };
}

public static class RateLimits
{
    /// <summary>
    /// Limits every <c>/api</c> request twice, by caller and by the route's <c>guildId</c>; either one spent answers
    /// 429 problem details with <c>Retry-After</c>. Runs after authentication, which names the caller.
    /// </summary>
    public static IServiceCollection AddTicketSaasRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.PerUser.IsValid && o.PerGuild.IsValid, "RateLimits: every PermitLimit must be positive and every Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var perUser = limits.Value.PerUser.ToLimiter();
            var perGuild = limits.Value.PerGuild.ToLimiter();
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsApi(http)
                    ? RateLimitPartition.GetFixedWindowLimiter(CallerKey(http), _ => perUser)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsApi(http) && GuildKey(http) is { } guild
                    ? RateLimitPartition.GetFixedWindowLimiter(guild, _ => perGuild)
                    : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static string CallerKey(HttpContext http) => Caller.FromPrincipal(http.User).UserId is { } user
        ? user.ToString(CultureInfo.InvariantCulture)
        : "address:" + http.Connection.RemoteIpAddress;

    private static string? GuildKey(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("guildId", out var raw) && ulong.TryParse(raw as string, NumberStyles.None, CultureInfo.InvariantCulture, out var guild)
            ? guild.ToString(CultureInfo.InvariantCulture)
            : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Too many requests for this user or guild; try again in {seconds} s.",
                Extensions = { ["code"] = "rate-limited" },
            },
        });
    }
}
