using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Tickets.Domain.Categories;

namespace TicketSaas.Modules.Tickets.Persistence;

internal class TicketsDbContext : ModuleDbContext
{
    public TicketsDbContext(DbContextOptions<TicketsDbContext> options)
        : base(options)
    {
    }

    protected TicketsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => TicketsModule.ModuleKey;

    public DbSet<TicketGuild> Guilds => Set<TicketGuild>();

    public DbSet<Category> Categories => Set<Category>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TicketGuild>(guild =>
        {
            guild.HasKey(g => g.GuildId);
            guild.Property(g => g.GuildId).ValueGeneratedNever();
            guild.Property(g => g.Version).IsConcurrencyToken();
            guild.HasMany(g => g.Categories).WithOne().HasForeignKey(c => c.GuildId);
            guild.Navigation(g => g.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<Category>(category =>
        {
            category.HasKey(c => c.Id);
            category.Property(c => c.Id).ValueGeneratedNever();
            category.Property(c => c.Name).HasMaxLength(100);
            category.Property(c => c.NamingScheme).HasMaxLength(ThreadNamingScheme.MaxLength);
        });
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class TicketsSqliteDbContext(DbContextOptions<TicketsSqliteDbContext> options) : TicketsDbContext(options);

internal sealed class TicketsMySqlDesignTimeFactory() : DesignTimeFactory<TicketsDbContext>(TicketsModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class TicketsSqliteDesignTimeFactory() : DesignTimeFactory<TicketsSqliteDbContext>(TicketsModule.ModuleKey, DatabaseProvider.Sqlite);
