using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.BuildingBlocks.Infrastructure.Auditing;

/// <summary>Describes what a command changed in its module's context, read from EF's change tracker before the save.</summary>
internal static class AuditTrail
{
    public static AuditRecordedIntegrationEvent Describe(
        ModuleDbContext db, string command, ulong? guildId, ulong? actorUserId, DateTimeOffset now)
    {
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Describe)
            .ToList();
        return new AuditRecordedIntegrationEvent(
            Guid.CreateVersion7(now), now, db.ModuleKey, command, actorUserId, guildId, JsonSerializer.Serialize(changes));
    }

    private static AuditedChange Describe(EntityEntry entry)
    {
        var properties = entry.Properties.ToList();
        var key = properties.Where(p => p.Metadata.IsPrimaryKey()).ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        var changed = entry.State == EntityState.Modified ? properties.Where(p => p.IsModified).ToList() : properties;
        return new AuditedChange(
            entry.Metadata.ClrType.Name,
            entry.State.ToString(),
            key,
            entry.State is EntityState.Added ? null : changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue),
            entry.State is EntityState.Deleted ? null : changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
    }

    private sealed record AuditedChange(
        string Entity,
        string State,
        Dictionary<string, object?> Key,
        Dictionary<string, object?>? Before,
        Dictionary<string, object?>? After);
}
