using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task A_canary_planted_everywhere_the_user_appears_is_found_nowhere_after_the_erasure()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var canary = $"canary-{Guid.NewGuid():N}";
        var upload = SeedFile.Text($"{canary}.txt", "text/plain", $"notes of {canary}", Erased);
        var face = SeedFile.Text("face.png", "image/png", $"the face of {canary}", null);
        var preview = SeedFile.Text("preview.png", "image/png", $"a preview showing {canary}", null);
        var sticker = SeedFile.Text("sticker.png", "image/png", $"a sticker drawn by {canary}", null);
        var staffFace = SeedFile.Text("staff.png", "image/png", "the staff member's face", null);
        var ticket = await api.SeedAsync(new TranscriptSeed(guild)
        {
            OpenerId = Erased, ClosedBy = Erased, CloseReason = $"solved, says {canary}", Answers = [new TranscriptAnswer("What happened?", $"ask {canary}")],
            Messages = [new SeedMessage(1, Erased, $"hello, my secret is {canary}", upload), new SeedMessage(2, Staff, $"thanks <@{Erased}>")],
            OtherFiles = [face, preview, sticker, staffFace],
            Shape = (seed, document) => document with
            {
                Users = new Dictionary<ulong, TranscriptUser>
                {
                    [Erased] = new(Erased, $"{canary}-username", $"{canary}-global", $"{canary}-nick", seed.KeyOf(face), false, 0xFF0000),
                    [Staff] = new(Staff, "staffer", null, null, seed.KeyOf(staffFace), false, null),
                },
                Messages = [.. document.Messages.Select(m => m.AuthorId != Erased ? m : m with
                {
                    Embeds = [new TranscriptEmbed($"{canary} title", $"{canary} description", "https://example.com/", null, $"{canary} author", null, null,
                        [new TranscriptEmbedField($"{canary} field", $"{canary} value", false)], $"{canary} footer", null, seed.KeyOf(preview), null, null)],
                    Stickers = [new TranscriptSticker(7001, $"{canary} sticker", 1, seed.KeyOf(sticker))],
                })],
            },
        });
        var mentioned = await api.SeedAsync(new TranscriptSeed(guild)
        {
            ClosedAt = Now.AddDays(-1), Messages = [new SeedMessage(3, Staff, $"as <@{Erased}> said")],
            Shape = (_, document) => document with
            {
                Users = new Dictionary<ulong, TranscriptUser>(document.Users) { [Erased] = new(Erased, $"{canary}-username", $"{canary}-global", null, null, false, null) },
            },
        });
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        using var anyone = api.ClientFor(TestCaller.Anonymous);

        async Task<IReadOnlyList<string>> WhereTheCanaryIsAsync()
        {
            var places = new List<string>();
            void Look(string place, string text)
            {
                if (text.Contains(canary, StringComparison.Ordinal))
                {
                    places.Add(place);
                }
            }

            foreach (var seed in new[] { ticket, mentioned })
            {
                Look($"page of {seed.Id}", await anyone.GetStringAsync($"/t/{seed.PublicId}"));
            }

            Look("the list", await admin.GetStringAsync($"/api/v1/guilds/{guild}/transcripts"));
            Look("the search", await admin.GetStringAsync($"/api/v1/guilds/{guild}/transcripts?q={canary}"));
            Look("the CSV export", await admin.GetStringAsync($"/api/v1/guilds/{guild}/transcripts/export.csv"));
            foreach (var (path, text) in StoredTexts(fixture.StoragePath))
            {
                Look(path, text);
            }

            await using var scope = api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
            var rows = await db.Transcripts.AsNoTracking().Where(t => t.GuildId == guild).ToListAsync();
            var ids = rows.Select(t => t.Id).ToList();
            Look("the transcript rows", JsonSerializer.Serialize(rows));
            Look("the stored-file rows", JsonSerializer.Serialize(await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.TranscriptId)).ToListAsync()));
            return places;
        }

        var before = await WhereTheCanaryIsAsync();
        Assert.Equal(13, before.Count);

        var erasure = await (await admin.PostAsJsonAsync(ErasuresOf(guild), new { userId = Erased.ToString() })).ReadAsync<ErasureDto>(HttpStatusCode.OK);

        Assert.Empty(await WhereTheCanaryIsAsync());
        Assert.Equal((2, 1, 4), (erasure.TranscriptsRewritten, erasure.MessagesErased, erasure.FilesDeleted));
        var page = await anyone.GetStringAsync($"/t/{ticket.PublicId}");
        Assert.Contains("thanks", page, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(ticket.KeyOf(staffFace).Split('/')[^1]), page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(fixture.StoragePath, ticket.KeyOf(staffFace))));
        await using var scope = api.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>().Erasures.AsNoTracking().SingleAsync(e => e.GuildId == guild);
        Assert.Equal((Erased, 2, 1, 4), (recorded.UserId, recorded.TranscriptsRewritten, recorded.MessagesErased, recorded.FilesDeleted));
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
