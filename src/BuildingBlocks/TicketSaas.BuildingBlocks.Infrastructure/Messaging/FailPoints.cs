using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Named points in the delivery path where crash and fault tests stop the process (SIGKILL) or throw, to prove that
/// no event is lost and no effect applied twice. Off unless <c>FailPoints:Kill</c> or <c>FailPoints:Throw</c> name
/// the point (comma-separated); a name may be narrowed to one consumer as <c>point:consumer</c>.
/// </summary>
public sealed class FailPoints(IConfiguration configuration)
{
    public const string AfterOutboxCommit = "after-outbox-commit";
    public const string AfterHandoff = "after-handoff";
    public const string InsideConsumer = "inside-consumer";
    public const string AfterConsumerCommit = "after-consumer-commit";

    private readonly HashSet<string> _kill = Parse(configuration["FailPoints:Kill"]);
    private readonly HashSet<string> _throw = Parse(configuration["FailPoints:Throw"]);

    public void Reach(string point, string? consumer = null)
    {
        if (Armed(_kill, point, consumer))
        {
            Process.GetCurrentProcess().Kill();
        }

        if (Armed(_throw, point, consumer))
        {
            throw new InvalidOperationException($"Fail point {point} reached{(consumer is null ? "" : $" in {consumer}")}.");
        }
    }

    /// <summary>Lets a fault test repair what it broke without restarting.</summary>
    public void Clear()
    {
        lock (_kill)
        {
            _kill.Clear();
            _throw.Clear();
        }
    }

    private static bool Armed(HashSet<string> points, string point, string? consumer)
    {
        lock (points)
        {
            return points.Count > 0 && (points.Contains(point) || (consumer is not null && points.Contains($"{point}:{consumer}")));
        }
    }

    private static HashSet<string> Parse(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
