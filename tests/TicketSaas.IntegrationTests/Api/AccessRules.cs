namespace TicketSaas.IntegrationTests.Api;

/// <summary>The least a caller must be for an endpoint, from nobody at all to platform admin; each level includes those below.</summary>
public enum Access
{
    Anyone,

    /// <summary>Any signed-in user, even one with nothing to do with the guild in the path.</summary>
    SignedIn,

    /// <summary>Holds a staff role of any category of the guild.</summary>
    AnyStaff,

    /// <summary>Holds a staff role of the category the path's ticket or transcript belongs to.</summary>
    CategoryStaff,

    GuildAdmin,

    PlatformAdmin,
}

/// <summary>
/// One row of the hand-written access table: an endpoint (method and route pattern as the app maps it), the least
/// access it needs, and what a request to it carries besides the path.
/// </summary>
/// <param name="Query">A query string (with <c>{name}</c> placeholders for ids), or null.</param>
/// <param name="Body">The JSON body, built from the ids of the guild under test; null for none.</param>
public sealed record AccessRule(
    string Method, string Pattern, Access Minimum, string? Query = null, Func<IReadOnlyDictionary<string, string>, object>? Body = null)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}

/// <summary>
/// Every endpoint of the app and who may call it. To add an endpoint: add a row with its method, its route pattern
/// exactly as <c>EndpointDataSource</c> lists it (the failing test prints it) and its minimum access; give it a
/// <c>Body</c> that passes validation (so refusals come from authorization, not from a 400) and a <c>Query</c> naming
/// any id it filters on. A new id in a path needs a value in <see cref="ApiScene.SeedGuildAsync"/> (or in
/// <see cref="FixedValues"/> when it is not the guild's).
/// </summary>
public static class AccessRules
{
    /// <summary>Route values that belong to no guild: the same for every guild under test.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixedValues = new Dictionary<string, string>
    {
        ["userId"] = "610000000000000002",
        ["planKey"] = "free",
        ["module"] = "transcripts",
        ["deliveryId"] = "1",
        ["documentName"] = "v1",
        ["key"] = "no-such-file.png",
    };

    private const string Guild = "/api/v1/guilds/{guildId}";
    private const string Period = "?from=2026-01-01&to=2026-01-31";

    public static readonly IReadOnlyList<AccessRule> All =
    [
        // Outside the API: health, the API's documents and reference, the transcript viewer (the link is the key: ADR 0011).
        new("*", "/health/live", Access.Anyone),
        new("*", "/health/ready", Access.Anyone),
        new("GET", "/openapi/{documentName}.json", Access.Anyone),
        new("GET", "/docs/{documentName?}", Access.Anyone),
        new("GET", "/docs/scalar.js", Access.Anyone),
        new("GET", "/docs/scalar.aspnetcore.js", Access.Anyone),
        new("GET", "/docs/favicon.svg", Access.Anyone),
        new("GET", "/t/{publicId}", Access.Anyone),
        new("GET", "/t/{publicId}/files/{**key}", Access.Anyone),

        // Platform.
        new("GET", "/api/v1/plans", Access.Anyone),
        new("PUT", "/api/v1/admin/plans/{planKey}", Access.PlatformAdmin, Body: _ => new
        {
            name = "Free", monthlyPriceCents = 0, ticketsPerMonth = 50, retentionDays = 7, panels = 1, customBot = false, customDomain = false, whiteLabel = false,
        }),
        new("GET", "/api/v1/admin/platform-admins", Access.PlatformAdmin),
        new("PUT", "/api/v1/admin/platform-admins/{userId}", Access.PlatformAdmin),
        new("GET", "/api/v1/admin/outbox", Access.PlatformAdmin),
        new("GET", "/api/v1/admin/dead-letters", Access.PlatformAdmin),
        new("POST", "/api/v1/admin/dead-letters/retry", Access.PlatformAdmin),
        new("POST", "/api/v1/admin/dead-letters/{module}/{deliveryId:long}/retry", Access.PlatformAdmin),

        // Identity: login (the callback refuses a request without its state and code), the signed-in user, platform lists.
        new("GET", "/api/v1/auth/login", Access.Anyone),
        new("GET", "/api/v1/auth/callback", Access.Anyone),
        new("POST", "/api/v1/auth/logout", Access.SignedIn),
        new("GET", "/api/v1/me", Access.SignedIn),
        new("GET", "/api/v1/me/guilds", Access.SignedIn),
        new("GET", "/api/v1/admin/guilds", Access.PlatformAdmin),
        new("GET", "/api/v1/admin/users", Access.PlatformAdmin),
        new("GET", "/api/v1/admin/audit-log", Access.PlatformAdmin),
        new("GET", $"{Guild}/audit-log", Access.GuildAdmin),

        // Tickets: configuration.
        new("GET", $"{Guild}/categories", Access.AnyStaff),
        new("POST", $"{Guild}/categories", Access.GuildAdmin, Body: _ => new { name = "Billing", namingScheme = "billing-{number}" }),
        new("GET", $"{Guild}/categories/{{categoryId}}", Access.AnyStaff),
        new("PUT", $"{Guild}/categories/{{categoryId}}", Access.GuildAdmin, Body: _ => new
        {
            name = "Support", namingScheme = "support-{number}", staffRoleIds = Array.Empty<string>(), parentChannelId = (string?)null, logChannelId = (string?)null,
            openTicketLimit = 1, cooldownSeconds = 0, bypassRoleIds = Array.Empty<string>(), formQuestions = Array.Empty<object>(),
            autoCloseAfterHours = (int?)null, warningBeforeCloseHours = 0,
        }),
        new("DELETE", $"{Guild}/categories/{{categoryId}}", Access.GuildAdmin),
        new("GET", $"{Guild}/panels", Access.AnyStaff),
        new("POST", $"{Guild}/panels", Access.GuildAdmin, Body: ids => Panel(ids)),
        new("PUT", $"{Guild}/panels/{{panelId}}", Access.GuildAdmin, Body: ids => Panel(ids)),
        new("DELETE", $"{Guild}/panels/{{panelId}}", Access.GuildAdmin),
        new("POST", $"{Guild}/panels/{{panelId}}/publish", Access.GuildAdmin),
        new("GET", $"{Guild}/blocklist", Access.AnyStaff),
        new("POST", $"{Guild}/blocklist", Access.GuildAdmin, Body: _ => new { target = "user", targetId = "610000000000000003", reason = "Spam" }),
        new("DELETE", $"{Guild}/blocklist/{{entryId}}", Access.GuildAdmin),
        new("GET", $"{Guild}/settings", Access.AnyStaff),
        new("PUT", $"{Guild}/settings", Access.GuildAdmin, Body: _ => new { language = "en", devMode = false, developerUserIds = Array.Empty<string>() }),

        // Tickets: the queue, live updates and statistics (staff of any category; each sees their categories' tickets).
        new("GET", $"{Guild}/tickets", Access.AnyStaff, Query: "?category={categoryId}"),
        new("GET", $"{Guild}/tickets/live", Access.AnyStaff),
        new("POST", $"{Guild}/tickets/bulk-close", Access.AnyStaff, Body: ids => new { ticketIds = new[] { ids["ticketId"] }, reason = "Solved" }),
        new("GET", $"{Guild}/tickets/statistics/volume", Access.AnyStaff, Query: Period),
        new("GET", $"{Guild}/tickets/statistics/status", Access.AnyStaff),
        new("GET", $"{Guild}/tickets/statistics/response-times", Access.AnyStaff, Query: Period),
        new("GET", $"{Guild}/tickets/statistics/ratings", Access.AnyStaff, Query: Period),

        // Tickets: working a ticket (staff of its category).
        new("GET", $"{Guild}/tickets/{{ticketId}}", Access.CategoryStaff),
        new("POST", $"{Guild}/tickets/{{ticketId}}/claim", Access.CategoryStaff),
        new("POST", $"{Guild}/tickets/{{ticketId}}/unclaim", Access.CategoryStaff),
        new("POST", $"{Guild}/tickets/{{ticketId}}/close", Access.CategoryStaff, Body: _ => new { reason = "Solved" }),
        new("POST", $"{Guild}/tickets/{{ticketId}}/close-request", Access.CategoryStaff, Body: _ => new { reason = "Solved?" }),
        new("POST", $"{Guild}/tickets/{{ticketId}}/reopen", Access.CategoryStaff),
        new("POST", $"{Guild}/tickets/{{ticketId}}/rename", Access.CategoryStaff, Body: _ => new { name = "renamed" }),
        new("POST", $"{Guild}/tickets/{{ticketId}}/move", Access.CategoryStaff, Body: ids => new { categoryId = ids["otherCategoryId"] }),
        new("PUT", $"{Guild}/tickets/{{ticketId}}/members/{{userId}}", Access.CategoryStaff),
        new("DELETE", $"{Guild}/tickets/{{ticketId}}/members/{{userId}}", Access.CategoryStaff),
        new("PUT", $"{Guild}/tickets/{{ticketId}}/timer", Access.CategoryStaff, Body: _ => new { enabled = false, reason = "Waiting for a refund" }),

        // Transcripts.
        new("GET", $"{Guild}/transcripts", Access.AnyStaff, Query: "?category={categoryId}"),
        new("GET", $"{Guild}/transcripts/export.csv", Access.GuildAdmin, Query: "?category={categoryId}"),
        new("POST", $"{Guild}/transcripts/{{transcriptId:guid}}/view-token", Access.CategoryStaff),
        new("POST", $"{Guild}/transcripts/erasures", Access.GuildAdmin, Body: _ => new { userId = "610000000000000004" }),
        new("GET", $"{Guild}/transcripts/settings", Access.GuildAdmin),
        new("PUT", $"{Guild}/transcripts/settings", Access.GuildAdmin, Body: _ => new { publicLinksEnabled = true, retentionDays = (int?)null }),

        // Domains.
        new("GET", $"{Guild}/domains", Access.GuildAdmin),
        new("POST", $"{Guild}/domains", Access.GuildAdmin, Body: ids => new { host = $"tickets-{ids["guildId"]}.example.com" }),

        // Webhooks plugin.
        new("GET", $"{Guild}/webhooks", Access.GuildAdmin),
        new("POST", $"{Guild}/webhooks", Access.GuildAdmin, Body: _ => new
        {
            url = "http://127.0.0.1:9/other", secret = "another-webhook-secret-0123", events = new[] { "tickets.category-created.v1" },
        }),
        new("GET", $"{Guild}/webhooks/deliveries", Access.GuildAdmin, Query: "?endpointId={endpointId}"),
    ];

    private static object Panel(IReadOnlyDictionary<string, string> ids) => new
    {
        channelId = "610000000000000005", title = "Need help?", description = "Pick one.", style = "buttons", categoryIds = new[] { ids["categoryId"] },
    };
}
