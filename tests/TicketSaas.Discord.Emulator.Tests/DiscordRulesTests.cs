using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class DiscordRulesTests
{
    [SkippableFact]
    public async Task A_private_thread_is_created_joined_renamed_archived_and_locked()
    {
        await using var seeded = await Seeded.StartAsync();
        var client = seeded.Client;

        // Locking takes MANAGE_THREADS, as a ticket bot's role grants it.
        seeded.GrantBot(Permissions.ManageThreads);

        var created = await client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/threads",
            new JsonObject { ["name"] = "ticket-0001", ["type"] = 12, ["auto_archive_duration"] = 10080, ["invitable"] = false });
        var thread = await Seeded.JsonOf(created);
        var threadId = ulong.Parse(thread["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var added = await client.PutAsync($"channels/{threadId}/thread-members/{seeded.Member.Id}", null);
        var patched = await client.PatchAsJsonAsync($"channels/{threadId}", new JsonObject { ["name"] = "closed-0001", ["archived"] = true, ["locked"] = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(12, thread["type"]!.GetValue<int>());
        Assert.False(thread["thread_metadata"]!["invitable"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(new[] { seeded.Member.Id, seeded.Emulator.Bot.ApplicationId }.Order(), seeded.Emulator.State.ThreadMembers(threadId));
        var stored = seeded.Emulator.State.Channel(threadId)!;
        Assert.Equal("closed-0001", stored.Name);
        Assert.Equal(new ThreadMetadata(true, true, false, 10080, stored.Thread!.ArchiveTimestamp, stored.Thread.CreatedAt), stored.Thread);
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task A_thread_create_naming_a_parent_id_is_refused()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.Client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/threads",
            new JsonObject { ["name"] = "ticket", ["type"] = 12, ["parent_id"] = seeded.Channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Seeded.JsonOf(response))["errors"]!["parent_id"]);
        Assert.Empty(seeded.Emulator.State.Threads(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task Content_over_2000_characters_is_refused_though_the_spec_allows_4000()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (await Seeded.JsonOf(response))["errors"]!["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task More_than_five_action_rows_are_refused()
    {
        await using var seeded = await Seeded.StartAsync();
        var rows = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)Row(Button($"b{i}")))]);

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "panel", ["components"] = rows });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Seeded.JsonOf(response))["errors"]!["components"]!["_errors"]);
    }

    [SkippableFact]
    public async Task A_custom_id_over_100_characters_is_refused()
    {
        await using var seeded = await Seeded.StartAsync(o => o.SpecCheck = SpecCheckMode.Off);

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "panel", ["components"] = new JsonArray(Row(Button(new string('c', 101)))) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Seeded.JsonOf(response))["errors"]!["components"]!["0"]!["components"]!["0"]!["custom_id"]);
    }

    [SkippableFact]
    public async Task Unknown_and_hidden_channels_answer_10003_and_50001()
    {
        await using var seeded = await Seeded.StartAsync();
        var hidden = seeded.Emulator.State.AddTextChannel(seeded.Guild.Id, "staff-only", botCanView: false);

        var unknown = await seeded.PostMessageAsync(42, new JsonObject { ["content"] = "hi" });
        var denied = await seeded.PostMessageAsync(hidden.Id, new JsonObject { ["content"] = "hi" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(10003, (await Seeded.JsonOf(unknown))["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(50001, (await Seeded.JsonOf(denied))["code"]!.GetValue<int>());
        Assert.Equal(1, seeded.Emulator.Requests.InvalidRequestCount(seeded.Emulator.Bot.Token));
    }

    [SkippableFact]
    public async Task A_bad_bot_token_is_401()
    {
        await using var seeded = await Seeded.StartAsync();
        seeded.Client.DefaultRequestHeaders.Authorization = new("Bot", "not-a-token");

        var response = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/roles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task A_dm_to_a_user_who_refuses_dms_answers_50007()
    {
        await using var seeded = await Seeded.StartAsync();
        var closed = seeded.Emulator.State.AddUser("private", acceptsDirectMessages: false);

        var opened = await seeded.Client.PostAsJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = closed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var dmId = ulong.Parse((await Seeded.JsonOf(opened))["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var sent = await seeded.PostMessageAsync(dmId, new JsonObject { ["content"] = "your transcript" });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sent.StatusCode);
        Assert.Equal(50007, (await Seeded.JsonOf(sent))["code"]!.GetValue<int>());
    }

    [SkippableFact]
    /// <summary>Attachment ids in the body are strings: the OpenAPI document types them as snowflakes (the docs' examples use 0).</summary>
    public async Task A_multipart_message_stores_its_file_behind_a_signed_cdn_link_that_can_expire()
    {
        await using var seeded = await Seeded.StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"content":"log","attachments":[{"id":"0","filename":"log.txt","description":"the log"}]}"""), "payload_json" },
            { new ByteArrayContent("hello"u8.ToArray()), "files[0]", "log.txt" },
        };

        var response = await seeded.Client.PostAsync($"channels/{seeded.Channel.Id}/messages", form);
        var attachment = (await Seeded.JsonOf(response))["attachments"]![0]!;
        var url = attachment["url"]!.GetValue<string>();
        using var cdn = new HttpClient();
        var fresh = await cdn.GetStringAsync(url);
        seeded.Emulator.Faults.ExpireCdnLink(url);
        var expired = await cdn.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("the log", attachment["description"]!.GetValue<string>());
        Assert.Equal("hello", fresh);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task Stickers_come_as_sticker_items_without_the_content_intent_and_their_images_from_the_cdn_until_it_expires()
    {
        await using var seeded = await Seeded.StartAsync();
        var wave = seeded.Emulator.State.AddSticker("Wave", StickerFormat.Gif, "GIF89a"u8.ToArray());
        var dance = seeded.Emulator.State.AddSticker("Dance", StickerFormat.Lottie, "{}"u8.ToArray());
        var posted = seeded.Emulator.State.PostUserStickers(seeded.Channel.Id, seeded.Member.Id, wave, dance);
        var unknown = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["sticker_ids"] = new JsonArray("123") });

        var read = await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}/messages/{posted.Id}"));
        var items = read["sticker_items"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["name"]!.GetValue<string>(), i["format_type"]!.GetValue<int>()));
        using var cdn = new HttpClient();
        var image = await cdn.GetByteArrayAsync(new Uri(seeded.Emulator.CdnBaseUri, $"stickers/{wave.Id}.gif"));
        var animation = await cdn.GetStringAsync(new Uri(seeded.Emulator.CdnBaseUri, $"stickers/{dance.Id}.json"));
        seeded.Emulator.Faults.ExpireEveryCdnLink();
        var expired = await cdn.GetAsync(new Uri(seeded.Emulator.CdnBaseUri, $"stickers/{wave.Id}.gif"));

        Assert.Equal([(wave.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Wave", 4), (dance.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Dance", 3)], items);
        Assert.Equal("GIF89a"u8.ToArray(), image);
        Assert.Equal("{}", animation);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(10060, (await Seeded.JsonOf(unknown))["code"]!.GetValue<int>());
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task Messages_page_newest_first_with_before_and_after()
    {
        await using var seeded = await Seeded.StartAsync(o => o.HasMessageContentIntent = true);
        var ids = Enumerable.Range(0, 5).Select(i => seeded.Emulator.State.PostUserMessage(seeded.Channel.Id, seeded.Member.Id, $"m{i}").Id).ToList();

        var latest = await Contents(seeded, "limit=2");
        var before = await Contents(seeded, $"before={ids[2]}&limit=10");
        var after = await Contents(seeded, $"after={ids[0]}&limit=2");

        Assert.Equal(["m4", "m3"], latest);
        Assert.Equal(["m1", "m0"], before);
        Assert.Equal(["m2", "m1"], after);
    }

    private static async Task<IEnumerable<string>> Contents(Seeded seeded, string query)
    {
        var page = await Seeded.JsonOf(await seeded.Client.GetAsync($"channels/{seeded.Channel.Id}/messages?{query}"));
        return page.AsArray().Select(m => m!["content"]!.GetValue<string>());
    }

    private static JsonObject Row(JsonObject component) => new() { ["type"] = 1, ["components"] = new JsonArray(component) };

    private static JsonObject Button(string customId) => new() { ["type"] = 2, ["style"] = 1, ["label"] = "Open", ["custom_id"] = customId };
}
