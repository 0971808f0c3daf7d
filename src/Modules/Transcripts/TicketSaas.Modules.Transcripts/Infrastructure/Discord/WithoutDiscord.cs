using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Infrastructure.Discord;

/// <summary>A process without a bot token: it cannot read a thread, so it refuses rather than record an empty transcript.</summary>
internal sealed class WithoutDiscord : ITicketHistory, ITranscriptNotices
{
    private const string NotConfigured =
        "Discord is not configured in this process: set Discord:BotToken to capture transcripts. The capture is retried.";

    public Task<TicketHistory> ReadAsync(HistoryRequest request, IFileKeeper files, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);

    public Task PostAsync(ulong channelId, string content, string nonce, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);

    public Task DirectMessageAsync(ulong userId, string content, string nonce, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);
}
