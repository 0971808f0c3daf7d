using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Domains.Domain.CustomDomains;

namespace TicketSaas.Modules.Domains.Persistence;

internal class DomainsDbContext : ModuleDbContext
{
    public DomainsDbContext(DbContextOptions<DomainsDbContext> options)
        : base(options)
    {
    }

    protected DomainsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => DomainsModule.ModuleKey;

    public DbSet<CustomDomain> CustomDomains => Set<CustomDomain>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CustomDomain>(domain =>
        {
            domain.HasKey(d => d.Id);
            domain.Property(d => d.Id).ValueGeneratedNever();
            domain.Property(d => d.Host).HasMaxLength(253);
            domain.Property(d => d.VerificationToken).HasMaxLength(64);
            domain.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            domain.HasIndex(d => d.Host).IsUnique();
            domain.HasIndex(d => d.GuildId);
        });
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class DomainsSqliteDbContext(DbContextOptions<DomainsSqliteDbContext> options) : DomainsDbContext(options);

internal sealed class DomainsMySqlDesignTimeFactory() : DesignTimeFactory<DomainsDbContext>(DomainsModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class DomainsSqliteDesignTimeFactory() : DesignTimeFactory<DomainsSqliteDbContext>(DomainsModule.ModuleKey, DatabaseProvider.Sqlite);
