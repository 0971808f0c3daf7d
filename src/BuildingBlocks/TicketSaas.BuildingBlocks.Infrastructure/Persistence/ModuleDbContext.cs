using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's table prefix and naming convention, its outbox and its inbox.
/// Each module derives one context for MySQL and a subclass for SQLite, each with its own migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string ModuleKey { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

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
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Sequence);
            message.Property(m => m.Sequence).ValueGeneratedOnAdd();
            message.HasIndex(m => m.Id).IsUnique();
            message.Property(m => m.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<OutboxDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedOnAdd();
            delivery.Property(d => d.Consumer).HasMaxLength(150);
            delivery.Property(d => d.LeaseOwner).HasMaxLength(100);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.HasIndex(d => new { d.MessageId, d.Consumer }).IsUnique();
            delivery.HasIndex(d => new { d.DeliveredAt, d.DeadAt, d.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.HasKey(i => new { i.MessageId, i.Consumer });
            inbox.Property(i => i.Consumer).HasMaxLength(150);
        });
        ConfigureModel(modelBuilder);
        ModuleNamingConvention.Apply(modelBuilder.Model, ModuleKey);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
