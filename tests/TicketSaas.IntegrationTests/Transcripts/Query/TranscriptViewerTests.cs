using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.IntegrationTests.Transcripts.Rendering;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Features.IssueViewToken;
using TicketSaas.Modules.Transcripts.Persistence;
using static TicketSaas.IntegrationTests.Transcripts.Query.TranscriptSeeds;

namespace TicketSaas.IntegrationTests.Transcripts.Query;

/// <summary>The viewer at /t/{publicId}: who gets a page, which close, with which headers, and how stored files are served.</summary>
public abstract class TranscriptViewerTests(TranscriptsApi fixture)
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const ulong StaffRole = 556_000_000_000_000_001;

    [SkippableFact]
    public async Task A_public_link_shows_the_latest_close_by_default_and_any_close_by_number_under_strict_headers()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var first = await api.SeedAsync(new TranscriptSeed(guild) { ClosedAt = Now.AddDays(-1), Messages = [new SeedMessage(1, Opener, "words of the first close")] });
        await api.SeedAsync(first with
        {
            Id = Guid.NewGuid(), CloseSequence = 2, ClosedAt = Now, Messages = [new SeedMessage(2, Opener, "words of the second close")],
        });
        using var anyone = api.ClientFor(TestCaller.Anonymous);

        var latest = await anyone.GetAsync($"/t/{first.PublicId}");
        var earlier = await anyone.GetAsync($"/t/{first.PublicId}?close=1");
        var noSuchClose = await anyone.GetAsync($"/t/{first.PublicId}?close=3");
        var notAClose = await anyone.GetAsync($"/t/{first.PublicId}?close=second");
        var noSuchLink = await anyone.GetAsync("/t/AAAAAAAAAAAAAAAAAAAAAA");

        var page = await latest.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal("text/html", latest.Content.Headers.ContentType?.MediaType);
        Assert.Contains("words of the second close", page, StringComparison.Ordinal);
        Assert.DoesNotContain("words of the first close", page, StringComparison.Ordinal);
        Assert.Contains("words of the first close", await earlier.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(latest.Headers.Contains("Set-Cookie"));
        Assert.Equal((true, true, false), (latest.Headers.CacheControl!.Private, latest.Headers.CacheControl.NoCache, latest.Headers.CacheControl.NoStore));
        foreach (var response in new[] { latest, earlier, noSuchClose, notAClose, noSuchLink })
        {
            Assert.Equal(ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (noSuchClose.StatusCode, notAClose.StatusCode, noSuchLink.StatusCode));
        Assert.Equal(await noSuchLink.Content.ReadAsStringAsync(), await noSuchClose.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task A_ticket_closed_three_times_links_every_close_with_its_date_and_each_link_follows_the_same_rule()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var first = await api.SeedAsync(new TranscriptSeed(guild)
        {
            StaffRoleIds = [StaffRole], ClosedAt = Now.AddDays(-20), Messages = [new SeedMessage(1, Opener, "words of close 1")],
        });
        var seeds = new List<TranscriptSeed> { first };
        foreach (var sequence in new[] { 2, 3 })
        {
            seeds.Add(await api.SeedAsync(first with
            {
                Id = Guid.NewGuid(), CloseSequence = sequence, ClosedAt = Now.AddDays(-10 * (3 - sequence)),
                Messages = [new SeedMessage((ulong)sequence, Opener, $"words of close {sequence}")],
            }));
        }

        var single = await api.SeedAsync(new TranscriptSeed(guild) { Messages = [new SeedMessage(9, Opener, "closed once")] });
        using var anyone = api.ClientFor(TestCaller.Anonymous);
        var page = $"/t/{first.PublicId}";

        var closes = Links(await anyone.GetStringAsync($"{page}?close=2"));
        Assert.Equal([($"{page}?close=1", false), ($"{page}?close=2", true), ($"{page}?close=3", false)], closes.Select(c => (c.Href, c.Current)));
        Assert.Equal(seeds.Select(s => s.ClosedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            closes.Select(c => c.DateTime[..19]));
        foreach (var (href, sequence) in closes.Select((c, i) => (c.Href, i + 1)))
        {
            Assert.Contains($"words of close {sequence}", await anyone.GetStringAsync(href), StringComparison.Ordinal);
        }

        Assert.Equal(closes.Select(c => c.Href), Links(await anyone.GetStringAsync(page)).Select(c => c.Href));
        Assert.Empty(Links(await anyone.GetStringAsync($"/t/{single.PublicId}")));

        // Without public links a view token opens its one close; the links to the others need tokens of their own.
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false });
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, StaffRole));
        using var viewer = api.ClientFor(TestCaller.Anonymous);
        var token = await (await staff.PostAsync($"/api/v1/guilds/{guild}/transcripts/{seeds[1].Id}/view-token", null)).ReadAsync<ViewTokenDto>(HttpStatusCode.OK);
        var opened = await viewer.GetAsync(token.Url);
        var privateCloses = Links(await opened.Content.ReadAsStringAsync());
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie")).Split(';')[0];
        viewer.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(closes.Select(c => c.Href), privateCloses.Select(c => c.Href));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(privateCloses[1].Href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(privateCloses[0].Href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(privateCloses[2].Href)).StatusCode);
    }

    /// <summary>The page's links to the ticket's closes: where each goes, its date, and whether it is the page itself.</summary>
    private static IReadOnlyList<(string Href, string DateTime, bool Current)> Links(string html) =>
        [.. TranscriptPages.Parse(html).QuerySelectorAll("nav.closes li a").Select(a =>
            (a.GetAttribute("href")!, a.QuerySelector("time")!.GetAttribute("datetime")!, a.GetAttribute("aria-current") == "page"))];

    [SkippableFact]
    public async Task Without_public_links_a_view_token_opens_the_page_once_and_leaves_a_short_grant_for_its_files()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var picture = new SeedFile("cat.png", "image/png", [0x89, 0x50, 0x4e, 0x47, 1, 2, 3], Opener);
        var transcript = await api.SeedAsync(new TranscriptSeed(guild)
        {
            StaffRoleIds = [StaffRole], Messages = [new SeedMessage(1, Opener, "private words", picture)],
        });
        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false });
        using var anyone = api.ClientFor(TestCaller.Anonymous);
        using var staff = api.ClientFor(TestCaller.StaffOf(guild, StaffRole));
        using var viewer = api.ClientFor(TestCaller.Anonymous);
        using var replayer = api.ClientFor(TestCaller.Anonymous);
        var page = $"/t/{transcript.PublicId}";
        var file = $"{page}/files/{transcript.KeyOf(picture)}";

        // The panel's login is no key to the viewer: a guild admin's own request is refused like anyone's.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(file)).StatusCode);

        var token = await (await staff.PostAsync($"/api/v1/guilds/{guild}/transcripts/{transcript.Id}/view-token", null))
            .ReadAsync<ViewTokenDto>(HttpStatusCode.OK);
        var opened = await viewer.GetAsync(token.Url);
        var fileWithGrant = await viewer.GetAsync(file);
        var reload = await viewer.GetAsync($"{page}?close=1");
        var replayed = await replayer.GetAsync(token.Url);
        var fileWithoutGrant = await replayer.GetAsync(file);

        Assert.StartsWith($"{page}?close=1&token=", token.Url, StringComparison.Ordinal);
        Assert.InRange(token.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1.5), TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("private words", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", opened.Headers.CacheControl?.ToString());
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains($"path={page};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fileWithGrant.StatusCode);
        Assert.Equal("no-store", fileWithGrant.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fileWithoutGrant.StatusCode);

        var secret = token.Url[(token.Url.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        await using var scope = api.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>().ViewTokens.AsNoTracking()
            .SingleAsync(v => v.TranscriptId == transcript.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.TokenHash);
        Assert.NotNull(stored.UsedAt);
    }

    [SkippableFact]
    public async Task View_tokens_are_for_guild_admins_the_opener_and_the_categorys_staff_and_expire_unused()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var transcript = await api.SeedAsync(new TranscriptSeed(guild) { StaffRoleIds = [StaffRole], Messages = [new SeedMessage(1, Opener, "hi")] });
        var elsewhere = await api.SeedAsync(new TranscriptSeed(GuildIds.Next()));
        var url = $"/api/v1/guilds/{guild}/transcripts/{transcript.Id}/view-token";

        async Task<HttpStatusCode> Issue(TestCaller caller, string path)
        {
            using var client = api.ClientFor(caller);
            return (await client.PostAsync(path, null)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Issue(TestCaller.AdminOf(guild), url));
        Assert.Equal(HttpStatusCode.OK, await Issue(new TestCaller(Opener, GuildRoles: [$"{guild}:556000000000000999"]), url));
        Assert.Equal(HttpStatusCode.OK, await Issue(TestCaller.StaffOf(guild, StaffRole), url));
        Assert.Equal(HttpStatusCode.NotFound, await Issue(TestCaller.StaffOf(guild, 556_000_000_000_000_002), url));
        Assert.Equal(HttpStatusCode.Forbidden, await Issue(TestCaller.AdminOf(GuildIds.Next()), url));
        Assert.Equal(HttpStatusCode.Unauthorized, await Issue(TestCaller.Anonymous, url));
        Assert.Equal(HttpStatusCode.NotFound, await Issue(TestCaller.AdminOf(guild), $"/api/v1/guilds/{guild}/transcripts/{elsewhere.Id}/view-token"));

        const string expired = "an-expired-token-from-three-minutes-ago";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
            db.ViewTokens.Add(ViewToken.Issue(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expired))), transcript.Id, Opener, DateTimeOffset.UtcNow.AddMinutes(-3)));
            await db.SaveChangesAsync();
        }

        using var admin = api.ClientFor(TestCaller.AdminOf(guild));
        await admin.PutJsonAsync($"/api/v1/guilds/{guild}/transcripts/settings", new { publicLinksEnabled = false });
        using var viewer = api.ClientFor(TestCaller.Anonymous);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/t/{transcript.PublicId}?close=1&token={expired}")).StatusCode);
    }

    [SkippableFact]
    public async Task Stored_files_show_inline_only_as_plain_media_and_anything_else_downloads()
    {
        var api = await fixture.HostAsync();
        var guild = GuildIds.Next();
        var picture = new SeedFile("cat.png", "image/png", [0x89, 0x50, 0x4e, 0x47], Opener);
        var html = SeedFile.Text("page.html", "text/html", "<script>alert(document.cookie)</script>", Opener);
        var svg = SeedFile.Text("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", Opener);
        var disguised = SeedFile.Text("notes.txt", "text/html; charset=utf-8", "<script>alert(2)</script>", Opener);
        var transcript = await api.SeedAsync(new TranscriptSeed(guild) { Messages = [new SeedMessage(1, Opener, "files", picture, html, svg, disguised)] });
        var other = await api.SeedAsync(new TranscriptSeed(guild) { Messages = [new SeedMessage(2, Opener, "other", SeedFile.Text("x.txt", "text/plain", "x", Opener))] });
        using var anyone = api.ClientFor(TestCaller.Anonymous);
        string FileOf(TranscriptSeed seed, string key) => $"/t/{seed.PublicId}/files/{key}";

        var image = await anyone.GetAsync(FileOf(transcript, transcript.KeyOf(picture)));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Null(image.Content.Headers.ContentDisposition);
        Assert.Equal(picture.Bytes, await image.Content.ReadAsByteArrayAsync());
        foreach (var download in new[] { html, svg, disguised })
        {
            var response = await anyone.GetAsync(FileOf(transcript, transcript.KeyOf(download)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(("attachment", download.Name), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
            Assert.Equal(ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }

        // Files are reachable only under their own ticket's link, and the document only rendered.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(FileOf(transcript, other.KeyOf(other.Messages[0].Files[0])))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(FileOf(transcript, transcript.DocumentFile))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(FileOf(transcript, "..%2F..%2Fetc%2Fpasswd"))).StatusCode);
    }
}

public sealed class TranscriptViewerOnSqlite(TranscriptsOnSqlite fixture) : TranscriptViewerTests(fixture), IClassFixture<TranscriptsOnSqlite>;

public sealed class TranscriptViewerOnMariaDb(TranscriptsOnMariaDb fixture) : TranscriptViewerTests(fixture), IClassFixture<TranscriptsOnMariaDb>;
