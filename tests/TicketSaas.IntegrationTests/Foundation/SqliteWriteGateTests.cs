using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;

namespace TicketSaas.IntegrationTests.Foundation;

/// <summary>
/// Writers of one process take turns at a SQLite file (SqliteWriteGate): every way a write can end hands the turn on,
/// and many writers at once all get through without SQLite refusing one as busy.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    /// <summary>Shorter than the gate's own give-up time (10 s): a turn that was never handed on shows as a timeout.</summary>
    private static readonly TimeSpan Handover = TimeSpan.FromSeconds(5);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"write-gate-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_hands_the_turn_on()
    {
        await using (var abandoned = Open())
        {
            await using var transaction = await abandoned.Database.BeginTransactionAsync();
            abandoned.Notes.Add(new Note { Text = "never committed" });
            await abandoned.SaveChangesAsync();
        }

        await WriteWithinHandoverAsync("after an abandoned transaction");
        Assert.Equal(["after an abandoned transaction"], await TextsAsync());
    }

    [Fact]
    public async Task A_failed_lone_write_hands_the_turn_on()
    {
        await using (var failing = Open())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => failing.Database.ExecuteSqlRawAsync("INSERT INTO no_such_table VALUES (1)"));
        }

        await WriteWithinHandoverAsync("after a failed write");
        Assert.Equal(["after a failed write"], await TextsAsync());
    }

    [Fact]
    public async Task Lone_writes_and_rolled_back_transactions_hand_the_turn_on()
    {
        await using (var db = Open())
        {
            await db.Notes.Where(n => n.Id < 0).ExecuteDeleteAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = "rolled back" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await WriteWithinHandoverAsync("after a rollback");
        Assert.Equal(["after a rollback"], await TextsAsync());
    }

    [Fact]
    public async Task Many_writers_at_once_all_commit()
    {
        var writers = Enumerable.Range(0, 64).Select(async i =>
        {
            await Task.Yield();
            await using var db = Open();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = $"writer {i}" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        await Task.WhenAll(writers);
        Assert.Equal(64, (await TextsAsync()).Count);
    }

    private async Task WriteWithinHandoverAsync(string text)
    {
        await using var db = Open();
        db.Notes.Add(new Note { Text = text });
        await db.SaveChangesAsync().WaitAsync(Handover);
    }

    private async Task<List<string>> TextsAsync()
    {
        await using var db = Open();
        return await db.Notes.Select(n => n.Text).ToListAsync();
    }

    private NoteContext Open()
    {
        var options = new DbContextOptionsBuilder<NoteContext>();
        ModuleDatabaseOptions.UseSqlite(options, $"Data Source={_file}", "gate");
        return new NoteContext(options.Options);
    }

    private sealed class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class Note
    {
        public int Id { get; set; }
        public required string Text { get; set; }
    }
}
