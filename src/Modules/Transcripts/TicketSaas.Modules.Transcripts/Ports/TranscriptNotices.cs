namespace TicketSaas.Modules.Transcripts.Ports;

/// <summary>Discord refused a notice for good (no access to the channel, DMs closed): trying again cannot help.</summary>
internal sealed class NoticeRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Where a transcript's link is announced.</summary>
internal interface ITranscriptNotices
{
    /// <summary>Posts once per nonce: a repeat within Discord's nonce window returns the first message.</summary>
    Task PostAsync(ulong channelId, string content, string nonce, CancellationToken cancellationToken);

    /// <summary>A direct message, once per nonce; a member who does not accept DMs from the bot is a <see cref="NoticeRefusedException"/>.</summary>
    Task DirectMessageAsync(ulong userId, string content, string nonce, CancellationToken cancellationToken);
}
