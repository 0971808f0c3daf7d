namespace TicketSaas.Modules.Tickets.Ports;

/// <summary>What the bot does in a channel, and so which permissions it needs there.</summary>
internal enum ChannelUse
{
    /// <summary>Posts and edits a panel message.</summary>
    Panel,

    /// <summary>Holds a category's private ticket threads.</summary>
    TicketThreads,

    /// <summary>Receives a category's transcripts and notices.</summary>
    Log,
}

/// <summary>One channel whose permissions the bot lacks, with the permissions by Discord's names.</summary>
internal sealed record MissingPermissions(ulong ChannelId, ChannelUse Use, IReadOnlyList<string> Permissions);

/// <summary>Asks Discord what the bot may do in a guild's channels before an admin's choice is saved.</summary>
internal interface IBotPermissions
{
    /// <returns>
    /// The channels lacking something, empty when all is well; null when this installation has no bot token, so nothing
    /// can be checked.
    /// </returns>
    Task<IReadOnlyList<MissingPermissions>?> FindMissingAsync(
        ulong guildId, IReadOnlyList<(ulong ChannelId, ChannelUse Use)> channels, CancellationToken cancellationToken);
}
