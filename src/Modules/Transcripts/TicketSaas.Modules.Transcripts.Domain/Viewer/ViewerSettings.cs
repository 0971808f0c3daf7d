using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Transcripts.Domain.Viewer;

/// <summary>How a guild's transcripts may be viewed on the web.</summary>
public sealed class ViewerSettings : Entity
{
    private ViewerSettings(ulong guildId, bool publicLinksEnabled, DateTimeOffset updatedAt)
    {
        GuildId = guildId;
        PublicLinksEnabled = publicLinksEnabled;
        UpdatedAt = updatedAt;
    }

    public ulong GuildId { get; private set; }

    /// <summary>
    /// When on, anyone holding a transcript's unguessable link may read it; when off, only the opener, the
    /// category's staff and guild admins may.
    /// </summary>
    public bool PublicLinksEnabled { get; private set; }

    /// <summary>Transcripts older than this many days are deleted with their files by the daily clean-up; null keeps them.</summary>
    public int? RetentionDays { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What a guild gets before its admin changes anything.</summary>
    public static ViewerSettings DefaultFor(ulong guildId, DateTimeOffset now) => new(guildId, publicLinksEnabled: true, now);

    public void Change(bool publicLinksEnabled, DateTimeOffset now)
    {
        PublicLinksEnabled = publicLinksEnabled;
        UpdatedAt = now;
    }

    public void KeepFor(int? retentionDays, DateTimeOffset now)
    {
        RetentionDays = retentionDays;
        UpdatedAt = now;
    }
}
