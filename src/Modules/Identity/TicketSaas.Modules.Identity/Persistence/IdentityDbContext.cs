using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Identity.Domain.AuditLog;
using TicketSaas.Modules.Identity.Domain.BotPresence;
using TicketSaas.Modules.Identity.Domain.PlatformAdmins;
using TicketSaas.Modules.Identity.Domain.Sessions;
using TicketSaas.Modules.Identity.Domain.Users;

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

    public DbSet<User> Users => Set<User>();

    public DbSet<GuildMembership> Memberships => Set<GuildMembership>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<BotGuild> BotGuilds => Set<BotGuild>();

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
            entry.HasIndex(e => new { e.ActorUserId, e.Id });
            entry.HasIndex(e => new { e.GuildId, e.OccurredAt });
        });
        modelBuilder.Entity<User>(user =>
        {
            user.HasKey(u => u.Id);
            // Paged by id: SQLite cannot sort unsigned 64-bit values, and snowflakes stay below 2^63 for centuries.
            user.Property(u => u.Id).ValueGeneratedNever().HasConversion<long>();
            user.Property(u => u.Username).HasMaxLength(100);
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.Avatar).HasMaxLength(100);
        });
        modelBuilder.Entity<GuildMembership>(membership =>
        {
            membership.HasKey(m => new { m.UserId, m.GuildId });
            membership.Property(m => m.GuildName).HasMaxLength(100);
            membership.Property(m => m.RoleIds).HasJsonConversion();
        });
        modelBuilder.Entity<Session>(session =>
        {
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).ValueGeneratedNever();
            session.Property(s => s.TokenHash).HasMaxLength(64);
            session.Property(s => s.AntiforgeryHash).HasMaxLength(64);
            session.HasIndex(s => s.TokenHash).IsUnique();
            session.HasIndex(s => new { s.UserId, s.ExpiresAt });
        });
        modelBuilder.Entity<BotGuild>(guild =>
        {
            guild.HasKey(g => g.GuildId);
            guild.Property(g => g.GuildId).ValueGeneratedNever().HasConversion<long>();
            guild.Property(g => g.Name).HasMaxLength(100);
        });
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityMySqlDesignTimeFactory() : DesignTimeFactory<IdentityDbContext>(IdentityModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class IdentitySqliteDesignTimeFactory() : DesignTimeFactory<IdentitySqliteDbContext>(IdentityModule.ModuleKey, DatabaseProvider.Sqlite);
