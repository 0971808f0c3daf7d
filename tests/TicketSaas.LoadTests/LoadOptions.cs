using System.Globalization;
using TicketSaas.Testing;

namespace TicketSaas.LoadTests;

/// <summary>What one benchmark run does, from the command line.</summary>
internal sealed record LoadOptions(
    int Rate,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Openings,
    int Guilds,
    TimeSpan Timeout,
    DatabaseKind Database,
    bool Dry,
    bool Api = false,
    int Tickets = 0)
{
    public const string Usage =
        "usage: TicketSaas.LoadTests [--dry] [--rate N] [--seconds N] [--warmup N] [--openings N] [--guilds N] [--mariadb]\n"
        + "       TicketSaas.LoadTests --api [--dry] [--rate N] [--seconds N] [--warmup N] [--guilds N] [--tickets N]   (MariaDB only)";

    /// <summary>Discord shows "This interaction failed" when no first response came within 3 seconds.</summary>
    private static readonly TimeSpan DiscordDeadline = TimeSpan.FromSeconds(3);

    /// <summary>The quality bar's load: 500 mixed interactions per second for 60 seconds.</summary>
    public static LoadOptions Full { get; } =
        new(500, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 300, 30, DiscordDeadline, DatabaseKind.Sqlite, Dry: false);

    /// <summary>Proves that the benchmark still runs end to end, in well under a minute; its figures mean little.</summary>
    public static LoadOptions DryRun { get; } =
        new(20, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 10, 5, DiscordDeadline, DatabaseKind.Sqlite, Dry: true);

    /// <summary>The API read benchmark's load: a million tickets across ten thousand guilds, 300 reads per second for 60 seconds.</summary>
    public static LoadOptions ApiFull { get; } =
        new(300, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 0, 10_000, TimeSpan.FromSeconds(3), DatabaseKind.MariaDb, Dry: false, Api: true, Tickets: 1_000_000);

    public static LoadOptions ApiDryRun { get; } =
        new(20, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0, 100, TimeSpan.FromSeconds(3), DatabaseKind.MariaDb, Dry: true, Api: true, Tickets: 10_000);

    public int WarmUpCount => (int)(Rate * WarmUp.TotalSeconds);

    public int MeasuredCount => (int)(Rate * Duration.TotalSeconds);

    /// <exception cref="ArgumentException">An unknown switch or a bad number.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var api = args.Contains("--api");
        var options = (api, args.Contains("--dry")) switch
        {
            (true, true) => ApiDryRun,
            (true, false) => ApiFull,
            (false, true) => DryRun,
            (false, false) => Full,
        };
        if (api && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.MySqlVariable)))
        {
            throw new ArgumentException($"--api runs on MariaDB: set {TestDatabase.MySqlVariable} to name a server, as the tests do.");
        }

        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--dry" or "--api" => options,
                "--tickets" => options with { Tickets = Number(args, ++i, minimum: 1) },
                "--mariadb" => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.MySqlVariable))
                    ? throw new ArgumentException($"--mariadb needs {TestDatabase.MySqlVariable} to name a MariaDB server, as the tests do.")
                    : options with { Database = DatabaseKind.MariaDb },
                "--rate" => options with { Rate = Number(args, ++i, minimum: 1) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Number(args, ++i, minimum: 1)) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Number(args, ++i, minimum: 0)) },
                "--openings" => options with { Openings = Number(args, ++i, minimum: 1) },
                "--guilds" => options with { Guilds = Number(args, ++i, minimum: 1) },
                var unknown => throw new ArgumentException($"Unknown option {unknown}.\n{Usage}"),
            };
        }

        if (!options.Api && options.Openings < options.Guilds)
        {
            // The mixed workload claims tickets of every guild, and the openings are what makes them.
            throw new ArgumentException($"--openings ({options.Openings}) must be at least --guilds ({options.Guilds}).\n{Usage}");
        }

        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index, int minimum) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{args[index - 1]} takes a whole number of at least {minimum}.\n{Usage}");
}
