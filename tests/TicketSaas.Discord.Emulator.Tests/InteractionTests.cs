using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class InteractionTests
{
    [SkippableFact]
    public async Task A_signed_button_click_reaches_the_endpoint_and_its_answer_posts_the_reply()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex,
            _ => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Ticket opened", ["flags"] = 64 } });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        var panel = await Seeded.JsonOf(await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "Open a ticket" }));
        var panelId = ulong.Parse(panel["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var delivery = await seeded.Emulator.Interactions.ClickButtonAsync(seeded.Channel.Id, panelId, seeded.Member.Id, "open:general");

        Assert.Equal(200, delivery.StatusCode);
        Assert.Null(delivery.Refusal);
        var payload = Assert.Single(endpoint.Received);
        Assert.Equal("open:general", payload["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(seeded.Member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), payload["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(4, delivery.Interaction.CallbackType);
        var reply = seeded.Emulator.State.Message(seeded.Channel.Id, delivery.Interaction.OriginalMessageId!.Value)!;
        Assert.Equal("Ticket opened", reply.Content);
        Assert.Equal(seeded.Member.Id, reply.VisibleOnlyTo);
    }

    [SkippableFact]
    public async Task A_forged_signature_is_refused_by_an_endpoint_that_verifies()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 1 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;

        var genuine = await seeded.Emulator.Interactions.PingAsync();
        var forged = await seeded.Emulator.Interactions.SendAsync(new JsonObject
        {
            ["id"] = seeded.Emulator.State.NewId().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = 1,
            ["token"] = "t",
        }, validSignature: false);

        Assert.Equal(200, genuine.StatusCode);
        Assert.Equal(1, genuine.Interaction.CallbackType);
        Assert.Equal(401, forged.StatusCode);
        Assert.Single(endpoint.Received);
    }

    [SkippableTheory]
    [InlineData(ModalShape.Label)]
    [InlineData(ModalShape.ActionRow)]
    public async Task A_modal_submit_arrives_in_the_chosen_shape_and_a_deferred_reply_is_completed_by_webhook(ModalShape shape)
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 5 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;

        var delivery = await seeded.Emulator.Interactions.SubmitModalAsync(seeded.Channel.Id, seeded.Member.Id, "form:general",
            [new ModalField("subject", "Cannot log in")], shape);
        using var webhook = new HttpClient { BaseAddress = seeded.Emulator.ApiBaseUri };
        var path = $"webhooks/{seeded.Emulator.Bot.ApplicationId}/{delivery.Interaction.Token}";
        var edited = await webhook.PatchAsync($"{path}/messages/@original", Json("""{"content":"Your ticket: #1"}"""));
        var followup = await webhook.PostAsync($"{path}?wait=true", Json("""{"content":"Staff will answer soon"}"""));

        var first = Assert.Single(endpoint.Received)["data"]!["components"]![0]!;
        var field = shape == ModalShape.Label ? first["component"]! : first["components"]![0]!;
        Assert.Equal(shape == ModalShape.Label ? 18 : 1, first["type"]!.GetValue<int>());
        Assert.Equal("Cannot log in", field["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Your ticket: #1", seeded.Emulator.State.Message(seeded.Channel.Id, delivery.Interaction.OriginalMessageId!.Value)!.Content);
        Assert.Equal(HttpStatusCode.OK, followup.StatusCode);
        Assert.Single(seeded.Emulator.State.Interaction(delivery.Interaction.Id)!.FollowupMessageIds);
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task An_interaction_carries_the_bots_and_the_members_permissions_in_its_channel()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex, _ => new JsonObject { ["type"] = 6 });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        var state = seeded.Emulator.State;
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Guild.Id, OverwriteType.Role, 0, Permissions.AddReactions);
        state.SetPermissionOverwrite(seeded.Channel.Id, seeded.Emulator.Bot.ApplicationId, OverwriteType.Member, Permissions.ManageThreads, 0);
        var panel = state.PostUserMessage(seeded.Channel.Id, seeded.Owner.Id, "panel");

        await seeded.Emulator.Interactions.ClickButtonAsync(seeded.Channel.Id, panel.Id, seeded.Member.Id, "open");

        var payload = Assert.Single(endpoint.Received);
        Assert.Equal(((Permissions.EveryoneDefault & ~Permissions.AddReactions) | Permissions.ManageThreads).ToString(CultureInfo.InvariantCulture), payload["app_permissions"]!.GetValue<string>());
        Assert.Equal((Permissions.EveryoneDefault & ~Permissions.AddReactions).ToString(CultureInfo.InvariantCulture), payload["member"]!["permissions"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_button_on_the_bots_dm_message_is_clicked_as_in_a_dm_without_guild_or_member()
    {
        await using var seeded = await Seeded.StartAsync();
        await using var endpoint = await LoopbackEndpoint.StartAsync(seeded.Emulator.PublicKeyHex,
            _ => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Thanks for rating" } });
        seeded.Emulator.Interactions.Endpoint = endpoint.Uri;
        var dm = await CommandTests.OpenDmAsync(seeded, seeded.Member.Id);
        var posted = await seeded.PostMessageAsync(dm, new JsonObject
        {
            ["content"] = "How did we do?",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["custom_id"] = "rate:5", ["label"] = "Great" }),
            }),
        });
        var messageId = Seeded.IdOf(await Seeded.JsonOf(posted));

        var delivery = await seeded.Emulator.Interactions.ClickButtonAsync(dm, messageId, seeded.Member.Id, "rate:5");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var payload = Assert.Single(endpoint.Received);
        Assert.False(payload.ContainsKey("guild_id") || payload.ContainsKey("member") || payload.ContainsKey("guild_locale"));
        Assert.Equal(seeded.Member.Id.ToString(CultureInfo.InvariantCulture), payload["user"]!["id"]!.GetValue<string>());
        Assert.Equal((1, 1), (payload["channel"]!["type"]!.GetValue<int>(), payload["context"]!.GetValue<int>()));
        Assert.Equal(dm.ToString(CultureInfo.InvariantCulture), payload["channel_id"]!.GetValue<string>());
        Assert.Equal("rate:5", payload["message"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
        Assert.Null(delivery.Interaction.GuildId);
        Assert.Equal("Thanks for rating", seeded.Emulator.State.Message(dm, delivery.Interaction.OriginalMessageId!.Value)!.Content);
        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
    }

    [SkippableFact]
    public async Task Only_the_dms_recipient_can_click_in_it()
    {
        await using var seeded = await Seeded.StartAsync();
        var dm = await CommandTests.OpenDmAsync(seeded, seeded.Member.Id);
        var message = Seeded.IdOf(await Seeded.JsonOf(await seeded.PostMessageAsync(dm, new JsonObject { ["content"] = "How did we do?" })));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            seeded.Emulator.Interactions.ClickButtonAsync(dm, message, seeded.Owner.Id, "rate:5"));

        Assert.Contains("not a recipient", refused.Message, StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
