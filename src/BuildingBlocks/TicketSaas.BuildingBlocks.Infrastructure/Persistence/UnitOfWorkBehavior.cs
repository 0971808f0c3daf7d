using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Auditing;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Innermost step, commands only: one <c>SaveChanges</c> of the owning module's context after the handler, carrying the
/// handler's changes and the audit entry together. A handler that throws leaves nothing behind.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(ModuleCatalog catalog, IServiceProvider services, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!RequestKind<TRequest>.IsCommand)
        {
            return await next();
        }

        var module = catalog.OwnerOf(typeof(TRequest));
        var db = services.GetKeyedService<ModuleDbContext>(module.Key)
            ?? throw new InvalidOperationException($"Module {module.Key} has commands but no database context.");
        var response = await next();
        if (request is IAuditedCommand audited)
        {
            var caller = services.GetRequiredService<ICallerAccessor>().Caller;
            AuditTrail.Record(db, typeof(TRequest).Name, audited.AuditGuildId, caller.UserId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
