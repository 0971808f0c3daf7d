using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web.Authorization;

/// <summary>The caller's access to the guild named by the route value <c>guildId</c>.</summary>
public sealed class GuildAccessRequirement(bool staffSuffices) : IAuthorizationRequirement
{
    public bool StaffSuffices { get; } = staffSuffices;
}

internal sealed class GuildAccessHandler : AuthorizationHandler<GuildAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GuildAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http
            && http.Request.RouteValues.TryGetValue("guildId", out var raw)
            && ulong.TryParse(raw as string, NumberStyles.None, CultureInfo.InvariantCulture, out var guildId))
        {
            var caller = Caller.FromPrincipal(context.User);
            if (caller.Manages(guildId) || (requirement.StaffSuffices && caller.IsMemberWithRolesIn(guildId)))
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
