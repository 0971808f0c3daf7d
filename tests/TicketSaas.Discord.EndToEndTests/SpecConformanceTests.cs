using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.Discord.EndToEndTests;

/// <summary>
/// Every REST method of the client, against the emulator's check of Discord's OpenAPI document: each request
/// the client makes must reach an emulated route, be accepted, and break no rule of the spec.
/// </summary>
public class SpecConformanceTests
{
    private static readonly Uri RedirectUri = new("http://127.0.0.1/oauth/callback");

    [SkippableFact]
    public async Task Thread_requests_conform()
    {
        await using var scene = await Scene.StartAsync();
        var client = scene.Client;

        var thread = await client.CreatePrivateThreadAsync(scene.Channel.Id, "ticket-1", ThreadAutoArchiveDuration.OneWeek);
        await client.AddThreadMemberAsync(thread.Id, scene.Member.Id);
        await client.AddThreadMemberAsync(thread.Id, scene.Owner.Id);
        await client.RemoveThreadMemberAsync(thread.Id, scene.Owner.Id);
        var renamed = await client.RenameThreadAsync(thread.Id, "ticket-1 (billing)");
        var archived = await client.ArchiveThreadAsync(thread.Id, locked: true);

        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        Assert.Equal(new[] { scene.Emulator.Bot.ApplicationId, scene.Member.Id }.Order(), scene.Emulator.State.ThreadMembers(thread.Id));
        Assert.Equal("ticket-1 (billing)", renamed.Name);
        Assert.True(archived.ThreadMetadata is { Archived: true, Locked: true });
        AssertConforms(scene, requests: 6);
    }

    [SkippableFact]
    public async Task Message_requests_and_the_cdn_download_conform()
    {
        await using var scene = await Scene.StartAsync(options => options.HasMessageContentIntent = true);
        var client = scene.Client;
        byte[] transcript = [.. Encoding.UTF8.GetBytes("ticket #1 transcript")];

        var panel = await client.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder()
            .AddEmbed(new DiscordEmbedBuilder().WithTitle("Support").WithDescription("Open a ticket below.").AddField("Hours", "9–17", inline: true).Build())
            .AddActionRow(DiscordButton.Create(ButtonStyle.Primary, "ticket:open", "Open a ticket"))
            .AddActionRow(new DiscordStringSelect
            {
                CustomId = "ticket:topic",
                Options = [new DiscordSelectOption { Label = "Billing", Value = "billing" }, new DiscordSelectOption { Label = "Other", Value = "other" }],
            }));
        var upload = await client.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder()
            .WithContent("Transcript attached")
            .AddFile("transcript.txt", transcript, "Ticket #1"));
        var edited = await client.EditMessageAsync(scene.Channel.Id, panel.Id, new DiscordMessageBuilder().WithContent("Support is open"));
        var newest = await client.GetMessagesAsync(scene.Channel.Id, limit: 1);
        var older = await client.GetMessagesAsync(scene.Channel.Id, before: newest[0].Id, limit: 1);
        var newer = await client.GetMessagesAsync(scene.Channel.Id, after: older[0].Id);
        using var downloaded = new MemoryStream();
        await client.DownloadAsync(new Uri(Assert.Single(upload.Attachments).Url), downloaded);

        Assert.Equal("Support", Assert.Single(panel.Embeds).Title);
        Assert.Equal(2, panel.Components!.Count);
        Assert.Equal("Support is open", edited.Content);
        Assert.Equal([upload.Id, panel.Id], newest.Concat(older).Select(m => m.Id));
        Assert.Equal(upload.Id, Assert.Single(newer).Id);
        Assert.Equal(transcript, downloaded.ToArray());
        AssertConforms(scene, requests: 7);
    }

    [SkippableFact]
    public async Task Guild_user_gateway_and_command_requests_conform()
    {
        await using var scene = await Scene.StartAsync();
        var client = scene.Client;
        var guild = scene.Guild.Id;

        var channels = await client.GetGuildChannelsAsync(guild);
        var roles = await client.GetGuildRolesAsync(guild);
        var member = await client.GetGuildMemberAsync(guild, scene.Member.Id);
        var members = await client.ListGuildMembersAsync(guild, limit: 2);
        var rest = await client.ListGuildMembersAsync(guild, after: members[^1].User!.Id);
        var dm = await client.CreateDmChannelAsync(scene.Member.Id);
        var gateway = await client.GetGatewayBotAsync();
        var commands = await client.BulkOverwriteGlobalCommandsAsync(scene.Emulator.Bot.ApplicationId,
        [
            new DiscordApplicationCommand
            {
                Name = "ticket",
                Description = "Open a support ticket",
                Options = [new DiscordApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "subject", Description = "What it is about", Required = true }],
            },
        ]);

        Assert.Equal(scene.Channel.Id, Assert.Single(channels).Id);
        Assert.Equal(["@everyone", "TicketSaas"], roles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(scene.Member.Id, member.User!.Id);
        Assert.Equal(3, members.Count + rest.Count);
        Assert.Equal(ChannelType.Dm, dm.Type);
        Assert.Equal(1, gateway.Shards);
        Assert.NotNull(Assert.Single(commands).Id);
        AssertConforms(scene, requests: 8);
    }

    [SkippableFact]
    public async Task Interaction_callback_follow_up_and_original_edit_conform()
    {
        await using var scene = await Scene.StartAsync();
        await using var endpoint = await AcceptingEndpoint.StartAsync();
        scene.Emulator.Interactions.Endpoint = endpoint.Uri;
        var client = scene.Client;
        var applicationId = scene.Emulator.Bot.ApplicationId;
        var panel = await client.CreateMessageAsync(scene.Channel.Id, new DiscordMessageBuilder()
            .AddActionRow(DiscordButton.Create(ButtonStyle.Primary, "ticket:open", "Open a ticket")));

        var click = (await scene.Emulator.Interactions.ClickButtonAsync(scene.Channel.Id, panel.Id, scene.Member.Id, "ticket:open")).Interaction;
        await client.CreateInteractionResponseAsync(click.Id, click.Token, DiscordInteractionResponse.DeferredReply(ephemeral: true));
        var original = await client.EditOriginalResponseAsync(applicationId, click.Token, new DiscordMessageBuilder().WithContent("Ticket #1 opened"));
        var followup = await client.CreateFollowupMessageAsync(applicationId, click.Token, new DiscordMessageBuilder()
            .WithContent("Your form")
            .AddFile("form.txt", Encoding.UTF8.GetBytes("subject: billing"))
            .AsEphemeral());

        var answered = scene.Emulator.State.Interaction(click.Id)!;
        Assert.Equal((int)InteractionResponseType.DeferredChannelMessageWithSource, answered.CallbackType);
        Assert.Equal(answered.OriginalMessageId, original.Id);
        Assert.Equal("Ticket #1 opened", original.Content);
        Assert.Equal([followup.Id], answered.FollowupMessageIds);
        Assert.Single(followup.Attachments);
        AssertConforms(scene, requests: 4);
    }

    [SkippableFact]
    public async Task Oauth_code_exchange_with_pkce_and_the_users_reads_conform()
    {
        await using var scene = await Scene.StartAsync(options => options.OAuthRedirectUris.Add(RedirectUri.ToString()));
        var oauth = scene.Emulator.OAuth;
        oauth.AuthorizingUser = scene.Member.Id;
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var code = await AuthorizeAsync(scene, verifier);

        var token = await scene.Client.ExchangeCodeAsync(new DiscordOAuthCodeExchange(
            ulong.Parse(oauth.ClientId, System.Globalization.CultureInfo.InvariantCulture), oauth.ClientSecret, code, RedirectUri, verifier));
        var user = await scene.Client.GetCurrentUserAsync(token.AccessToken);
        var guilds = await scene.Client.GetCurrentUserGuildsAsync(token.AccessToken);

        Assert.Equal("identify guilds", token.Scope);
        Assert.Equal(scene.Member.Id, user.Id);
        Assert.Equal(scene.Guild.Id, Assert.Single(guilds).Id);
        AssertConforms(scene, requests: 3);
    }

    /// <summary>The browser's part: the authorize page redirects back with a code bound to the verifier's challenge.</summary>
    private static async Task<string> AuthorizeAsync(Scene scene, string verifier)
    {
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString(scene.Emulator.AuthorizeUri.ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = scene.Emulator.OAuth.ClientId,
            ["redirect_uri"] = RedirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = "identify guilds",
            ["state"] = "login-1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(new Uri(authorize));
        return QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
    }

    /// <summary>The emulator saw exactly the client's requests (plus the browser's authorize), all accepted, none off-spec.</summary>
    private static void AssertConforms(Scene scene, int requests)
    {
        var sent = scene.Emulator.Requests.All.Where(r => !r.Path.EndsWith("/oauth2/authorize", StringComparison.Ordinal)).ToList();
        Assert.Empty(scene.Emulator.Requests.SpecViolations);
        Assert.Equal(requests, sent.Count);
        Assert.All(sent, request =>
        {
            Assert.NotNull(request.Route);
            Assert.InRange(request.Status, 200, 299);
        });
    }
}
