using Microsoft.EntityFrameworkCore;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's table prefix, naming convention and audit table.
/// Each module derives one context for MySQL and a subclass for SQLite, each with its own migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string ModuleKey { get; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Command).HasMaxLength(200);
            audit.HasIndex(a => new { a.GuildId, a.OccurredAt });
        });
        ConfigureModel(modelBuilder);
        ModuleNamingConvention.Apply(modelBuilder.Model, ModuleKey);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
