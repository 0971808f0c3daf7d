using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;
using TicketSaas.Testing;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

public sealed class RestClientTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static DiscordMessageBuilder Hello() => new DiscordMessageBuilder().WithContent("hello");

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_success()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.ServiceUnavailable, """{"message":"busy","code":0}"""));
        var (client, counters) = discord.CreateClient();

        await discord.Drive(client.CreateMessageAsync(101, Hello()));

        Assert.Equal(3, discord.Requests.Count);
        Assert.True(discord.Requests[1].At - discord.Requests[0].At >= TimeSpan.FromMilliseconds(50), "first backoff is at least half the base delay");
        Assert.Equal(2, counters.GetValueOrDefault("discord.rest.retries"));
    }

    [Fact]
    public async Task A_network_fault_is_retried_with_the_same_enforced_nonce()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => throw new HttpRequestException("connection reset"));
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.CreateMessageAsync(101, Hello()));

        Assert.Equal(2, discord.Requests.Count);
        var bodies = discord.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.True(bodies[0]["enforce_nonce"]!.GetValue<bool>());
        var nonce = bodies[0]["nonce"]!.GetValue<string>();
        Assert.InRange(nonce.Length, 1, DiscordLimits.Nonce);
        Assert.Equal(nonce, bodies[1]["nonce"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_message_gets_its_own_nonce_unless_one_is_given()
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.CreateMessageAsync(101, Hello()));
        await discord.Drive(client.CreateMessageAsync(101, Hello()));
        await discord.Drive(client.CreateMessageAsync(101, Hello(), nonce: "ticket-42-welcome"));

        var nonces = discord.Requests.Select(r => JsonNode.Parse(r.Body)!["nonce"]!.GetValue<string>()).ToList();
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.Equal("ticket-42-welcome", nonces[2]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 50035, 0)]
    [InlineData(HttpStatusCode.Forbidden, 50001, 1)]
    [InlineData(HttpStatusCode.NotFound, 10003, 0)]
    public async Task Client_errors_fail_at_once_with_discords_code(HttpStatusCode status, int code, int invalid)
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(status, $$"""{"message":"Nope","code":{{code}}}"""));
        var (client, counters) = discord.CreateClient();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => discord.Drive(client.CreateMessageAsync(101, Hello())));

        Assert.Single(discord.Requests);
        Assert.Equal((status, code, "Nope", "POST /channels/{channel_id}/messages"), (error.Status, error.Code, error.DiscordMessage, error.Route));
        Assert.Equal(invalid, counters.GetValueOrDefault("discord.rest.invalid_requests"));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        var discord = new FakeDiscord(time);
        for (var i = 0; i < 10; i++)
        {
            discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.InternalServerError, "{}"));
        }

        var (client, _) = discord.CreateClient(options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => discord.Drive(client.GetGuildRolesAsync(300)));
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, discord.Requests.Count);
    }

    [Theory]
    [InlineData(1, 0.0, 50)]
    [InlineData(1, 1.0, 100)]
    [InlineData(3, 0.0, 200)]
    [InlineData(3, 1.0, 400)]
    public void Backoff_doubles_per_attempt_with_half_of_each_step_jittered(int attempt, double random, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DiscordRestClient.RetryDelay(TimeSpan.FromMilliseconds(100), attempt, random));

    /// <summary>rest/error-50035-*.json and rest/error-json-generic.json: Discord's error bodies surface whole.</summary>
    [SkippableTheory]
    [InlineData("error-50035-array.json")]
    [InlineData("error-50035-object.json")]
    [InlineData("error-50035-request.json")]
    [InlineData("error-json-generic.json")]
    public async Task Error_bodies_surface_code_message_and_field_errors(string file)
    {
        var json = SharedData.ReadText($"discord/vectors/rest/{file}");
        var raw = JsonNode.Parse(json)!;
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.BadRequest, json));
        var (client, _) = discord.CreateClient();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => discord.Drive(client.CreateMessageAsync(101, Hello())));

        Assert.Equal(raw["code"]!.GetValue<int>(), error.Code);
        Assert.Equal(raw["message"]!.GetValue<string>(), error.DiscordMessage);
        JsonAssert.Equivalent(raw["errors"], error.Errors is { } errors ? JsonNode.Parse(errors.GetRawText()) : null);
        Assert.Contains(raw["message"]!.GetValue<string>(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_thread_is_created_uninvitable_with_the_bot_token()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.Created, """{"id":"900","type":12,"name":"ticket-0001"}"""));
        var (client, _) = discord.CreateClient();

        var thread = await discord.Drive(client.CreatePrivateThreadAsync(101, "ticket-0001", ThreadAutoArchiveDuration.OneWeek));

        Assert.Equal((900UL, ChannelType.PrivateThread), (thread.Id, thread.Type));
        var request = Assert.Single(discord.Requests);
        Assert.Equal((HttpMethod.Post, "/api/v10/channels/101/threads", "Bot test-token"), (request.Method, request.Path, request.Authorization));
        JsonAssert.Equivalent(JsonNode.Parse("""{"name":"ticket-0001","type":12,"invitable":false,"auto_archive_duration":10080}"""),
            JsonNode.Parse(request.Body));
    }

    [Fact]
    public async Task Thread_members_rename_archive_and_lock_use_their_routes()
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.AddThreadMemberAsync(900, 53908232506183680));
        await discord.Drive(client.RemoveThreadMemberAsync(900, 53908232506183680));
        await discord.Drive(client.RenameThreadAsync(900, "ticket-0002"));
        await discord.Drive(client.ArchiveThreadAsync(900, locked: true));

        Assert.Equal(
            [
                "PUT /api/v10/channels/900/thread-members/53908232506183680 ",
                "DELETE /api/v10/channels/900/thread-members/53908232506183680 ",
                """PATCH /api/v10/channels/900 {"name":"ticket-0002"}""",
                """PATCH /api/v10/channels/900 {"archived":true,"locked":true}""",
            ],
            discord.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}"));
    }

    [Fact]
    public async Task A_guild_is_read_with_its_owner_and_roles()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """
            {"id":"300","name":"Support","icon":null,"owner_id":"80351110224678912","features":["COMMUNITY"],
             "roles":[{"id":"300","name":"@everyone","permissions":"1024","position":0,"color":0,"hoist":false,"managed":false,"mentionable":false},
                      {"id":"301","name":"Staff","permissions":"17179869184","position":1,"color":0,"hoist":true,"managed":false,"mentionable":true}]}
            """));
        var (client, _) = discord.CreateClient();

        var guild = await discord.Drive(client.GetGuildAsync(300));

        Assert.Equal((300UL, "Support", 80351110224678912UL), (guild.Id, guild.Name, guild.OwnerId));
        Assert.Equal([(300UL, Permissions.ViewChannel), (301UL, Permissions.ManageThreads)], guild.Roles!.Select(r => (r.Id, r.Permissions)));
        var request = Assert.Single(discord.Requests);
        Assert.Equal((HttpMethod.Get, "/api/v10/guilds/300", "Bot test-token"), (request.Method, request.Path, request.Authorization));
    }

    [Fact]
    public async Task A_thread_is_read_with_what_tells_where_and_by_whom_it_was_made()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """
            {"id":"900","type":12,"guild_id":"300","parent_id":"101","owner_id":"845027738276462632","name":"ticket-0001",
             "thread_metadata":{"archived":true,"auto_archive_duration":10080,"archive_timestamp":"2026-01-02T00:00:00+00:00",
                                "locked":true,"invitable":false,"create_timestamp":"2026-01-01T12:00:00.5+00:00"}}
            """));
        var (client, _) = discord.CreateClient();

        var thread = await discord.Drive(client.GetChannelAsync(900));

        Assert.Equal((true, 101UL, 845027738276462632UL, "ticket-0001"), (thread.IsThread, thread.ParentId, thread.OwnerId, thread.Name));
        var metadata = thread.ThreadMetadata!;
        Assert.Equal((true, true, false, (int)ThreadAutoArchiveDuration.OneWeek),
            (metadata.Archived, metadata.Locked, metadata.Invitable, metadata.AutoArchiveDuration));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, 500, TimeSpan.Zero), metadata.CreateTimestamp);
        Assert.Equal("GET /api/v10/channels/900", $"{discord.Requests.Single().Method} {discord.Requests.Single().Path}");
    }

    [Fact]
    public async Task Messages_and_threads_are_deleted_with_the_bot_token()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """{"id":"900","type":12}"""));
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.DeleteMessageAsync(101, 555));
        await discord.Drive(client.DeleteChannelAsync(900));

        Assert.Equal(["DELETE /api/v10/channels/101/messages/555 Bot test-token", "DELETE /api/v10/channels/900 Bot test-token"],
            discord.Requests.Select(r => $"{r.Method} {r.Path} {r.Authorization}"));
    }

    [Fact]
    public async Task Active_threads_are_listed_with_the_bots_memberships()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """
            {"threads":[{"id":"900","type":12,"guild_id":"300","parent_id":"101","owner_id":"845027738276462632","name":"ticket-0001",
                         "thread_metadata":{"archived":false,"auto_archive_duration":1440,"archive_timestamp":"2026-01-01T00:00:00+00:00","locked":false,"invitable":false}},
                        {"id":"901","type":11,"guild_id":"300","parent_id":"102","owner_id":"80351110224678912","name":"chatter",
                         "thread_metadata":{"archived":false,"auto_archive_duration":60,"archive_timestamp":"2026-01-01T00:00:00+00:00","locked":false}}],
             "members":[{"id":"900","user_id":"845027738276462632","join_timestamp":"2026-01-01T00:00:01+00:00","flags":1}]}
            """));
        var (client, _) = discord.CreateClient();

        var active = await discord.Drive(client.ListActiveGuildThreadsAsync(300));

        Assert.Equal([(900UL, ChannelType.PrivateThread, 101UL, 845027738276462632UL), (901UL, ChannelType.PublicThread, 102UL, 80351110224678912UL)],
            active.Threads.Select(t => (t.Id, t.Type, t.ParentId!.Value, t.OwnerId!.Value)));
        var member = Assert.Single(active.Members);
        Assert.Equal((900UL, 845027738276462632UL, new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero), 1),
            (member.Id, member.UserId, member.JoinTimestamp, member.Flags));
        Assert.Equal("GET /api/v10/guilds/300/threads/active", $"{discord.Requests.Single().Method} {discord.Requests.Single().Path}");
    }

    /// <summary>The route key names the rate-limit bucket until Discord's hash is known, and failures by it.</summary>
    [Fact]
    public async Task Guild_channel_and_thread_calls_are_limited_on_discords_routes()
    {
        var calls = new (Func<DiscordRestClient, Task> Call, string Route)[]
        {
            (client => client.GetGuildAsync(300), "GET /guilds/{guild_id}"),
            (client => client.GetChannelAsync(900), "GET /channels/{channel_id}"),
            (client => client.DeleteMessageAsync(101, 555), "DELETE /channels/{channel_id}/messages/{message_id}"),
            (client => client.DeleteChannelAsync(900), "DELETE /channels/{channel_id}"),
            (client => client.ListActiveGuildThreadsAsync(300), "GET /guilds/{guild_id}/threads/active"),
        };
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();

        foreach (var (call, route) in calls)
        {
            discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.NotFound, """{"message":"Unknown Channel","code":10003}"""));
            var error = await Assert.ThrowsAsync<DiscordRestException>(() => discord.Drive(call(client)));
            Assert.Equal(route, error.Route);
        }
    }

    [Fact]
    public async Task Messages_page_with_before_or_after()
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.GetMessagesAsync(101, before: 334385199974967042, limit: 50));
        await discord.Drive(client.GetMessagesAsync(101, after: 5));

        Assert.Equal(["/api/v10/channels/101/messages?limit=50&before=334385199974967042", "/api/v10/channels/101/messages?limit=100&after=5"],
            discord.Requests.Select(r => r.Path));
        Assert.Throws<ArgumentException>(() => { _ = client.GetMessagesAsync(101, before: 1, after: 2); });
    }

    [Fact]
    public async Task Files_go_as_multipart_with_payload_json()
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();
        var message = Hello().AddFile("transcript.html", "<html></html>"u8.ToArray(), "Transcript")
            .AddEmbed(new DiscordEmbedBuilder().WithImage("attachment://transcript.html").Build());

        await discord.Drive(client.EditMessageAsync(101, 555, message));

        var body = Assert.Single(discord.Requests).Body;
        Assert.Contains("name=payload_json", body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=transcript.html", body, StringComparison.Ordinal);
        Assert.Contains("<html></html>", body, StringComparison.Ordinal);
        Assert.Contains("""
            "attachments":[{"id":"0","filename":"transcript.html","description":"Transcript"}]
            """, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_callbacks_and_follow_ups_use_the_interaction_token_without_the_bot_token()
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.CreateInteractionResponseAsync(846462639134605312, "tok", DiscordInteractionResponse.DeferredReply(ephemeral: true)));
        await discord.Drive(client.CreateFollowupMessageAsync(290926444748734465, "tok", Hello()));
        await discord.Drive(client.EditOriginalResponseAsync(290926444748734465, "tok", Hello()));

        Assert.Equal(
            [
                """POST /api/v10/interactions/846462639134605312/tok/callback {"type":5,"data":{"flags":64}}""",
                """POST /api/v10/webhooks/290926444748734465/tok {"content":"hello","allowed_mentions":{"parse":[]}}""",
                """PATCH /api/v10/webhooks/290926444748734465/tok/messages/@original {"content":"hello","allowed_mentions":{"parse":[]}}""",
            ],
            discord.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}"));
        Assert.All(discord.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task OAuth_code_exchange_is_form_encoded_with_pkce_and_basic_client_credentials()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK,
            """{"access_token":"at","token_type":"Bearer","expires_in":604800,"refresh_token":"rt","scope":"identify guilds"}"""));
        var (client, _) = discord.CreateClient();

        var token = await discord.Drive(client.ExchangeCodeAsync(
            new DiscordOAuthCodeExchange(845027738276462632, "secret", "code1", new Uri("https://panel.example/callback"), "verifier1")));

        Assert.Equal(("at", "identify guilds"), (token.AccessToken, token.Scope));
        var request = Assert.Single(discord.Requests);
        Assert.Equal("/api/v10/oauth2/token", request.Path);
        Assert.Equal("grant_type=authorization_code&code=code1&redirect_uri=https%3A%2F%2Fpanel.example%2Fcallback&code_verifier=verifier1", request.Body);
        Assert.Equal($"Basic {Convert.ToBase64String("845027738276462632:secret"u8)}", request.Authorization);
    }

    [Fact]
    public async Task Current_user_calls_use_the_bearer_token()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """{"id":"80351110224678912","username":"Nelly"}"""));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """[{"id":"80351110224678912","name":"1337 Krew","owner":true,"permissions":"36953089","features":[]}]"""));
        var (client, _) = discord.CreateClient();

        var user = await discord.Drive(client.GetCurrentUserAsync("user-token"));
        var guilds = await discord.Drive(client.GetCurrentUserGuildsAsync("user-token"));

        Assert.Equal("Nelly", user.Username);
        Assert.True(Assert.Single(guilds).Owner);
        Assert.Equal(["/api/v10/users/@me", "/api/v10/users/@me/guilds?limit=200&after=0"], discord.Requests.Select(r => r.Path));
        Assert.All(discord.Requests, r => Assert.Equal("Bearer user-token", r.Authorization));
    }

    [Fact]
    public async Task Guild_dm_gateway_and_command_routes()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, "[]"));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """{"roles":[],"user":{"id":"5","username":"u"}}"""));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """{"id":"319674150115610528","type":1}"""));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK,
            """{"url":"wss://gateway.discord.gg/","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, """[{"id":"1","name":"ticket","type":1,"description":"Open a ticket"}]"""));
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK, "[]"));
        var (client, _) = discord.CreateClient();

        await discord.Drive(client.GetGuildChannelsAsync(300));
        await discord.Drive(client.GetGuildMemberAsync(300, 5));
        var dm = await discord.Drive(client.CreateDmChannelAsync(82198898841029460));
        var gateway = await discord.Drive(client.GetGatewayBotAsync());
        var commands = await discord.Drive(client.BulkOverwriteGlobalCommandsAsync(845027738276462632,
            [new DiscordApplicationCommand { Name = "ticket", Description = "Open a ticket" }]));
        await discord.Drive(client.ListGuildMembersAsync(300, after: 7, limit: 10));

        Assert.Equal(ChannelType.Dm, dm.Type);
        Assert.Equal(1, gateway.Shards);
        Assert.Equal(1UL, Assert.Single(commands).Id);
        Assert.Equal(
            [
                "GET /api/v10/guilds/300/channels ",
                "GET /api/v10/guilds/300/members/5 ",
                """POST /api/v10/users/@me/channels {"recipient_id":"82198898841029460"}""",
                "GET /api/v10/gateway/bot ",
                """PUT /api/v10/applications/845027738276462632/commands [{"name":"ticket","type":1,"description":"Open a ticket"}]""",
                "GET /api/v10/guilds/300/members?limit=10&after=7 ",
            ],
            discord.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}"));
    }

    [Fact]
    public async Task Guild_commands_are_overwritten_per_guild_with_their_option_tree()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => FakeDiscord.Json(HttpStatusCode.OK,
            """[{"id":"1105199897613955103","application_id":"845027738276462632","version":"1105199897613955104","default_member_permissions":"32","type":1,"name":"blocklist","description":"Who may not open tickets","guild_id":"300"}]"""));
        var (client, _) = discord.CreateClient();

        var commands = await discord.Drive(client.BulkOverwriteGuildCommandsAsync(845027738276462632, 300,
        [
            new DiscordApplicationCommand
            {
                Name = "blocklist",
                Description = "Who may not open tickets",
                DefaultMemberPermissions = Permissions.ManageGuild,
                Contexts = [InteractionContextType.Guild],
                Options =
                [
                    new DiscordApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.SubCommand,
                        Name = "add",
                        Description = "Block a member",
                        Options =
                        [
                            new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.User, Name = "member", Description = "Who", Required = true },
                            new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "reason", Description = "Why", MinLength = 3, MaxLength = 200 },
                        ],
                    },
                    new DiscordApplicationCommandOption
                    {
                        Type = ApplicationCommandOptionType.SubCommand,
                        Name = "move",
                        Description = "Move a ticket",
                        Options = [new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = "category", Description = "Where", Required = true, ChannelTypes = [ChannelType.GuildCategory] }],
                    },
                ],
            },
        ]));

        Assert.Equal((1105199897613955103UL, Permissions.ManageGuild), (Assert.Single(commands).Id, commands[0].DefaultMemberPermissions));
        var request = Assert.Single(discord.Requests);
        Assert.Equal(("PUT", "/api/v10/applications/845027738276462632/guilds/300/commands"), (request.Method.Method, request.Path));
        JsonAssert.Equivalent(JsonNode.Parse("""
            [{
              "name": "blocklist", "type": 1, "description": "Who may not open tickets", "default_member_permissions": "32", "contexts": [0],
              "options": [
                { "type": 1, "name": "add", "description": "Block a member", "options": [
                  { "type": 6, "name": "member", "description": "Who", "required": true },
                  { "type": 3, "name": "reason", "description": "Why", "min_length": 3, "max_length": 200 } ] },
                { "type": 1, "name": "move", "description": "Move a ticket", "options": [
                  { "type": 7, "name": "category", "description": "Where", "required": true, "channel_types": [4] } ] }
              ]
            }]
            """)!, JsonNode.Parse(request.Body)!);
    }

    [Theory]
    [InlineData("required after optional")]
    [InlineData("options on a string")]
    [InlineData("max_length too long")]
    [InlineData("description missing")]
    public async Task A_command_tree_that_breaks_discords_rules_costs_no_request(string flaw)
    {
        var discord = new FakeDiscord(time);
        var (client, _) = discord.CreateClient();
        DiscordApplicationCommandOption Text(string name, bool required = false) =>
            new() { Type = ApplicationCommandOptionType.String, Name = name, Description = name, Required = required };
        DiscordApplicationCommandOption[] options = flaw switch
        {
            "required after optional" => [Text("note"), Text("name", required: true)],
            "options on a string" => [new() { Type = ApplicationCommandOptionType.String, Name = "name", Description = "name", Options = [Text("inner")] }],
            "max_length too long" => [new() { Type = ApplicationCommandOptionType.String, Name = "name", Description = "name", MaxLength = 6001 }],
            _ => [new() { Type = ApplicationCommandOptionType.String, Name = "name" }],
        };

        var command = new DiscordApplicationCommand
        {
            Name = "ticket",
            Description = "Tickets",
            Options = [new() { Type = ApplicationCommandOptionType.SubCommand, Name = "rename", Description = "Rename", Options = options }],
        };

        await Assert.ThrowsAsync<DiscordLimitException>(() => client.BulkOverwriteGuildCommandsAsync(845027738276462632, 300, [command]));
        Assert.Empty(discord.Requests);
    }

    [Fact]
    public async Task Downloads_come_only_from_cdn_hosts_and_without_the_bot_token()
    {
        var discord = new FakeDiscord(time);
        discord.Script.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        var (client, _) = discord.CreateClient();
        using var destination = new MemoryStream();

        await discord.Drive(client.DownloadAsync(new Uri("http://127.0.0.1:9/attachments/1/2/bug.png"), destination));

        Assert.Equal([1, 2, 3], destination.ToArray());
        Assert.Null(Assert.Single(discord.Requests).Authorization);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.DownloadAsync(new Uri("https://evil.example/x.png"), destination));
        Assert.Contains("not on a Discord CDN host", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_needs_a_bot_token_and_shares_one_client()
    {
        static ServiceProvider Build(string? token) => new ServiceCollection()
            .AddLogging()
            .AddDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BotToken"] = token }).Build())
            .BuildServiceProvider();

        using var configured = Build("abc");
        Assert.Same(configured.GetRequiredService<DiscordRestClient>(), configured.GetRequiredService<DiscordRestClient>());

        using var missing = Build(null);
        var error = Assert.Throws<OptionsValidationException>(() => missing.GetRequiredService<DiscordRestClient>());
        Assert.Equal("Discord:BotToken must be set to use Discord's REST API.", error.Message);
    }
}
