using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Identity.Domain.AuditLog;
using TicketSaas.Modules.Identity.Domain.PlatformAdmins;

namespace TicketSaas.Modules.Identity.Persistence;

internal class IdentityDbContext : ModuleDbContext
{
    public IdentityDbContext(DbContextOptions<IdentityDbContext> options)
        : base(options)
    {
    }

    protected IdentityDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => IdentityModule.ModuleKey;

    public DbSet<PlatformAdmin> PlatformAdmins => Set<PlatformAdmin>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlatformAdmin>(admin =>
        {
            admin.HasKey(a => a.UserId);
            admin.Property(a => a.UserId).ValueGeneratedNever();
        });
        modelBuilder.Entity<AuditLogEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedOnAdd();
            entry.Property(e => e.Module).HasMaxLength(50);
            entry.Property(e => e.Command).HasMaxLength(200);
            entry.HasIndex(e => new { e.GuildId, e.Id });
            entry.HasIndex(e => e.EventId);
        });
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityMySqlDesignTimeFactory() : DesignTimeFactory<IdentityDbContext>(IdentityModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class IdentitySqliteDesignTimeFactory() : DesignTimeFactory<IdentitySqliteDbContext>(IdentityModule.ModuleKey, DatabaseProvider.Sqlite);
