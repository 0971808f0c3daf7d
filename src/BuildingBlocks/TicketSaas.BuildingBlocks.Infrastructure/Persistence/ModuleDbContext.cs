using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's table prefix, naming convention and audit table.
/// Each module derives one context for MySQL and a subclass for SQLite, each with its own migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string ModuleKey { get; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// SQLite has no date type: EF stores DateTimeOffset as text it cannot compare or sort in SQL. As UTC ticks it
    /// sorts and filters like MySQL's datetime(6), without losing precision (every time we store is UTC).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

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

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
