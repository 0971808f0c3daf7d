using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Billing.Features.GetPlans;
using TicketSaas.Modules.Billing.Features.UpdatePlan;
using TicketSaas.Modules.Billing.Persistence;

namespace TicketSaas.Modules.Billing;

/// <summary>Plans, subscriptions, usage counters and entitlements.</summary>
public sealed class BillingModule : IModule
{
    public const string ModuleKey = "billing";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(BillingModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<BillingDbContext, BillingSqliteDbContext>(configuration, ModuleKey);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        GetPlansEndpoint.Map(api.MapGroup("/plans").WithTags("Billing: plans"));
        UpdatePlanEndpoint.Map(api.MapGroup("/admin/plans").WithTags("Billing: plans"));
    }
}
