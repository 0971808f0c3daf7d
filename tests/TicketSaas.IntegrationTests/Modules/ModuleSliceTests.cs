using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Billing.Features.GetPlans;
using TicketSaas.Modules.Domains.Features.GetCustomDomains;
using TicketSaas.Modules.Identity.Features.GetPlatformAdmins;
using TicketSaas.Modules.Transcripts.Features.GetViewerSettings;

namespace TicketSaas.IntegrationTests.Modules;

/// <summary>The first slice of each module, end to end through the API, on both databases.</summary>
public abstract class ModuleSliceTests(ApiFixture fixture)
{
    [SkippableFact]
    public async Task Transcripts_viewer_settings_default_to_public_links_and_changes_are_audited_before_and_after()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        var url = $"/api/v1/guilds/{guild}/transcripts/settings";

        var initial = await (await client.GetAsync(url)).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        var missing = await client.PutAsJsonAsync(url, new { });
        await (await client.PutAsJsonAsync(url, new { publicLinksEnabled = false })).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync(url, new { publicLinksEnabled = true })).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        var final = await (await client.GetAsync(url)).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);

        Assert.True(initial.PublicLinksEnabled);
        Assert.True((await missing.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("PublicLinksEnabled", out _));
        Assert.True(final.PublicLinksEnabled);
        await api.SettleAsync();
        Assert.Equal(2, await api.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM identity_audit_log_entry WHERE module = 'transcripts' AND guild_id = {guild}"));
        var lastChange = await LastAuditChangeAsync(api, guild);
        Assert.Equal("Modified", lastChange.GetProperty("State").GetString());
        Assert.False(lastChange.GetProperty("Before").GetProperty("PublicLinksEnabled").GetBoolean());
        Assert.True(lastChange.GetProperty("After").GetProperty("PublicLinksEnabled").GetBoolean());
    }

    [SkippableFact]
    public async Task Billing_lists_the_built_in_plans_and_platform_admins_tune_them()
    {
        var api = await fixture.HostAsync();
        using var admin = api.ClientFor(TestCaller.PlatformAdministrator);
        var body = new
        {
            name = "Pro", monthlyPriceCents = 1200, ticketsPerMonth = (int?)null, retentionDays = 60, panels = 20,
            customBot = true, customDomain = true, whiteLabel = false,
        };

        var plans = await (await admin.GetAsync("/api/v1/plans")).ReadAsync<PlanDto[]>(HttpStatusCode.OK);
        var invalid = await admin.PutAsJsonAsync("/api/v1/admin/plans/pro", body with { name = "", monthlyPriceCents = -1, retentionDays = 0 });
        var unknown = await admin.PutAsJsonAsync("/api/v1/admin/plans/platinum", body);
        var updated = await (await admin.PutAsJsonAsync("/api/v1/admin/plans/pro", body)).ReadAsync<PlanDto>(HttpStatusCode.OK);

        Assert.Equal(["free", "pro", "enterprise"], plans.Select(p => p.Key));
        Assert.Equal(["MonthlyPriceCents", "Name", "RetentionDays"],
            (await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(new PlanDto("pro", "Pro", 1200, null, 60, 20, true, true, false), updated);
        await api.SettleAsync();
        Assert.True(await api.Database.ScalarAsync(
            "SELECT COUNT(*) FROM identity_audit_log_entry WHERE module = 'billing' AND guild_id IS NULL AND command = 'UpdatePlanCommand'") >= 1);
    }

    [SkippableFact]
    public async Task Domains_registers_a_host_with_its_challenge_and_refuses_taken_invalid_and_excess_hosts()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var other = GuildIds.Next();
        using var client = api.ClientFor(TestCaller.AdminOf(guild));
        using var otherClient = api.ClientFor(TestCaller.AdminOf(other));
        var host = $"help-{guild}.example.com";

        var added = await (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/domains", new { host = host.ToUpperInvariant() + "." }))
            .ReadAsync<CustomDomainDto>(HttpStatusCode.Created);
        var taken = await otherClient.PostAsJsonAsync($"/api/v1/guilds/{other}/domains", new { host });
        var invalid = await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/domains", new { host = "10.0.0.1" });
        for (var i = 1; i < 5; i++)
        {
            (await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/domains", new { host = $"d{i}-{guild}.example.org" })).EnsureSuccessStatusCode();
        }

        var excess = await client.PostAsJsonAsync($"/api/v1/guilds/{guild}/domains", new { host = $"d6-{guild}.example.org" });
        var listed = await (await client.GetAsync($"/api/v1/guilds/{guild}/domains")).ReadAsync<CustomDomainDto[]>(HttpStatusCode.OK);

        Assert.Equal(host, added.Host);
        Assert.Equal("pending", added.Status);
        Assert.Equal($"_ticketsaas-challenge.{host}", added.ChallengeRecordName);
        Assert.Matches("^[0-9a-f]{32}$", added.ChallengeRecordValue);
        Assert.Equal("domains.host-taken", (await taken.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.True((await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Host", out _));
        Assert.Equal("domains.limit", (await excess.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(5, listed.Length);
        Assert.Equal(0, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM domains_custom_domain WHERE guild_id = {other}"));
    }

    [SkippableFact]
    public async Task Identity_grants_platform_admins_once_and_records_who_granted()
    {
        var api = await fixture.HostAsync();
        using var admin = api.ClientFor(TestCaller.PlatformAdministrator);
        const ulong newAdmin = 987_654_321_000_000_001;

        var first = await (await admin.PutAsync($"/api/v1/admin/platform-admins/{newAdmin}", null)).ReadAsync<PlatformAdminDto>(HttpStatusCode.OK);
        var second = await (await admin.PutAsync($"/api/v1/admin/platform-admins/{newAdmin}", null)).ReadAsync<PlatformAdminDto>(HttpStatusCode.OK);
        var zero = await admin.PutAsync("/api/v1/admin/platform-admins/0", null);
        var listed = await (await admin.GetAsync("/api/v1/admin/platform-admins")).ReadAsync<PlatformAdminDto[]>(HttpStatusCode.OK);

        Assert.Equal(TestCaller.PlatformAdministrator.UserId, first.GrantedBy);
        Assert.Equal(first, second);
        await zero.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(first, listed);
        Assert.Equal(1, await api.Database.ScalarAsync($"SELECT COUNT(*) FROM identity_platform_admin WHERE user_id = {newAdmin}"));
    }

    private static async Task<JsonElement> LastAuditChangeAsync(ApiHost api, ulong guild)
    {
        var json = await api.Database.ScalarTextAsync($"SELECT changes FROM identity_audit_log_entry WHERE guild_id = {guild} ORDER BY id DESC LIMIT 1");
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
    }
}

public sealed class ModuleSlicesOnSqlite(SqliteApi fixture) : ModuleSliceTests(fixture), IClassFixture<SqliteApi>;

public sealed class ModuleSlicesOnMariaDb(MariaDbApi fixture) : ModuleSliceTests(fixture), IClassFixture<MariaDbApi>;
