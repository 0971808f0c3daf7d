using System.Text.Json.Nodes;
using TicketSaas.BuildingBlocks.Discord.Builders;

namespace TicketSaas.Discord.EndToEndTests;

public class LostAnswerTests
{
    private const string CreateMessage = "POST /channels/{channel_id}/messages";

    /// <summary>
    /// Discord posts the message but its answer never arrives in time: the client times out and sends again
    /// with the same nonce, and enforce_nonce turns the second send into a read of the first message.
    /// </summary>
    [SkippableFact]
    public async Task A_message_create_retried_after_a_timeout_posts_exactly_one_message()
    {
        await using var scene = await Scene.StartAsync(
            rest: new Dictionary<string, string> { ["RetryBaseDelay"] = "00:00:00.050" },
            requestTimeout: TimeSpan.FromMilliseconds(500));
        scene.Emulator.Faults.HoldNextAnswer(CreateMessage, TimeSpan.FromSeconds(30));

        var returned = await scene.Client.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder().WithContent("Welcome to your ticket"));

        var posted = Assert.Single(scene.Emulator.State.Messages(scene.Channel.Id));
        Assert.Equal(posted.Id, returned.Id);
        Assert.Equal("Welcome to your ticket", returned.Content);
        var attempts = scene.Emulator.Requests.All.Where(r => r.Route == CreateMessage).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(0, attempts[0].Status);
        var nonces = attempts.Select(r => JsonNode.Parse(r.BodyText)!["nonce"]!.GetValue<string>()).Distinct();
        Assert.Single(nonces);
        Assert.Empty(scene.Emulator.Requests.SpecViolations);
    }
}
