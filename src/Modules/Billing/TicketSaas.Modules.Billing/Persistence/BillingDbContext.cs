using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Billing.Domain.Plans;

namespace TicketSaas.Modules.Billing.Persistence;

internal class BillingDbContext : ModuleDbContext
{
    public BillingDbContext(DbContextOptions<BillingDbContext> options)
        : base(options)
    {
    }

    protected BillingDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => BillingModule.ModuleKey;

    public DbSet<Plan> Plans => Set<Plan>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Plan>(plan =>
        {
            plan.HasKey(p => p.Key);
            plan.Property(p => p.Key).HasMaxLength(32);
            plan.Property(p => p.Name).HasMaxLength(50);
            plan.OwnsOne(p => p.Limits, limits => limits.HasData(Plan.BuiltIn().Select(p => new
            {
                PlanKey = p.Key,
                p.Limits.TicketsPerMonth,
                p.Limits.RetentionDays,
                p.Limits.Panels,
                p.Limits.CustomBot,
                p.Limits.CustomDomain,
                p.Limits.WhiteLabel,
            })));
            plan.Navigation(p => p.Limits).IsRequired();
            plan.HasData(Plan.BuiltIn().Select(p => new { p.Key, p.Name, p.MonthlyPriceCents }));
        });
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class BillingSqliteDbContext(DbContextOptions<BillingSqliteDbContext> options) : BillingDbContext(options);

internal sealed class BillingMySqlDesignTimeFactory() : DesignTimeFactory<BillingDbContext>(BillingModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class BillingSqliteDesignTimeFactory() : DesignTimeFactory<BillingSqliteDbContext>(BillingModule.ModuleKey, DatabaseProvider.Sqlite);
