using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Support;

/// <summary>Explains the SQL an IQueryable runs, exactly as EF generates it, and judges the plan.</summary>
public static class QueryPlans
{
    /// <summary>SQLite's plan steps ("SEARCH t USING INDEX …"), or MariaDB's rows as "column=value;" lists.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync<T>(DbContext db, IQueryable<T> query, DatabaseKind kind)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = (kind == DatabaseKind.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(kind == DatabaseKind.Sqlite
                ? reader.GetString(reader.GetOrdinal("detail"))
                : string.Concat(Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)};")));
        }

        return steps;
    }

    /// <returns>Null when the plan reads the table through <paramref name="index"/> with no full scan and no sort.</returns>
    public static string? Problem(IReadOnlyList<string> plan, string index, DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? plan.Any(step => step.StartsWith("SCAN", StringComparison.Ordinal)) ? "a full scan"
        : plan.Any(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)) ? "a sort"
        : !plan.Any(step => step.Contains($"USING INDEX {index} ", StringComparison.Ordinal)) ? $"not {index}"
        : null
        : plan.Any(step => step.Contains("type=ALL", StringComparison.Ordinal)) ? "a full scan"
        : plan.Any(step => step.Contains("filesort", StringComparison.Ordinal)) ? "a sort"
        : !plan.Any(step => step.Contains($"key={index};", StringComparison.Ordinal)) ? $"not {index}"
        : null;
}
