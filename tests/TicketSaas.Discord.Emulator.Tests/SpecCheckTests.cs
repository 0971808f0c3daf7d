using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Spec;
using TicketSaas.Testing;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class SpecCheckTests
{
    [SkippableFact]
    public async Task A_message_with_a_wrongly_typed_field_is_flagged_and_refused_while_a_valid_one_passes()
    {
        await using var seeded = await Seeded.StartAsync();

        var valid = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "hello", ["tts"] = false });
        var invalid = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject { ["content"] = "hello", ["tts"] = "yes" });

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await Seeded.JsonOf(invalid);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.Equal("BASE_TYPE_BAD_TYPE", body["errors"]!["tts"]!["_errors"]![0]!["code"]!.GetValue<string>());
        var flagged = Assert.Single(seeded.Emulator.Requests.SpecViolations);
        Assert.Contains("tts", flagged.SpecViolations[0].ToString(), StringComparison.Ordinal);
        Assert.Single(seeded.Emulator.State.Messages(seeded.Channel.Id));
    }

    [SkippableFact]
    public async Task A_component_of_an_unknown_type_is_flagged_by_its_discriminator()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, new JsonObject
        {
            ["content"] = "panel",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 99, ["custom_id"] = "x", ["style"] = 1 }),
            }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Seeded.JsonOf(response))["errors"]!["components"]!["0"]!["components"]!["0"]!["_errors"]![0]!;
        Assert.Equal("BASE_TYPE_CHOICES", error["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task In_record_mode_a_violation_is_recorded_but_the_request_is_handled()
    {
        await using var seeded = await Seeded.StartAsync(o => o.SpecCheck = SpecCheckMode.Record);

        var response = await seeded.Client.PostAsJsonAsync($"channels/{seeded.Channel.Id}/threads",
            new JsonObject { ["name"] = new string('t', 101), ["type"] = 12 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var violation = Assert.Single(Assert.Single(seeded.Emulator.Requests.SpecViolations).SpecViolations);
        Assert.Equal(SpecViolationKind.InvalidBody, violation.Kind);
        Assert.Equal("maxLength", Assert.Single(violation.Errors).Keyword);
    }

    [SkippableFact]
    public async Task A_path_outside_the_spec_is_a_404_and_a_wrong_method_a_405()
    {
        await using var seeded = await Seeded.StartAsync();

        var unknown = await seeded.Client.GetAsync("channels/1/no-such-thing");
        var wrongMethod = await seeded.Client.DeleteAsync("gateway/bot");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(
            [SpecViolationKind.UnknownPath, SpecViolationKind.MethodNotAllowed],
            seeded.Emulator.Requests.SpecViolations.Select(r => r.SpecViolations[0].Kind));
    }

    [SkippableFact]
    public async Task A_path_parameter_that_is_not_a_snowflake_is_flagged()
    {
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.Client.GetAsync("channels/undefined/messages");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SpecViolationKind.InvalidParameter, Assert.Single(seeded.Emulator.Requests.SpecViolations).SpecViolations[0].Kind);
    }

    /// <summary>Guards <see cref="SpecAnswers"/>: an answer that breaks the documented response is caught.</summary>
    [SkippableFact]
    public void An_answer_unlike_the_documented_response_is_flagged()
    {
        var spec = OpenApiSpec.Load(SharedData.PathOf(DiscordEmulator.SpecFile));
        using var roles = System.Text.Json.JsonDocument.Parse("""[{"id":"1","name":"@everyone","permissions":"0","position":0}]""");
        using var body = System.Text.Json.JsonDocument.Parse("{}");

        var missingFields = spec.CheckResponse("GET", "/guilds/1/roles", 200, roles.RootElement);
        var bodyOn204 = spec.CheckResponse("DELETE", "/channels/1/messages/2", 204, body.RootElement);
        var undocumentedStatus = spec.CheckResponse("GET", "/guilds/1/roles", 302, null);

        Assert.Contains(Assert.Single(missingFields).Errors, e => e.Keyword == "required" && e.Path.SequenceEqual(["0", "mentionable"]));
        Assert.Equal(SpecViolationKind.InvalidResponse, Assert.Single(bodyOn204).Kind);
        Assert.Single(undocumentedStatus);
    }

    /// <summary>Guards the validator against false alarms: Discord's own example bodies must pass.</summary>
    [SkippableTheory]
    [InlineData("create-message-embed.json")]
    [InlineData("create-message-legacy-components.json")]
    [InlineData("create-message-action-row-v2.json")]
    [InlineData("create-message-string-select-v2.json")]
    [InlineData("create-message-channel-select-v2.json")]
    [InlineData("create-message-role-select-v2.json")]
    public async Task Discords_example_message_bodies_pass(string vector)
    {
        var body = JsonNode.Parse(SharedData.ReadText($"discord/vectors/rest/{vector}"))!.AsObject();
        await using var seeded = await Seeded.StartAsync();

        var response = await seeded.PostMessageAsync(seeded.Channel.Id, body);

        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("response-modal-label.json")]
    [InlineData("response-modal-actionrow-legacy.json")]
    public async Task Discords_example_modal_responses_pass_the_callback_schema(string vector)
    {
        var body = JsonNode.Parse(SharedData.ReadText($"discord/vectors/interactions/{vector}"))!.AsObject();
        await using var seeded = await Seeded.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = seeded.Emulator.ApiBaseUri };

        // The interaction is unknown, so Discord's answer is 10062; what matters is that the body passed the spec.
        var response = await anonymous.PostAsJsonAsync("interactions/1/token/callback", body);

        Assert.Empty(seeded.Emulator.Requests.SpecViolations);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(10062, (await Seeded.JsonOf(response))["code"]!.GetValue<int>());
    }
}
