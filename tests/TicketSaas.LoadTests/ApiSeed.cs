using System.Globalization;
using System.Security.Cryptography;
using MySqlConnector;

namespace TicketSaas.LoadTests;

/// <summary>What the API benchmark's requests pick from: per guild, who opened and who claimed its tickets.</summary>
internal sealed record SeededGuilds(IReadOnlyList<ulong> GuildIds, int OpenersPerGuild, int StaffPerGuild)
{
    public const ulong FirstGuild = 300_000_000_000_000_000;
    public const ulong FirstOpener = 610_000_000_000_000_000;
    public const ulong FirstStaff = 700_000_000_000_000_000;

    public ulong Opener(int guild, int index) => FirstOpener + (ulong)guild * 1_000 + (ulong)index;

    public ulong Staff(int guild, int index) => FirstStaff + (ulong)guild * 1_000 + (ulong)index;

    /// <summary>A word of the seeded messages: each transcript's text holds a few of <see cref="Words"/> of them.</summary>
    public static string Word(int index) => $"topic{index:D3}";

    public const int Words = 200;
}

/// <summary>
/// Writes tickets and transcripts straight into MariaDB with multi-row INSERTs (thousands of rows a statement, ids in
/// ascending order so InnoDB appends), after the API host's migrations made the tables and their indexes: a million
/// tickets in minutes, where EF one entity at a time would take hours. Spread evenly: each guild has the same number
/// of tickets over the last year, 80 % closed, three categories, a pool of openers and staff; a third of the tickets
/// has a transcript, whose twelve messages name words full-text search looks for.
/// </summary>
internal static class ApiSeed
{
    private const int RowsPerStatement = 2_000;
    private const int Categories = 3;
    private const int Openers = 50;
    private const int Staff = 5;

    public static async Task<SeededGuilds> SeedAsync(string connectionString, int guilds, int tickets)
    {
        var seeded = new SeededGuilds([.. Enumerable.Range(0, guilds).Select(g => SeededGuilds.FirstGuild + (ulong)g)], Openers, Staff);
        var perGuild = Math.Max(1, tickets / guilds);
        var now = DateTimeOffset.UtcNow;
        var random = new Random(11);
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET unique_checks = 0");

        var ticketRows = new List<string>(RowsPerStatement);
        var transcriptRows = new List<string>(RowsPerStatement);
        var written = 0;
        for (var i = 0; i < guilds * perGuild; i++)
        {
            // Ticket i of the whole run: ids and creation times ascend together, as the product's Guid v7 ids do.
            var (guild, number) = (i % guilds, i / guilds + 1);
            var createdAt = now.AddDays(-365) + TimeSpan.FromDays(365.0 * i / (guilds * perGuild));
            var id = Guid.CreateVersion7(createdAt);
            var category = CategoryId(guild, random.Next(Categories));
            var opener = seeded.Opener(guild, random.Next(Openers));
            var closed = random.Next(100) < 80;
            var claimer = random.Next(100) < 70 ? seeded.Staff(guild, random.Next(Staff)) : (ulong?)null;
            var closedAt = createdAt.AddHours(1 + random.Next(48));
            var rating = closed && random.Next(100) < 40 ? 1 + random.Next(5) : (int?)null;
            var guildId = seeded.GuildIds[guild];
            ticketRows.Add(Invariant(
                $"('{id}','[]','{category}',{(closed ? 1 : 0)},'{Time(createdAt)}',{i},'[]',{guildId},{number},{opener},'member',{guildId + 1},'[]','{(closed ? "Closed" : "Open")}','ticket-{number}',0,{900_000_000_000_000_000 + (ulong)i},'{Time(createdAt)}',{(closed ? $"'{Time(closedAt)}'" : "NULL")},{Sql(claimer)},{Sql(rating)})"));
            if (closed && i % 3 == 0)
            {
                transcriptRows.Add(Invariant(
                    $"('{Guid.CreateVersion7(closedAt)}','{category}','General',{Sql(claimer)},1,'{Time(closedAt)}',0,'{Time(closedAt)}','seed',{guildId},12,'{Time(createdAt)}',{opener},'{PublicId()}',{Sql(rating)},'{Messages(random)}','[]','[]','{id}',{number})"));
            }

            if (ticketRows.Count == RowsPerStatement)
            {
                await FlushAsync(connection, ticketRows, transcriptRows);
                written += RowsPerStatement;
                if (written % 100_000 == 0)
                {
                    Report.Progress(Invariant($"{written:N0} tickets written"));
                }
            }
        }

        await FlushAsync(connection, ticketRows, transcriptRows);
        Report.Progress("analyzing the tables, so that the optimizer knows their indexes");
        await ExecuteAsync(connection, "ANALYZE TABLE tickets_ticket, transcripts_transcript");
        return seeded;
    }

    public static Guid CategoryId(int guild, int category) => new(guild, (short)category, 0, [0x80, 0, 0, 0, 0, 0, 0, 1]);

    private static async Task FlushAsync(MySqlConnection connection, List<string> tickets, List<string> transcripts)
    {
        if (tickets.Count > 0)
        {
            await ExecuteAsync(connection,
                "INSERT INTO tickets_ticket (id, answers, category_id, close_count, created_at, form_nonce, former_thread_ids, guild_id, number, opener_id, "
                + "opener_name, parent_channel_id, staff_participant_ids, status, thread_name, timer_disabled, thread_id, opened_at, closed_at, claimed_by, rating) VALUES "
                + string.Join(',', tickets));
            tickets.Clear();
        }

        if (transcripts.Count > 0)
        {
            await ExecuteAsync(connection,
                "INSERT INTO transcripts_transcript (id, category_id, category_name, claimed_by, close_sequence, closed_at, content_missing, created_at, "
                + "document_file, guild_id, message_count, opened_at, opener_id, public_id, rating, search_text, staff_participant_ids, staff_role_ids, "
                + "ticket_id, ticket_number) VALUES " + string.Join(',', transcripts));
            transcripts.Clear();
        }
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Sql<T>(T? value)
        where T : struct, IFormattable => value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "NULL";

    /// <summary>Twelve messages of a support conversation, each naming one of the seeded words.</summary>
    private static string Messages(Random random) =>
        string.Join('\n', Enumerable.Range(0, 12).Select(_ => $"Hello, about my {SeededGuilds.Word(random.Next(SeededGuilds.Words))}: it still fails after the update."));

    private static string PublicId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(11));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
