using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Transcripts.IntegrationEventHandlers;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Transcripts.Capture;

/// <summary>A process without a bot token cannot read a thread: the capture fails, saying why, and leaves nothing to look captured.</summary>
public sealed class CaptureWithoutDiscordTests
{
    [Fact]
    public async Task Without_a_bot_token_the_capture_fails_for_a_retry_and_records_nothing()
    {
        await using var api = await ApiHost.StartAsync(DatabaseKind.Sqlite);
        var closed = new TicketClosedIntegrationEvent(Guid.NewGuid(), DateTimeOffset.UtcNow, GuildIds.Next(), Guid.NewGuid(), 7, [42], 43, null, [],
            Guid.NewGuid(), "General", 44, [45], [], 46, "Done.", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, 1, null, "en");

        await using var scope = api.Services.CreateAsyncScope();
        var failure = await Assert.ThrowsAsync<UnavailableException>(() =>
            new TranscriptCaptureHandler().Handle(closed, scope.ServiceProvider.GetRequiredService<IMediator>(), CancellationToken.None));

        Assert.Contains("Discord:BotToken", failure.Message, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDbContext>();
        Assert.Empty(db.Transcripts);
        Assert.Empty(db.InboxMessages);
    }
}
