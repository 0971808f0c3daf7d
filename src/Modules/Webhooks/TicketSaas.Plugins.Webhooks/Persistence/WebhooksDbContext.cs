using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Plugins.Webhooks.Domain;

namespace TicketSaas.Plugins.Webhooks.Persistence;

internal class WebhooksDbContext : ModuleDbContext, IDataProtectionKeyContext
{
    public WebhooksDbContext(DbContextOptions<WebhooksDbContext> options)
        : base(options)
    {
    }

    protected WebhooksDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => WebhooksModule.ModuleKey;

    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookEndpoint>(endpoint =>
        {
            endpoint.HasKey(e => e.Id);
            endpoint.Property(e => e.Id).ValueGeneratedNever();
            endpoint.Property(e => e.Url).HasMaxLength(2000);
            endpoint.Property(e => e.ProtectedSecret).HasMaxLength(1000);
            endpoint.Property(e => e.Events).HasMaxLength(1000);
            endpoint.Ignore(e => e.EventNames);
            endpoint.HasIndex(e => e.GuildId);
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.EventName).HasMaxLength(100);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
            delivery.HasIndex(d => new { d.EventId, d.EndpointId }).IsUnique();
            delivery.HasIndex(d => new { d.GuildId, d.Id });
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });
        modelBuilder.Entity<DataProtectionKey>(key => key.Property(k => k.FriendlyName).HasMaxLength(200));
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class WebhooksSqliteDbContext(DbContextOptions<WebhooksSqliteDbContext> options) : WebhooksDbContext(options);

internal sealed class WebhooksMySqlDesignTimeFactory() : DesignTimeFactory<WebhooksDbContext>(WebhooksModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class WebhooksSqliteDesignTimeFactory() : DesignTimeFactory<WebhooksSqliteDbContext>(WebhooksModule.ModuleKey, DatabaseProvider.Sqlite);
