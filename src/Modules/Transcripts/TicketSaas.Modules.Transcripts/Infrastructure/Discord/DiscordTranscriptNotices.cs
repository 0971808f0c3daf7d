using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Infrastructure.Discord;

/// <summary>Transcript links on Discord, as notices: mentions name people without pinging them.</summary>
internal sealed class DiscordTranscriptNotices(DiscordRestClient discord) : ITranscriptNotices
{
    public Task PostAsync(ulong channelId, string content, string nonce, CancellationToken cancellationToken) =>
        RefusalsAreFinalAsync(() => discord.CreateMessageAsync(channelId, Notice(content), nonce, cancellationToken), $"a message in channel {channelId}");

    public Task DirectMessageAsync(ulong userId, string content, string nonce, CancellationToken cancellationToken) =>
        RefusalsAreFinalAsync(async () =>
        {
            var channel = await discord.CreateDmChannelAsync(userId, cancellationToken);
            return await discord.CreateMessageAsync(channel.Id, Notice(content), nonce, cancellationToken);
        }, $"a direct message to {userId}");

    private static DiscordMessageBuilder Notice(string content) =>
        new DiscordMessageBuilder().WithContent(content).WithAllowedMentions(DiscordAllowedMentions.None);

    private static async Task RefusalsAreFinalAsync(Func<Task<DiscordMessage>> post, string what)
    {
        try
        {
            await post();
        }
        catch (DiscordRestException refused) when (DiscordRefusals.IsFinal(refused))
        {
            throw new NoticeRefusedException($"Discord refused {what}: {refused.DiscordMessage}", refused);
        }
    }
}

/// <summary>Discord's 4xx answers other than 429 do not change on a retry; 5xx, 429 and lost answers may.</summary>
internal static class DiscordRefusals
{
    public static bool IsFinal(DiscordRestException failure) =>
        (int)failure.Status is >= 400 and < 500 && failure.Status != System.Net.HttpStatusCode.TooManyRequests;
}
