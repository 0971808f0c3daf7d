using System.Security.Cryptography;
using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Domains.Domain.CustomDomains;

/// <summary>
/// A host name a guild wants its transcript viewer on. It starts pending: the guild proves ownership by publishing
/// <see cref="VerificationToken"/> as a TXT record at <see cref="ChallengeRecordName"/>.
/// </summary>
public sealed class CustomDomain : Entity
{
    public const int MaxPerGuild = 5;

    private CustomDomain(Guid id, ulong guildId, string host, string verificationToken, DateTimeOffset createdAt)
    {
        Id = id;
        GuildId = guildId;
        Host = host;
        VerificationToken = verificationToken;
        Status = CustomDomainStatus.Pending;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ulong GuildId { get; private set; }

    /// <summary>Lowercase, without a trailing dot.</summary>
    public string Host { get; private set; }

    public string VerificationToken { get; private set; }

    public CustomDomainStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string ChallengeRecordName => $"_ticketsaas-challenge.{Host}";

    /// <param name="hostTakenByAnyGuild">Whether any guild, this one included, already registered the host.</param>
    /// <param name="guildDomainCount">How many domains the guild has now.</param>
    public static CustomDomain Register(ulong guildId, string host, bool hostTakenByAnyGuild, int guildDomainCount, DateTimeOffset now)
    {
        CheckRule(new HostMustBeFreeRule(hostTakenByAnyGuild));
        CheckRule(new DomainLimitRule(guildDomainCount));
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new CustomDomain(Guid.CreateVersion7(now), guildId, HostName.Normalize(host), token, now);
    }
}

public enum CustomDomainStatus
{
    Pending,
}

public sealed class HostMustBeFreeRule(bool taken) : IBusinessRule
{
    public string Code => "domains.host-taken";

    public string Message => "This host is already registered. Each host can serve one guild only.";

    public bool IsBroken() => taken;
}

public sealed class DomainLimitRule(int existing) : IBusinessRule
{
    public string Code => "domains.limit";

    public string Message => $"A guild can register at most {CustomDomain.MaxPerGuild} custom domains.";

    public bool IsBroken() => existing >= CustomDomain.MaxPerGuild;
}
