using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Domain.Viewer;

namespace TicketSaas.Modules.Transcripts.Persistence;

internal class TranscriptsDbContext : ModuleDbContext
{
    public TranscriptsDbContext(DbContextOptions<TranscriptsDbContext> options)
        : base(options)
    {
    }

    protected TranscriptsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => TranscriptsModule.ModuleKey;

    public DbSet<ViewerSettings> ViewerSettings => Set<ViewerSettings>();

    public DbSet<Transcript> Transcripts => Set<Transcript>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<Erasure> Erasures => Set<Erasure>();

    public DbSet<ViewToken> ViewTokens => Set<ViewToken>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ViewerSettings>(settings =>
        {
            settings.HasKey(s => s.GuildId);
            settings.Property(s => s.GuildId).ValueGeneratedNever();
        });

        modelBuilder.Entity<Transcript>(transcript =>
        {
            transcript.HasKey(t => t.Id);
            transcript.Property(t => t.Id).ValueGeneratedNever();
            transcript.Property(t => t.PublicId).HasMaxLength(32);
            transcript.Property(t => t.CategoryName).HasMaxLength(100);
            transcript.Property(t => t.CloseReason).HasMaxLength(Transcript.MaxReasonLength);
            transcript.Property(t => t.StaffParticipantIds).HasJsonConversion().HasMaxLength(2000);
            transcript.Property(t => t.StaffRoleIds).HasJsonConversion().HasMaxLength(1000);
            transcript.Property(t => t.DocumentFile).HasMaxLength(300);
            transcript.Property(t => t.DirectMessageFailure).HasMaxLength(300);
            transcript.HasIndex(t => new { t.TicketId, t.CloseSequence }).IsUnique();
            transcript.HasIndex(t => t.PublicId);

            // Keyset pages of a guild's transcripts, newest first, whole or filtered by opener, category or rating.
            transcript.HasIndex(t => new { t.GuildId, t.ClosedAt, t.Id });
            transcript.HasIndex(t => new { t.GuildId, t.OpenerId, t.ClosedAt, t.Id });
            transcript.HasIndex(t => new { t.GuildId, t.CategoryId, t.ClosedAt, t.Id });
            transcript.HasIndex(t => new { t.GuildId, t.Rating, t.ClosedAt, t.Id });
        });

        modelBuilder.Entity<StoredFile>(file =>
        {
            file.HasKey(f => f.Key);
            file.Property(f => f.Key).HasMaxLength(300);
            file.Property(f => f.FileName).HasMaxLength(260);
            file.Property(f => f.ContentType).HasMaxLength(150);
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.HasOne<Transcript>().WithMany().HasForeignKey(f => f.TranscriptId).OnDelete(DeleteBehavior.Cascade);
            file.HasIndex(f => new { f.TranscriptId, f.OwnerId });
        });

        modelBuilder.Entity<Erasure>(erasure =>
        {
            erasure.HasKey(e => e.Id);
            erasure.Property(e => e.Id).ValueGeneratedNever();
            erasure.HasIndex(e => new { e.GuildId, e.UserId });
        });

        modelBuilder.Entity<ViewToken>(token =>
        {
            token.HasKey(t => t.TokenHash);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasOne<Transcript>().WithMany().HasForeignKey(t => t.TranscriptId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.ExpiresAt);
        });
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class TranscriptsSqliteDbContext(DbContextOptions<TranscriptsSqliteDbContext> options) : TranscriptsDbContext(options);

internal sealed class TranscriptsMySqlDesignTimeFactory() : DesignTimeFactory<TranscriptsDbContext>(TranscriptsModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class TranscriptsSqliteDesignTimeFactory() : DesignTimeFactory<TranscriptsSqliteDbContext>(TranscriptsModule.ModuleKey, DatabaseProvider.Sqlite);
