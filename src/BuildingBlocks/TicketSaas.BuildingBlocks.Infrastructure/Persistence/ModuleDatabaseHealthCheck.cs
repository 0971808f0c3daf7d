using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Ready when the module's database answers and has every migration applied.</summary>
internal sealed class ModuleDatabaseHealthCheck(IServiceScopeFactory scopes, string moduleKey) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredKeyedService<ModuleDbContext>(moduleKey);
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("database reachable, schema up to date")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"database unreachable: {exception.GetBaseException().Message}");
        }
    }
}
