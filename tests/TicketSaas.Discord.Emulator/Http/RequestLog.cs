using System.Text;
using TicketSaas.Discord.Emulator.RateLimiting;
using TicketSaas.Discord.Emulator.Spec;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>One request the emulator received and what it answered.</summary>
public sealed class RecordedRequest
{
    public required DateTimeOffset Time { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string Query { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>"METHOD /template" when the request reached an emulated route.</summary>
    public string? Route { get; internal set; }

    /// <summary>Who the rate limits count against: the bot or bearer token, else the webhook or interaction token.</summary>
    public string? Caller { get; internal set; }

    /// <summary>The status answered; 0 when no answer got through (<see cref="Aborted"/>).</summary>
    public int Status { get; internal set; }

    /// <summary>No answer got through: the connection was dropped on purpose, or the client gave up on a held answer.</summary>
    public bool Aborted { get; internal set; }

    public RateLimitScope? RateLimitedBy { get; internal set; }
    public IReadOnlyList<SpecViolation> SpecViolations { get; internal set; } = [];

    public string BodyText => Encoding.UTF8.GetString(Body);

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}

public sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> SpecViolations => [.. All.Where(r => r.SpecViolations.Count > 0)];

    /// <summary>429s answered to this token (bot token, bearer token, or webhook/interaction token).</summary>
    public int TooManyRequestsCount(string token, RateLimitScope? scope = null) =>
        All.Count(r => r.Caller == token && r.Status == 429 && (scope is null || r.RateLimitedBy == scope));

    /// <summary>What Discord counts toward its invalid-request limit (10,000 per 10 minutes): 401, 403 and 429 answers.</summary>
    public int InvalidRequestCount(string token) => All.Count(r => r.Caller == token && r.Status is 401 or 403 or 429);

    public void Clear()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }
}
