using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Identity.Accounts;
using TicketSaas.Modules.Identity.Features.CompleteLogin;
using TicketSaas.Modules.Identity.Features.GetAuditLog;
using TicketSaas.Modules.Identity.Features.GetGuilds;
using TicketSaas.Modules.Identity.Features.GetMe;
using TicketSaas.Modules.Identity.Features.GetMyGuilds;
using TicketSaas.Modules.Identity.Features.GetPlatformAdmins;
using TicketSaas.Modules.Identity.Features.GetUsers;
using TicketSaas.Modules.Identity.Features.GrantPlatformAdmin;
using TicketSaas.Modules.Identity.Features.Logout;
using TicketSaas.Modules.Identity.Features.StartLogin;
using TicketSaas.Modules.Identity.Infrastructure.Discord;
using TicketSaas.Modules.Identity.Persistence;

namespace TicketSaas.Modules.Identity;

/// <summary>Users, logins, who may manage what, platform admins and the audit log read model.</summary>
public sealed class IdentityModule : IModule
{
    public const string ModuleKey = "identity";

    /// <summary>Carries a browser's session to the API: HttpOnly, Secure, SameSite=Strict, path /api (ADR 0013).</summary>
    public const string SessionCookie = "__Secure-ticketsaas-session";

    /// <summary>Unsafe requests of a cookie session must carry the session's antiforgery token in this header (ADR 0013).</summary>
    public const string AntiforgeryHeader = "X-CSRF-Token";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(IdentityModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext>(configuration, ModuleKey);
        services.AddDataProtection();
        services.AddSingleton<Secrets>();
        services.AddScoped<MembershipSync>();
        var platformAdmins = new PlatformAdminOptions();
        configuration.GetSection("Identity").Bind(platformAdmins);
        services.AddSingleton(platformAdmins);
        services.AddIdentityDiscord(configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity: login");
        StartLoginEndpoint.Map(auth);
        CompleteLoginEndpoint.Map(auth);
        LogoutEndpoint.Map(auth);

        var me = api.MapGroup("/me").WithTags("Identity: me");
        GetMeEndpoint.Map(me);
        GetMyGuildsEndpoint.Map(me);

        var admin = api.MapGroup("/admin").WithTags("Identity: platform admin");
        var admins = admin.MapGroup("/platform-admins");
        GrantPlatformAdminEndpoint.Map(admins);
        GetPlatformAdminsEndpoint.Map(admins);
        GetGuildsEndpoint.Map(admin);
        GetUsersEndpoint.Map(admin);
        GetAuditLogEndpoint.Map(api.MapGroup("/guilds").WithTags("Identity: audit log"), admin);
    }
}
