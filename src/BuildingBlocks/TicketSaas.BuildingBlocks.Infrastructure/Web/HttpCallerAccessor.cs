using Microsoft.AspNetCore.Http;
using TicketSaas.BuildingBlocks.Application.Identity;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web;

public sealed class HttpCallerAccessor(IHttpContextAccessor http) : ICallerAccessor
{
    public Caller Caller => http.HttpContext?.User is { } user ? Caller.FromPrincipal(user) : Caller.Anonymous;
}
