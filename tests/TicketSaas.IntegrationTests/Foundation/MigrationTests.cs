using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TicketSaas.Host.Composition;

namespace TicketSaas.IntegrationTests.Foundation;

/// <summary>Every module has a migration set per provider, and each set covers the current model.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string, string> ModulesAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in BuiltInModules.All())
        {
            data.Add(module.Key, "MySql");
            data.Add(module.Key, "Sqlite");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModulesAndProviders))]
    public void The_model_has_no_changes_that_no_migration_covers(string moduleKey, string provider)
    {
        using var context = DesignTimeContext(moduleKey, provider);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            $"Module {moduleKey} on {provider} has model changes without a migration: run scripts/add-migration.sh.");
    }

    private static DbContext DesignTimeContext(string moduleKey, string provider)
    {
        var module = BuiltInModules.All().Single(m => m.Key == moduleKey);
        var contexts = module.Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
                .Select(_ => (DbContext)t.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!
                    .Invoke(Activator.CreateInstance(t, nonPublic: true), [Array.Empty<string>()])!))
            .ToList();
        Assert.Equal(2, contexts.Count);
        var wanted = contexts.Single(c => provider == "Sqlite" ? c.Database.IsSqlite() : c.Database.IsMySql());
        foreach (var other in contexts.Where(c => c != wanted))
        {
            other.Dispose();
        }

        return wanted;
    }
}
