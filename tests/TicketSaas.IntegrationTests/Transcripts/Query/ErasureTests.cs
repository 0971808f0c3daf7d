using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Features.EraseUser;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using TicketSaas.Modules.Transcripts.Persistence;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>GDPR erasure: a canary the user wrote is, afterwards, in no document, search result, page or stored file of the guild.</summary>
public abstract class ErasureTests(TranscriptsApi fixture)
{
    private const ulong Erased = 630_000_000_000_000_001;
    private const ulong Staff = 630_000_000_000_000_002;

    private static string ErasuresOf(ulong guild) => $"/api/v1/guilds/{guild}/transcripts/erasures";

    [SkippableFact]
    public async Task Erasing_a_user_removes_their_words_and_uploads_everywhere_in_the_guild_and_a_second_run_changes_nothing()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var canary = $"canary-{Guid.NewGuid():N}";
        var otherGuildsCanary = $"canary-{Guid.NewGuid():N}";
        var upload = SeedFile.Text("diary.txt", "text/plain", $"my {canary} diary", Erased);
        var staffUpload = SeedFile.Text("answer.txt", "text/plain", "staff notes", Staff);
        var opened = await api.SeedAsync(new TranscriptSeed(guild)
        {
            OpenerId = Erased,
            Messages = [new SeedMessage(1, Erased, $"hello, my secret is {canary}", upload), new SeedMessage(2, Staff, "we will help", staffUpload)],
        });
        var joined = await api.SeedAsync(new TranscriptSeed(guild)
        {
            ClosedAt = Now.AddDays(-1), Messages = [new SeedMessage(3, Staff, "welcome"), new SeedMessage(4, Erased, $"me too: {canary}")],
        });
        var answered = await api.SeedAsync(new TranscriptSeed(guild)
        {
            OpenerId = Erased, ClosedAt = Now.AddDays(-3), Answers = [new TranscriptAnswer("What happened?", $"see {canary}")],
            Messages = [new SeedMessage(7, Staff, "answered by staff only")],
        });
        var untouched = await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-2), Messages = [new SeedMessage(5, Staff, "nobody else")] });
        var elsewhere = await api.SeedAsync(new TranscriptSeed(GuildIds.Next()) { Messages = [new SeedMessage(6, Erased, otherGuildsCanary)] });
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        using var anyone = api.ClientFor(TestCaller.Anonymous);
        Assert.Equal(2, (await SearchAsync(admin, guild, canary)).Count);
        Assert.Contains(canary, await anyone.GetStringAsync($"/t/{opened.PublicId}"), StringComparison.Ordinal);
        Assert.Contains(canary, await anyone.GetStringAsync($"/t/{answered.PublicId}"), StringComparison.Ordinal);
        Assert.Contains(StoredTexts(fixture.StoragePath), stored => stored.Text.Contains(canary, StringComparison.Ordinal));

        var first = await (await admin.PostAsJsonAsync(ErasuresOf(guild), new { userId = Erased.ToString() })).ReadAsync<ErasureDto>(HttpStatusCode.OK);
        var second = await (await admin.PostAsJsonAsync(ErasuresOf(guild), new { userId = Erased.ToString() })).ReadAsync<ErasureDto>(HttpStatusCode.OK);

        Assert.Equal((3, 2, 1), (first.TranscriptsRewritten, first.MessagesErased, first.FilesDeleted));
        Assert.Equal((0, 0, 0), (second.TranscriptsRewritten, second.MessagesErased, second.FilesDeleted));
        Assert.Empty(StoredTexts(fixture.StoragePath).Where(stored => stored.Text.Contains(canary, StringComparison.Ordinal)).Select(stored => stored.Path));
        Assert.Contains(StoredTexts(fixture.StoragePath), stored => stored.Text.Contains(otherGuildsCanary, StringComparison.Ordinal));
        Assert.Empty(await SearchAsync(admin, guild, canary));
        foreach (var seed in new[] { opened, joined, answered })
        {
            var page = await anyone.GetStringAsync($"/t/{seed.PublicId}");
            Assert.DoesNotContain(canary, page, StringComparison.Ordinal);
            Assert.Contains(UserErasure.Marker, page, StringComparison.Ordinal);
        }

        Assert.Contains("we will help", await anyone.GetStringAsync($"/t/{opened.PublicId}"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.StoragePath, opened.KeyOf(upload))));
        Assert.True(File.Exists(Path.Combine(fixture.StoragePath, opened.KeyOf(staffUpload))));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/t/{opened.PublicId}/files/{opened.KeyOf(upload)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/t/{opened.PublicId}/files/{opened.KeyOf(staffUpload)}")).StatusCode);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
        Assert.False(await db.StoredFiles.AnyAsync(f => f.TranscriptId == opened.Id && f.OwnerId == Erased));
        Assert.Equal("nobody else", (await db.Transcripts.AsNoTracking().SingleAsync(t => t.Id == untouched.Id)).SearchText);
        Assert.Contains(otherGuildsCanary, (await db.Transcripts.AsNoTracking().SingleAsync(t => t.Id == elsewhere.Id)).SearchText, StringComparison.Ordinal);
        var records = await db.Erasures.AsNoTracking().Where(e => e.GuildId == guild).OrderBy(e => e.At).ToListAsync();
        Assert.Equal([(Erased, 800_000_000_000_000_001UL, 3), (Erased, 800_000_000_000_000_001UL, 0)],
            records.Select(e => (e.UserId, e.RequestedBy!.Value, e.TranscriptsRewritten)));
    }

    [SkippableFact]
    public async Task Only_guild_admins_erase_and_a_user_must_be_named()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, 555_000_000_000_000_001));
        using var stranger = api.ClientFor(TestCaller.AdminOf(GuildIds.Next()));
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(ErasuresOf(guild), new { userId = Erased.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(ErasuresOf(guild), new { userId = Erased.ToString() })).StatusCode);
        var problem = await (await admin.PostAsJsonAsync(ErasuresOf(guild), new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("UserId", out _));
    }

    private static async Task<IReadOnlyList<TranscriptSummaryDto>> SearchAsync(HttpClient admin, ulong guild, string text) =>
        (await (await admin.GetAsync($"/api/v1/guilds/{guild}/transcripts?q={text}")).ReadAsync<TranscriptPageDto>(HttpStatusCode.OK)).Items;
}

public sealed class ErasureOnSqlite(TranscriptsOnSqlite fixture) : ErasureTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class ErasureOnMariaDb(TranscriptsOnMariaDb fixture) : ErasureTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
