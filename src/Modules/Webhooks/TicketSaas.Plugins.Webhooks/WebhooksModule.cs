using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Plugins.Webhooks.Features.CreateWebhookEndpoint;
using TicketSaas.Plugins.Webhooks.Features.GetWebhookDeliveries;
using TicketSaas.Plugins.Webhooks.Features.GetWebhookEndpoints;
using TicketSaas.Plugins.Webhooks.Infrastructure;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks;

/// <summary>Outgoing webhooks: per guild, signed HTTP POSTs of chosen events to the guild's own endpoints.</summary>
public sealed class WebhooksModule : IModule
{
    public const string ModuleKey = "webhooks";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(WebhooksModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WebhooksDbContext, WebhooksSqliteDbContext>(configuration, ModuleKey);
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        // Keys live in this module's database so every host (and every instance) can read the secrets it stored.
        services.AddDataProtection().SetApplicationName("ticketsaas").PersistKeysToDbContext<WebhooksDbContext>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<TargetAddressPolicy>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<TargetAddressPolicy>().CreateHandler());
        services.AddHostedService<WebhookSender>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/guilds/{guildId}/webhooks").WithTags("Webhooks");
        CreateWebhookEndpointEndpoint.Map(webhooks);
        GetWebhookEndpointsEndpoint.Map(webhooks);
        GetWebhookDeliveriesEndpoint.Map(webhooks);
    }
}
