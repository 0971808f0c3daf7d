using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Transcripts.Query;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Api;

/// <summary>
/// The API host with every module and the webhooks plugin, on its own database and file storage, where tests seed
/// whole guilds so that the ids in paths, queries and bodies are real.
/// </summary>
public abstract class ApiScene(DatabaseKind kind) : IAsyncLifetime
{
    private readonly string _files = Directory.CreateTempSubdirectory("ticketsaas-api-scene-").FullName;
    private Task<ApiHost>? _host;

    public Task<ApiHost> HostAsync() => _host ??= StartAsync();

    /// <summary>
    /// A guild with two categories (each its own staff role), a panel, a blocklist entry, an open ticket in each
    /// category, a transcript of the first category's ticket, and a webhook endpoint.
    /// </summary>
    public async Task<SeededGuild> SeedGuildAsync()
    {
        var api = await HostAsync();
        var guild = GuildIds.Next();
        var role = guild + 1_000_000;
        var otherRole = guild + 2_000_000;
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        var category = await CategoryAsync(admin, guild, "Support", role);
        var otherCategory = await CategoryAsync(admin, guild, "Sales", otherRole);
        var panel = await admin.PostJsonAsync($"/api/v1/guilds/{guild}/panels", new
        {
            channelId = Text(guild + 3), title = "Need help?", description = "Pick one.", style = "buttons", categoryIds = new[] { category, otherCategory },
        });
        var entry = await admin.PostJsonAsync($"/api/v1/guilds/{guild}/blocklist", new { target = "user", targetId = Text(guild + 4), reason = "Spam" });
        var ticket = await OpenTicketAsync(api, guild, category, 1);
        var otherTicket = await OpenTicketAsync(api, guild, otherCategory, 2);
        var transcript = await api.SeedAsync(new TranscriptSeed(guild) { TicketId = ticket, CategoryId = category, StaffRoleIds = [role] });

        // Once the categories' events are consumed, so that the endpoint gets no deliveries to retry in the background.
        await api.SettleAsync();
        var webhook = await admin.PostJsonAsync($"/api/v1/guilds/{guild}/webhooks",
            new { url = "http://127.0.0.1:9/hook", secret = "a-webhook-secret-0123456789", events = new[] { "tickets.category-created.v1" } });
        return new SeededGuild(guild, role, otherRole, new Dictionary<string, string>
        {
            ["guildId"] = Text(guild),
            ["categoryId"] = Id(category),
            ["otherCategoryId"] = Id(otherCategory),
            ["panelId"] = (string)panel["id"]!,
            ["entryId"] = (string)entry["id"]!,
            ["ticketId"] = Id(ticket),
            ["otherTicketId"] = Id(otherTicket),
            ["transcriptId"] = Id(transcript.Id),
            ["publicId"] = transcript.PublicId,
            ["endpointId"] = (string)webhook["id"]!,
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }

        Directory.Delete(_files, recursive: true);
    }

    private async Task<ApiHost> StartAsync() => await ApiHost.StartAsync(kind, new Dictionary<string, string>
    {
        ["Plugins:Path"] = await PluginBuilds.WebhooksAsync(),
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Transcripts:Storage:Path"] = _files,

        // Consumers that need Discord (transcript capture after a close) fail here: dead at once rather than retried for minutes.
        ["Outbox:MaxAttempts"] = "1",
    });

    private static async Task<Guid> CategoryAsync(HttpClient admin, ulong guild, string name, ulong staffRole)
    {
        var id = (string)(await admin.PostJsonAsync($"/api/v1/guilds/{guild}/categories", new { name, namingScheme = name + "-{number}" }))["id"]!;
        await admin.PutJsonAsync($"/api/v1/guilds/{guild}/categories/{id}", new
        {
            name, namingScheme = name + "-{number}", staffRoleIds = new[] { Text(staffRole) }, parentChannelId = Text(guild + 5), logChannelId = (string?)null,
            openTicketLimit = 1, cooldownSeconds = 0, bypassRoleIds = Array.Empty<string>(), formQuestions = Array.Empty<object>(),
            autoCloseAfterHours = (int?)null, warningBeforeCloseHours = 0,
        });
        return Guid.Parse(id);
    }

    /// <summary>An open ticket as the opening worker leaves it; opening through Discord is the Tickets tests' business.</summary>
    private static async Task<Guid> OpenTicketAsync(ApiHost api, ulong guild, Guid categoryId, int number)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var category = await db.Categories.SingleAsync(c => c.Id == categoryId);
        var now = DateTimeOffset.UtcNow;
        var ticket = Ticket.Begin(guild, number, category, TranscriptSeeds.Opener, "opener", [], (ulong)number, now);
        ticket.AttachThread(guild + 10 + (ulong)number);
        ticket.MarkOpen(now, InactivityPolicy.Of(category));
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    }

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}

public sealed class SqliteApiScene() : ApiScene(DatabaseKind.Sqlite);

public sealed class MariaDbApiScene() : ApiScene(DatabaseKind.MariaDb);

/// <param name="StaffRole">The role of the first category's staff: the category of <c>ticketId</c> and <c>transcriptId</c>.</param>
/// <param name="OtherStaffRole">The role of the second category's staff.</param>
/// <param name="Ids">Ids by name: route values (<c>guildId</c>, <c>ticketId</c>, …) and the ids bodies and queries use.</param>
public sealed record SeededGuild(ulong Id, ulong StaffRole, ulong OtherStaffRole, IReadOnlyDictionary<string, string> Ids)
{
    /// <summary>This guild's ids, with the one named taken from another guild.</summary>
    public IReadOnlyDictionary<string, string> With(string name, SeededGuild other) =>
        new Dictionary<string, string>(Ids) { [name] = other.Ids[name] };
}
