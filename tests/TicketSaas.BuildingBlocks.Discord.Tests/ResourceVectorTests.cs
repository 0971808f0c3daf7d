using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Tests.Support;
using TicketSaas.Testing;

namespace TicketSaas.BuildingBlocks.Discord.Tests;

/// <summary>Discord's example objects (shared/discord/vectors/resources, rest, gateway) read strictly and written back.</summary>
public sealed class ResourceVectorTests
{
    private static string Vector(string path) => SharedData.ReadText($"discord/vectors/{path}");

    private static T RoundTrip<T>(string json, params Type[] ignoring)
    {
        var parsed = StrictJson.Parse<T>(json);
        JsonAssert.Equivalent(StrictJson.Expected(json, StrictJson.IgnoredFieldsOf(ignoring)), StrictJson.Serialize(parsed));
        return parsed;
    }

    [SkippableFact]
    public void Message_json()
    {
        var message = RoundTrip<DiscordMessage>(Vector("resources/message.json"), typeof(DiscordReaction));

        Assert.Equal(("Supa Hot", 334385199974967042UL, 290926798999357250UL), (message.Content, message.Id, message.ChannelId));
        Assert.Equal("🔥", Assert.Single(message.Reactions!).Emoji.Name);
    }

    [SkippableFact]
    public void Crossposted_message_json()
    {
        var message = RoundTrip<DiscordMessage>(Vector("resources/message-crosspost.json"), typeof(DiscordReaction), typeof(DiscordMessage));

        Assert.Equal(MessageFlags.Crossposted, message.Flags);
        Assert.Equal(306588351130107906UL, message.MessageReference!.MessageId);
    }

    [SkippableFact]
    public void Reply_with_embed_and_attachment_json()
    {
        // The attachment id in the docs' example has 21 digits, beyond 64 bits: replaced in memory by a valid one.
        var json = Vector("resources/message-reply-embed-attachment-ASSEMBLED.json")
            .Replace("111111111111111111111", "111111111111111111", StringComparison.Ordinal);
        var message = RoundTrip<DiscordMessage>(json, typeof(DiscordReaction), typeof(DiscordAttachment));

        Assert.Equal(19, message.Type);
        Assert.Equal("Supa Hot", message.ReferencedMessage!.Content);
        var embed = Assert.Single(message.Embeds);
        Assert.Equal(("rich", 5814783, "attachment://bug.png"), (embed.Type, embed.Color, embed.Image!.Url));
        Assert.Equal(new DiscordEmbedField("Priority", "High") { Inline = true }, Assert.Single(embed.Fields!));
        Assert.Equal("bug.png", Assert.Single(message.Attachments).Filename);
        Assert.Equal(80351110224678912UL, Assert.Single(message.Mentions).Id);
    }

    [SkippableFact]
    public void Private_thread_json()
    {
        var thread = RoundTrip<DiscordChannel>(Vector("resources/thread-channel-private-ASSEMBLED.json"));

        Assert.True(thread.IsThread);
        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        Assert.False(thread.ThreadMetadata!.Invitable);
        Assert.Equal((int)ThreadAutoArchiveDuration.OneDay, thread.ThreadMetadata.AutoArchiveDuration);
    }

    [SkippableTheory]
    [InlineData("resources/thread-channel-public.json", ChannelType.PublicThread)]
    [InlineData("resources/guild-text-channel.json", ChannelType.GuildText)]
    [InlineData("resources/dm-channel.json", ChannelType.Dm)]
    public void Channel_json(string path, ChannelType type) =>
        Assert.Equal(type, RoundTrip<DiscordChannel>(Vector(path)).Type);

    [SkippableFact]
    public void Guild_member_json_with_an_empty_user()
    {
        var json = Vector("resources/guild-member.json");
        var member = StrictJson.Parse<DiscordMember>(json);

        Assert.Equal("NOT API SUPPORT", member.Nick);
        Assert.Equal(0UL, member.User!.Id);
        Assert.Empty(member.Roles);
    }

    [SkippableFact]
    public void User_json()
    {
        var user = RoundTrip<DiscordUser>(Vector("resources/user.json"), typeof(DiscordUser));

        Assert.Equal((80351110224678912UL, "Nelly", "Nelly"), (user.Id, user.Username, user.DisplayName));
    }

    [SkippableFact]
    public void Role_json()
    {
        var role = RoundTrip<DiscordRole>(Vector("resources/role.json"), typeof(DiscordRole));

        Assert.Equal(Permissions.None, role.Permissions);
    }

    [SkippableFact]
    public void Partial_guild_of_users_me_guilds()
    {
        var guild = RoundTrip<DiscordPartialGuild>(Vector("rest/users-me-guilds-partial-guild.json"));

        // The docs' example: the owner, yet without ADMINISTRATOR or MANAGE_GUILD in the bits.
        Assert.True(guild.Owner);
        Assert.False(guild.Permissions.Grants(Permissions.ManageGuild));
        Assert.Equal(3268, guild.ApproximateMemberCount);
    }

    [SkippableFact]
    public void OAuth_token_response()
    {
        var token = RoundTrip<DiscordOAuthToken>(Vector("rest/oauth2-token-response.json"));

        Assert.Equal(("6qrZcUqja7812RVdnEKjpzOL4CvHBFG", "Bearer", 604800, "identify"),
            (token.AccessToken, token.TokenType, token.ExpiresIn, token.Scope));
    }

    [SkippableFact]
    public void Gateway_bot_response()
    {
        var gateway = RoundTrip<DiscordGatewayBot>(Vector("gateway/get-gateway-bot-response.json"));

        Assert.Equal(("wss://gateway.discord.gg/", 9, 1), (gateway.Url, gateway.Shards, gateway.SessionStartLimit.MaxConcurrency));
    }
}
