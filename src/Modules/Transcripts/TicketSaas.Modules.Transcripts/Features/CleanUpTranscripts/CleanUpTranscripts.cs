using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Features.ViewTranscript;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts.Features.CleanUpTranscripts;

// Retention: a guild's transcripts closed more than its RetentionDays ago go with their stored files and document.
// Files are deleted before the rows that name them, so a crash in between leaves rows the next run finds again
// rather than files nobody knows of. Running twice, or in two hosts at once, deletes nothing twice.

/// <summary>Deletes up to <paramref name="BatchSize"/> transcripts that retention no longer keeps, in one transaction.</summary>
public sealed record CleanUpTranscriptsCommand(int BatchSize = CleanUpTranscriptsCommand.DefaultBatchSize) : ICommand<TranscriptCleanUpDto>
{
    public const int DefaultBatchSize = 200;
}

/// <param name="More">The batch was full: more may be due.</param>
public sealed record TranscriptCleanUpDto(int TranscriptsDeleted, int FilesDeleted, bool More);

internal sealed class CleanUpTranscriptsCommandHandler(TranscriptsDbContext db, IFileStorage storage, TimeProvider clock)
    : IRequestHandler<CleanUpTranscriptsCommand, TranscriptCleanUpDto>
{
    public async Task<TranscriptCleanUpDto> Handle(CleanUpTranscriptsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grantsEnded = now - TranscriptGrants.Lifetime;
        await db.ViewTokens.Where(v => v.ExpiresAt < grantsEnded).ExecuteDeleteAsync(cancellationToken);

        var policies = await db.ViewerSettings.AsNoTracking()
            .Where(s => s.RetentionDays != null)
            .Select(s => new { s.GuildId, s.RetentionDays })
            .ToListAsync(cancellationToken);
        var transcripts = new List<Transcript>();
        foreach (var policy in policies)
        {
            var cutoff = now.AddDays(-policy.RetentionDays!.Value);
            transcripts.AddRange(await db.Transcripts
                .Where(t => t.GuildId == policy.GuildId && t.ClosedAt < cutoff)
                .OrderBy(t => t.ClosedAt)
                .Take(command.BatchSize - transcripts.Count)
                .ToListAsync(cancellationToken));
            if (transcripts.Count == command.BatchSize)
            {
                break;
            }
        }

        var ids = transcripts.ConvertAll(t => t.Id);
        var files = await db.StoredFiles.Where(f => ids.Contains(f.TranscriptId)).ToListAsync(cancellationToken);
        foreach (var key in files.Select(f => f.Key).Union(transcripts.Select(t => t.DocumentFile)))
        {
            await storage.DeleteAsync(key, cancellationToken);
        }

        db.StoredFiles.RemoveRange(files);
        db.Transcripts.RemoveRange(transcripts);
        return new TranscriptCleanUpDto(transcripts.Count, files.Count, transcripts.Count == command.BatchSize);
    }
}

/// <summary>Configuration section "Transcripts:Retention".</summary>
internal sealed class RetentionOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Runs the clean-up at start and then once per interval, batch after batch until nothing is due.</summary>
internal sealed partial class RetentionCleanUp(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionCleanUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanUpAsync(stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogCleanUpFailed(failure);
            }

            await Task.Delay(options.Value.Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var (transcripts, files) = (0, 0);
        TranscriptCleanUpDto batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CleanUpTranscriptsCommand(), cancellationToken);
            (transcripts, files) = (transcripts + batch.TranscriptsDeleted, files + batch.FilesDeleted);
        }
        while (batch.More);

        if (transcripts > 0)
        {
            LogCleanedUp(transcripts, files);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The transcript retention clean-up failed; it runs again at the next interval")]
    private partial void LogCleanUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Transcripts} transcripts and {Files} stored files")]
    private partial void LogCleanedUp(int transcripts, int files);
}
