using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Features.CleanUpTranscripts;
using TicketSaas.Modules.Transcripts.Features.GetViewerSettings;
using TicketSaas.Modules.Transcripts.Persistence;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>Retention: the setting, the clean-up command and the background service that runs it on its clock.</summary>
public abstract class RetentionTests(TranscriptsApi fixture)
{
    private static string SettingsOf(ulong guild) => $"/api/v1/guilds/{guild}/transcripts/settings";

    [SkippableFact]
    public async Task Retention_days_are_kept_with_the_settings_and_only_one_to_3650_or_none_is_accepted()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        var initial = await (await admin.GetAsync(SettingsOf(guild))).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        var kept = await (await admin.PutAsJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 3650 })).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        var zero = await admin.PutAsJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 0 });
        var tooLong = await admin.PutAsJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 3651 });
        var read = await (await admin.GetAsync(SettingsOf(guild))).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);
        var cleared = await (await admin.PutAsJsonAsync(SettingsOf(guild), new { publicLinksEnabled = false, retentionDays = (int?)null })).ReadAsync<ViewerSettingsDto>(HttpStatusCode.OK);

        Assert.Null(initial.RetentionDays);
        Assert.Equal(3650, kept.RetentionDays);
        foreach (var refused in new[] { zero, tooLong })
        {
            Assert.True((await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("RetentionDays", out _));
        }

        Assert.Equal((3650, true), (read.RetentionDays, read.PublicLinksEnabled));
        Assert.Equal((null, false), (cleared.RetentionDays, cleared.PublicLinksEnabled));
    }

    [SkippableFact]
    public async Task The_clean_up_deletes_expired_transcripts_with_their_files_and_documents_and_nothing_else_and_can_run_again()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var keeping = GuildIds.Next();
        var upload = SeedFile.Text("old.txt", "text/plain", "old upload", Opener);
        var old = await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-31), Messages = [new SeedMessage(1, Opener, "old", upload)] });
        var recent = await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-29), Messages = [new SeedMessage(2, Opener, "recent")] });
        var keptForGood = await api.SeedAsync(new TranscriptSeed(keeping) { ClosedAt = Now.AddDays(-400), Messages = [new SeedMessage(3, Opener, "kept")] });
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 30 });
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/t/{old.PublicId}")).StatusCode);

        await CleanUpAsync(api);
        var again = await api.SendAsync(new CleanUpTranscriptsCommand());

        Assert.Equal([recent.Id], await TranscriptIdsAsync(api, guild));
        Assert.Equal([keptForGood.Id], await TranscriptIdsAsync(api, keeping));
        Assert.Empty(await StoredFileKeysAsync(api, old.Id));
        Assert.False(File.Exists(Path.Combine(fixture.StoragePath, old.KeyOf(upload))));
        Assert.False(File.Exists(Path.Combine(fixture.StoragePath, old.DocumentFile)));
        Assert.True(File.Exists(Path.Combine(fixture.StoragePath, recent.DocumentFile)));
        Assert.True(File.Exists(Path.Combine(fixture.StoragePath, keptForGood.DocumentFile)));
        Assert.Equal(new TranscriptCleanUpDto(0, 0, false), again);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/t/{old.PublicId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/t/{recent.PublicId}")).StatusCode);
    }

    [SkippableFact]
    public async Task A_full_batch_says_more_is_due_and_the_next_batch_takes_the_rest()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        await api.SeedAsync([.. Enumerable.Range(0, 3).Select(i => new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-10 - i) })]);
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 1 });

        var first = await api.SendAsync(new CleanUpTranscriptsCommand(BatchSize: 2));
        var second = await api.SendAsync(new CleanUpTranscriptsCommand(BatchSize: 2));

        Assert.Equal((2, true), (first.TranscriptsDeleted, first.More));
        Assert.Equal((1, false), (second.TranscriptsDeleted, second.More));
        Assert.Empty(await TranscriptIdsAsync(api, guild));
    }

    [SkippableFact]
    public async Task The_background_service_cleans_up_at_start_and_again_after_each_interval_of_its_clock()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync(SettingsOf(guild), new { publicLinksEnabled = true, retentionDays = 7 });
        await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-8), WithDocument = false });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var service = new RetentionCleanUp(
            api.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new RetentionOptions { Interval = TimeSpan.FromHours(6) }), clock,
            NullLogger<RetentionCleanUp>.Instance);

        Task<string> GoneAsync(string what) =>
            Eventually.WaitAsync(async () => (await TranscriptIdsAsync(api, guild)).Count == 0 ? "gone" : null, what);

        await service.StartAsync(CancellationToken.None);
        await GoneAsync("the clean-up at start");
        await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-9), WithDocument = false });

        // Hour by hour: the service starts waiting at some moment after its first run, so the second run comes six
        // hours after that, never sooner; a slow machine may see it an hour or two late.
        var hours = 0;
        while ((await TranscriptIdsAsync(api, guild)).Count > 0 && hours < 12)
        {
            clock.Advance(TimeSpan.FromHours(1));
            hours++;
            await Task.Delay(200);
        }

        await GoneAsync("the clean-up after one interval");
        await service.StopAsync(CancellationToken.None);

        Assert.InRange(hours, 6, 12);
    }

    private static async Task CleanUpAsync(ApiHost api)
    {
        while ((await api.SendAsync(new CleanUpTranscriptsCommand())).More)
        {
        }
    }

    private static async Task<List<Guid>> TranscriptIdsAsync(ApiHost api, ulong guild)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>().Transcripts.AsNoTracking()
            .Where(t => t.GuildId == guild).Select(t => t.Id).ToListAsync();
    }

    private static async Task<List<string>> StoredFileKeysAsync(ApiHost api, Guid transcriptId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>().StoredFiles.AsNoTracking()
            .Where(f => f.TranscriptId == transcriptId).Select(f => f.Key).ToListAsync();
    }
}

public sealed class RetentionOnSqlite(TranscriptsOnSqlite fixture) : RetentionTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class RetentionOnMariaDb(TranscriptsOnMariaDb fixture) : RetentionTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
