using TicketSaas.Modules.Tickets.Domain.Tickets;

namespace TicketSaas.Modules.Tickets.Ports;

/// <summary>
/// The first message(s) of a ticket's thread: greeting the opener and mentioning the staff roles (which is how staff are
/// brought into a private thread, see ADR 0009), the form's answers and the ticket's action buttons.
/// </summary>
internal sealed record WelcomeView(
    Guid TicketId,
    string Title,
    string Greeting,
    ulong OpenerId,
    IReadOnlyList<ulong> StaffRoleIds,
    IReadOnlyList<FormAnswer> Answers,
    string ClaimLabel,
    string CloseLabel,
    string CloseWithReasonLabel);

/// <summary>Discord refused for good (permissions, a deleted channel): retrying cannot help.</summary>
internal sealed class DiscordRefusedException(string message, MissingPermissions? missing = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Set when the refusal was the bot's missing permissions.</summary>
    public MissingPermissions? Missing { get; } = missing;
}

/// <summary>Private threads for tickets.</summary>
internal interface ITicketThreads
{
    /// <summary>A private thread members cannot invite others to, archived by Discord after 7 days without messages.</summary>
    Task<ulong> CreateAsync(ulong guildId, ulong parentChannelId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// A thread this bot created under the parent with that name since <paramref name="createdSince"/> and not in
    /// <paramref name="taken"/>: the one an interrupted opening already made.
    /// </summary>
    Task<ulong?> FindCreatedAsync(ulong guildId, ulong parentChannelId, string name, DateTimeOffset createdSince,
        IReadOnlySet<ulong> taken, CancellationToken cancellationToken);

    Task AddMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Posts the welcome; posting it again (after a crash) does not post it twice.</summary>
    Task PostWelcomeAsync(ulong threadId, WelcomeView welcome, CancellationToken cancellationToken);

    /// <summary>Removes a thread whose ticket could not be opened; one already gone counts as removed.</summary>
    Task DeleteAsync(ulong threadId, CancellationToken cancellationToken);

    Task RemoveMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken);

    /// <summary>Archives and locks: members can read but not write, and only staff can reopen it.</summary>
    Task ArchiveAsync(ulong threadId, CancellationToken cancellationToken);

    /// <summary>Unlocks and unarchives.</summary>
    Task ReopenAsync(ulong threadId, CancellationToken cancellationToken);

    Task RenameAsync(ulong threadId, string name, CancellationToken cancellationToken);

    /// <summary>Posts once per nonce (a retry after a crash returns the first message); returns the message id.</summary>
    Task<ulong> PostAsync(ulong channelId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken);

    /// <summary>A direct message; a member who does not accept DMs from the bot is a <see cref="DiscordRefusedException"/>.</summary>
    Task DirectMessageAsync(ulong userId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken);

    /// <summary>When a member last wrote in the thread (bots' messages do not count), or null when the thread was deleted.</summary>
    Task<ThreadActivity?> ReadActivityAsync(ulong threadId, CancellationToken cancellationToken);
}

/// <param name="LastMemberMessageAt">Null when no member wrote among the thread's newest messages.</param>
internal sealed record ThreadActivity(DateTimeOffset? LastMemberMessageAt);

/// <summary>The reply a member sees to the interaction that asked for a ticket, after the bot deferred it.</summary>
internal sealed record InteractionReply(ulong ApplicationId, string Token);

internal interface IInteractionReplies
{
    /// <summary>Replaces the deferred "thinking" reply. A reply whose token expired (15 minutes) is dropped.</summary>
    Task EditAsync(InteractionReply reply, string content, IReadOnlyList<ChoreButton> buttons, CancellationToken cancellationToken);
}
