using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
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

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ViewerSettings>(settings =>
        {
            settings.HasKey(s => s.GuildId);
            settings.Property(s => s.GuildId).ValueGeneratedNever();
        });
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class TranscriptsSqliteDbContext(DbContextOptions<TranscriptsSqliteDbContext> options) : TranscriptsDbContext(options);

internal sealed class TranscriptsMySqlDesignTimeFactory() : DesignTimeFactory<TranscriptsDbContext>(TranscriptsModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class TranscriptsSqliteDesignTimeFactory() : DesignTimeFactory<TranscriptsSqliteDbContext>(TranscriptsModule.ModuleKey, DatabaseProvider.Sqlite);
