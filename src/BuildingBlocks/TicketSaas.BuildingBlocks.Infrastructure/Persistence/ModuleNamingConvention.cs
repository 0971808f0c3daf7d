using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TicketSaas.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Every table is <c>{module}_{entity}</c> and every column, key and index snake_case, so SQLite and MySQL get
/// identical lowercase names and modules never collide in one database (ADR 0002).
/// </summary>
internal static class ModuleNamingConvention
{
    public static void Apply(IMutableModel model, string moduleKey)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var sharesOwnerTable = entity.IsOwned() && entity.FindOwnership() is { IsUnique: true };
            if (!sharesOwnerTable)
            {
                var name = ((IConventionEntityType)entity).GetTableNameConfigurationSource() == ConfigurationSource.Explicit
                    ? entity.GetTableName()!
                    : entity.ClrType.Name;
                entity.SetTableName($"{moduleKey}_{SnakeCase.From(name)}");
            }
        }

        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.GetColumnName(table) ?? property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase.From(key.GetDefaultName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase.From(foreignKey.GetDefaultName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase.From(index.GetDefaultDatabaseName()!));
            }
        }
    }
}
