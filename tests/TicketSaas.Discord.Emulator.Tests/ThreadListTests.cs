using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TicketSaas.Discord.Emulator.State;
using Xunit;

namespace TicketSaas.Discord.Emulator.Tests;

public class ThreadListTests
{
    [SkippableFact]
    public async Task Active_threads_are_those_the_bot_can_see_with_its_own_memberships()
    {
        await using var seeded = await Seeded.StartAsync();
        var state = seeded.Emulator.State;
        var other = state.AddBot("Other");
        state.AddMember(seeded.Guild.Id, other.ApplicationId);
        using var otherClient = seeded.ClientFor(other);
        var hiddenChannel = state.AddTextChannel(seeded.Guild.Id, "staff");
        state.SetPermissionOverwrite(hiddenChannel.Id, seeded.Emulator.Bot.ApplicationId, OverwriteType.Member, 0, Permissions.ViewChannel);

        var ownPrivate = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        var ownArchived = await seeded.CreateThreadAsync(ChannelType.PublicThread);
        await seeded.Client.PatchAsJsonAsync($"channels/{ownArchived}", new JsonObject { ["archived"] = true });
        var othersPublic = await seeded.CreateThreadAsync(ChannelType.PublicThread, otherClient);
        var othersPrivate = await seeded.CreateThreadAsync(ChannelType.PrivateThread, otherClient);
        var inHidden = Seeded.IdOf(await Seeded.JsonOf(await otherClient.PostAsJsonAsync($"channels/{hiddenChannel.Id}/threads", new JsonObject { ["name"] = "t", ["type"] = 11 })));

        var response = await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/threads/active");
        var asMember = await Seeded.JsonOf(response);
        seeded.GrantBot(Permissions.ManageThreads);
        var asModerator = await Seeded.JsonOf(await seeded.Client.GetAsync($"guilds/{seeded.Guild.Id}/threads/active"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SpecAnswers.AssertMatchesAsync(response);
        Assert.Equal([ownPrivate, othersPublic], Ids(asMember["threads"]!));
        Assert.Equal([ownPrivate, othersPublic, othersPrivate], Ids(asModerator["threads"]!));
        Assert.DoesNotContain(inHidden, Ids(asModerator["threads"]!));
        var listed = asMember["threads"]![0]!;
        Assert.Equal(seeded.Channel.Id.ToString(CultureInfo.InvariantCulture), listed["parent_id"]!.GetValue<string>());
        Assert.Equal(seeded.Emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture), listed["owner_id"]!.GetValue<string>());
        Assert.NotNull(listed["thread_metadata"]!["create_timestamp"]!.GetValue<string>());
        var member = Assert.Single(asModerator["members"]!.AsArray())!;
        Assert.Equal(ownPrivate, Seeded.IdOf(member));
        Assert.Equal(seeded.Emulator.Bot.ApplicationId.ToString(CultureInfo.InvariantCulture), member["user_id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Thread_members_show_when_each_joined()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var seeded = await Seeded.StartAsync(o => o.TimeProvider = clock);
        var thread = await seeded.CreateThreadAsync(ChannelType.PrivateThread);
        clock.Advance(TimeSpan.FromMinutes(5));
        await seeded.Client.PutAsync($"channels/{thread}/thread-members/{seeded.Member.Id}", null);

        var response = await seeded.Client.GetAsync($"channels/{thread}/thread-members");
        var joined = (await Seeded.JsonOf(response)).AsArray().ToDictionary(
            m => ulong.Parse(m!["user_id"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            m => m!["join_timestamp"]!.GetValue<string>());

        Assert.Equal("2026-03-01T12:00:00.000000+00:00", joined[seeded.Emulator.Bot.ApplicationId]);
        Assert.Equal("2026-03-01T12:05:00.000000+00:00", joined[seeded.Member.Id]);
        await SpecAnswers.AssertMatchesAsync(response);
    }

    private static List<ulong> Ids(JsonNode array) => [.. array.AsArray().Select(t => Seeded.IdOf(t!))];
}
