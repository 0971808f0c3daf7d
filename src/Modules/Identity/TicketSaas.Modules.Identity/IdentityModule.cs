using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Identity.Features.GetAuditLog;
using TicketSaas.Modules.Identity.Features.GetPlatformAdmins;
using TicketSaas.Modules.Identity.Features.GrantPlatformAdmin;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity;

/// <summary>Users, logins, who may manage what, platform admins and the audit log read model.</summary>
public sealed class IdentityModule : IModule
{
    public const string ModuleKey = "identity";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(IdentityModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext>(configuration, ModuleKey);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var admins = api.MapGroup("/admin/platform-admins").WithTags("Identity: platform admins");
        GrantPlatformAdminEndpoint.Map(admins);
        GetPlatformAdminsEndpoint.Map(admins);
        GetAuditLogEndpoint.Map(api.MapGroup("/guilds").WithTags("Identity: audit log"));
    }
}
