using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

/// <summary>Registering application commands, globally and per guild, and members using them.</summary>
public class CommandTests
{
    /// <summary>/ticket for one guild: subcommands with a mentionable, a category channel and a bounded string.</summary>
    private static JsonArray TicketCommand() => (JsonArray)JsonNode.Parse("""
        [{
          "name": "ticket", "description": "Work on this ticket",
          "options": [
            { "type": 1, "name": "claim", "description": "Take it over" },
            { "type": 1, "name": "add", "description": "Add someone", "options": [
              { "type": 9, "name": "who", "description": "A member or a role", "required": true } ] },
            { "type": 1, "name": "move", "description": "Move it", "options": [
              { "type": 7, "name": "category", "description": "Where to", "required": true, "channel_types": [4] } ] },
            { "type": 1, "name": "rename", "description": "Rename it", "options": [
              { "type": 3, "name": "name", "description": "New name", "required": true, "min_length": 1, "max_length": 10 } ] }
          ]
        }]
        """)!;

    /// <summary>Global commands: /blocklist for guilds only (by contexts, permissions as a number), /help everywhere.</summary>
    private static JsonArray GlobalCommands() => (JsonArray)JsonNode.Parse("""
        [
          { "name": "blocklist", "description": "Who may not open tickets", "default_member_permissions": 32, "contexts": [0],
            "options": [
              { "type": 1, "name": "add", "description": "Block a member", "options": [
                { "type": 6, "name": "member", "description": "Who", "required": true },
                { "type": 3, "name": "reason", "description": "Why" } ] },
              { "type": 1, "name": "list", "description": "Show them", "options": [
                { "type": 4, "name": "page", "description": "Which page", "min_value": 1 } ] }
            ] },
          { "name": "help", "description": "How tickets work", "contexts": [0, 1], "options": [
            { "type": 7, "name": "about", "description": "A ticket to explain" } ] }
        ]
        """)!;

    [SkippableFact]
    public async Task Guild_commands_are_stored_per_guild_and_answered_as_discord_does()
    {
        await using var seeded = await Seeded.StartAsync();
        var applicationId = seeded.Emulator.Bot.ApplicationId;
        var otherGuild = seeded.Emulator.State.AddGuild("Elsewhere", seeded.Owner.Id);

        var guild = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/guilds/{seeded.Guild.Id}/commands", TicketCommand());
        var global = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/commands", GlobalCommands());
        var notAMember = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/guilds/{otherGuild.Id}/commands", TicketCommand());
        var unknown = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/guilds/{seeded.Emulator.State.NewId()}/commands", TicketCommand());

        Assert.Equal(HttpStatusCode.OK, guild.StatusCode);
        await SpecAnswers.AssertMatchesAsync(guild);
        await SpecAnswers.AssertMatchesAsync(global);
        var ticket = (await Seeded.JsonOf(guild))[0]!;
        Assert.Equal(seeded.Guild.Id.ToString(CultureInfo.InvariantCulture), ticket["guild_id"]!.GetValue<string>());
        Assert.Equal("32", (await Seeded.JsonOf(global))[0]!["default_member_permissions"]!.GetValue<string>());
        Assert.Equal(["ticket"], seeded.Emulator.State.GuildCommands(applicationId, seeded.Guild.Id).Select(c => c.Definition["name"]!.GetValue<string>()));
        Assert.Equal(["blocklist", "help"], seeded.Emulator.State.Commands(applicationId).Select(c => c.Definition["name"]!.GetValue<string>()));
        Assert.Empty(seeded.Emulator.State.GuildCommands(applicationId, otherGuild.Id));
        Assert.Equal(50001, await Seeded.CodeOf(notAMember));
        Assert.Equal(10004, await Seeded.CodeOf(unknown));
    }

    [SkippableFact]
    public async Task A_permission_set_may_be_sent_as_a_string_of_digits_but_not_as_other_text()
    {
        await using var seeded = await Seeded.StartAsync();
        var path = $"applications/{seeded.Emulator.Bot.ApplicationId}/guilds/{seeded.Guild.Id}/commands";

        var digits = await seeded.Client.PutAsJsonAsync(path, Definition("""{ "name": "staff", "description": "Staff only", "default_member_permissions": "8192" }"""));
        var words = await seeded.Client.PutAsJsonAsync(path, Definition("""{ "name": "staff", "description": "Staff only", "default_member_permissions": "manage" }"""));
        var tooLarge = await seeded.Client.PutAsJsonAsync(path, Definition("""{ "name": "staff", "description": "Staff only", "default_member_permissions": "18014398509481984" }"""));

        Assert.Equal(HttpStatusCode.OK, digits.StatusCode);
        Assert.Equal("8192", (await Seeded.JsonOf(digits))[0]!["default_member_permissions"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
    }

    [SkippableFact]
    public async Task A_subcommand_with_a_mentionable_arrives_with_the_registered_id_and_resolved_user_and_member()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex,
            _ => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Added", ["flags"] = 64 } });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        var registered = await RegisterAsync(seeded);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);

        var delivery = await seeded.Emulator.Interactions.InvokeCommandAsync(thread, seeded.Owner.Id, "ticket", "add",
            [new CommandOptionValue("who", CommandOptionType.Mentionable, seeded.Member.Id)]);

        var payload = Assert.Single(endpoint.Received);
        var member = Id(seeded.Member.Id);
        Assert.Equal(2, payload["type"]!.GetValue<int>());
        Assert.Equal(Id(seeded.Guild.Id), payload["guild_id"]!.GetValue<string>());
        Assert.Equal(Id(seeded.Owner.Id), payload["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(12, payload["channel"]!["type"]!.GetValue<int>());
        var data = payload["data"]!;
        Assert.Equal(registered["ticket"], data["id"]!.GetValue<string>());
        Assert.Equal(("ticket", 1, Id(seeded.Guild.Id)), (data["name"]!.GetValue<string>(), data["type"]!.GetValue<int>(), data["guild_id"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""[{ "name": "add", "type": 1, "options": [{ "name": "who", "type": 9, "value": "{{member}}" }] }]"""), data["options"]));
        Assert.Equal("member", data["resolved"]!["users"]![member]!["username"]!.GetValue<string>());
        var partial = data["resolved"]!["members"]![member]!.AsObject();
        Assert.False(partial.ContainsKey("user") || partial.ContainsKey("deaf") || partial.ContainsKey("mute"));
        Assert.Equal(Id(seeded.Emulator.State.ChannelPermissions(thread, seeded.Member.Id)), partial["permissions"]!.GetValue<string>());
        Assert.Equal(4, delivery.Interaction.CallbackType);
        Assert.Equal("Added", seeded.Emulator.State.Message(thread, delivery.Interaction.OriginalMessageId!.Value)!.Content);
    }

    [SkippableFact]
    public async Task Channel_role_integer_and_string_options_arrive_typed_with_their_resolved_entities()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 5 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        await RegisterAsync(seeded);
        var category = seeded.Emulator.State.AddCategory(seeded.Guild.Id, "Billing");
        var interactions = seeded.Emulator.Interactions;

        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "ticket", "move",
            [new CommandOptionValue("category", CommandOptionType.Channel, category.Id)]);
        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "ticket", "add",
            [new CommandOptionValue("who", CommandOptionType.Mentionable, seeded.StaffRole.Id)]);
        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "blocklist", "list",
            [new CommandOptionValue("page", CommandOptionType.Integer, 2)]);
        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "blocklist", "add",
            [new CommandOptionValue("member", CommandOptionType.User, seeded.Member.Id), new CommandOptionValue("reason", CommandOptionType.String, "spam")]);
        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "help", null, []);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        await interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "help", null, [new CommandOptionValue("about", CommandOptionType.Channel, thread)]);

        var received = endpoint.Received;
        var moved = received[0]["data"]!["resolved"]!["channels"]![Id(category.Id)]!;
        Assert.Equal(("Billing", 4), (moved["name"]!.GetValue<string>(), moved["type"]!.GetValue<int>()));
        Assert.Equal(Id(seeded.Emulator.State.ChannelPermissions(category.Id, seeded.Owner.Id)), moved["permissions"]!.GetValue<string>());
        Assert.Equal("Staff", received[1]["data"]!["resolved"]!["roles"]![Id(seeded.StaffRole.Id)]!["name"]!.GetValue<string>());
        Assert.Null(received[1]["data"]!["resolved"]!["users"]);
        Assert.Equal(2, received[2]["data"]!["options"]![0]!["options"]![0]!["value"]!.GetValue<int>());
        Assert.Null(received[2]["data"]!["resolved"]);
        Assert.Null(received[2]["data"]!["guild_id"]);
        var blocked = received[3]["data"]!["options"]![0]!["options"]!.AsArray();
        Assert.Equal(["member", "reason"], blocked.Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal("spam", blocked[1]!["value"]!.GetValue<string>());
        Assert.False(received[4]["data"]!.AsObject().ContainsKey("options"));
        var about = received[5]["data"]!["resolved"]!["channels"]![Id(thread)]!;
        Assert.Equal((12, Id(seeded.Channel.Id)), (about["type"]!.GetValue<int>(), about["parent_id"]!.GetValue<string>()));
        Assert.False(about["thread_metadata"]!["archived"]!.GetValue<bool>());
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task What_discords_client_could_not_send_is_refused_before_anything_is_sent()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 5 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        await RegisterAsync(seeded);
        var channel = seeded.Channel.Id;
        var who = new CommandOptionValue("who", CommandOptionType.Mentionable, seeded.Member.Id);

        async Task<string> RefusedAsync(string command, string? subcommand, params CommandOptionValue[] options) =>
            (await Assert.ThrowsAsync<InvalidOperationException>(() =>
                seeded.Emulator.Interactions.InvokeCommandAsync(channel, seeded.Owner.Id, command, subcommand, options))).Message;

        Assert.Contains("registered no command /close", await RefusedAsync("close", null), StringComparison.Ordinal);
        Assert.Contains("no subcommand 'delete'", await RefusedAsync("ticket", "delete"), StringComparison.Ordinal);
        Assert.Contains("through its subcommands (claim, add, move, rename)", await RefusedAsync("ticket", null), StringComparison.Ordinal);
        Assert.Contains("no option 'reason'", await RefusedAsync("ticket", "add", who, new CommandOptionValue("reason", CommandOptionType.String, "x")), StringComparison.Ordinal);
        Assert.Contains("required option(s) who missing", await RefusedAsync("ticket", "add"), StringComparison.Ordinal);
        Assert.Contains("declared as Mentionable, not User", await RefusedAsync("ticket", "add", new CommandOptionValue("who", CommandOptionType.User, seeded.Member.Id)), StringComparison.Ordinal);
        Assert.Contains("given twice", await RefusedAsync("ticket", "add", who, who), StringComparison.Ordinal);
        Assert.Contains("not among its channel_types", await RefusedAsync("ticket", "move", new CommandOptionValue("category", CommandOptionType.Channel, channel)), StringComparison.Ordinal);
        Assert.Contains("min_length/max_length", await RefusedAsync("ticket", "rename", new CommandOptionValue("name", CommandOptionType.String, "much too long")), StringComparison.Ordinal);
        Assert.Contains("min_value/max_value", await RefusedAsync("blocklist", "list", new CommandOptionValue("page", CommandOptionType.Integer, 0L)), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => seeded.Emulator.Interactions.InvokeCommandAsync(channel, seeded.Owner.Id, "blocklist", "list",
            [new CommandOptionValue("page", CommandOptionType.Integer, "2")]));
        Assert.Empty(endpoint.Received);
    }

    [SkippableFact]
    public async Task In_a_dm_only_global_commands_whose_contexts_allow_dms_can_be_used()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 5 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        await RegisterAsync(seeded);
        var dm = await OpenDmAsync(seeded, seeded.Member.Id);

        var ticket = await Assert.ThrowsAsync<InvalidOperationException>(() => seeded.Emulator.Interactions.InvokeCommandAsync(dm, seeded.Member.Id, "ticket", "claim", []));
        var blocklist = await Assert.ThrowsAsync<InvalidOperationException>(() => seeded.Emulator.Interactions.InvokeCommandAsync(dm, seeded.Member.Id, "blocklist", "list", []));
        await seeded.Emulator.Interactions.InvokeCommandAsync(dm, seeded.Member.Id, "help", null, []);

        Assert.Contains("guild commands cannot be used in a DM", ticket.Message, StringComparison.Ordinal);
        Assert.Contains("not available in DMs", blocklist.Message, StringComparison.Ordinal);
        var payload = Assert.Single(endpoint.Received);
        Assert.Null(payload["guild_id"]);
        Assert.Null(payload["member"]);
        Assert.Equal(Id(seeded.Member.Id), payload["user"]!["id"]!.GetValue<string>());
        Assert.Equal((1, 1), (payload["channel"]!["type"]!.GetValue<int>(), payload["context"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Over_the_gateway_a_command_is_an_interaction_create_dispatch()
    {
        await using var seeded = await Seeded.StartAsync();
        await RegisterAsync(seeded);
        await using var probe = await GatewayProbe.ConnectAsync(seeded.Emulator);
        seeded.Emulator.Interactions.Transport = InteractionTransport.Gateway;

        var delivery = await seeded.Emulator.Interactions.InvokeCommandAsync(seeded.Channel.Id, seeded.Owner.Id, "ticket", "claim", []);

        var dispatched = await probe.WaitForAsync("INTERACTION_CREATE");
        Assert.Equal(0, delivery.StatusCode);
        Assert.Equal(Id(delivery.Interaction.Id), dispatched["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{ "name": "claim", "type": 1, "options": [] }]"""), dispatched["data"]!["options"]));
    }

    /// <summary>Registers /ticket for the seeded guild and the global commands; returns each command's id by name.</summary>
    private static async Task<Dictionary<string, string>> RegisterAsync(Seeded seeded)
    {
        var applicationId = seeded.Emulator.Bot.ApplicationId;
        var guild = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/guilds/{seeded.Guild.Id}/commands", TicketCommand());
        var global = await seeded.Client.PutAsJsonAsync($"applications/{applicationId}/commands", GlobalCommands());
        return (await Seeded.JsonOf(guild)).AsArray().Concat((await Seeded.JsonOf(global)).AsArray())
            .ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["id"]!.GetValue<string>());
    }

    internal static async Task<ulong> OpenDmAsync(Seeded seeded, ulong userId) =>
        Seeded.IdOf(await Seeded.JsonOf(await seeded.Client.PostAsJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = Id(userId) })));

    private static JsonArray Definition(string json) => new(JsonNode.Parse(json));

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
