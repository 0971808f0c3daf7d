using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web.Authorization;

public static class PolicyRegistration
{
    public static AuthorizationBuilder AddTicketSaasPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, GuildAccessHandler>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireClaim(CallerClaimTypes.UserId).RequireClaim(CallerClaimTypes.PlatformAdmin, "true"))
            .AddPolicy(Policies.GuildAdmin, p => p.RequireClaim(CallerClaimTypes.UserId).AddRequirements(new GuildAccessRequirement(staffSuffices: false)))
            .AddPolicy(Policies.GuildStaff, p => p.RequireClaim(CallerClaimTypes.UserId).AddRequirements(new GuildAccessRequirement(staffSuffices: true)));
    }
}
