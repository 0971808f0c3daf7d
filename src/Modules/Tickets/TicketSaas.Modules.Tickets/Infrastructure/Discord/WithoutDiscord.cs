using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>
/// An installation without a bot token (the embedded default): configuration can be edited, but nothing can be
/// checked in or shown on Discord, and asking to is refused with the setting that is missing.
/// </summary>
internal sealed class WithoutDiscord : IBotPermissions, IPanelMessages, ITicketThreads, IInteractionReplies
{
    private const string NotConfigured = "Discord is not configured on this installation: set Discord:BotToken and Discord:ApplicationId.";

    public Task<IReadOnlyList<MissingPermissions>?> FindMissingAsync(
        ulong guildId, IReadOnlyList<(ulong ChannelId, ChannelUse Use)> channels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MissingPermissions>?>(null);

    public Task<ulong> PostAsync(PanelView panel, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task<bool> EditAsync(ulong messageId, PanelView panel, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task DeleteAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task<ulong> CreateAsync(ulong guildId, ulong parentChannelId, string name, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);

    public Task<ulong?> FindCreatedAsync(ulong guildId, ulong parentChannelId, string name, DateTimeOffset createdSince,
        IReadOnlySet<ulong> taken, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task AddMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task PostWelcomeAsync(ulong threadId, WelcomeView welcome, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task DeleteAsync(ulong threadId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task RemoveMemberAsync(ulong threadId, ulong userId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task ArchiveAsync(ulong threadId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task ReopenAsync(ulong threadId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task RenameAsync(ulong threadId, string name, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task<ulong> PostAsync(ulong channelId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);

    public Task DirectMessageAsync(ulong userId, string content, IReadOnlyList<ChoreButton> buttons, string nonce, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);

    public Task<ThreadActivity?> ReadActivityAsync(ulong threadId, CancellationToken cancellationToken) => throw new UnavailableException(NotConfigured);

    public Task EditAsync(InteractionReply reply, string content, IReadOnlyList<ChoreButton> buttons, CancellationToken cancellationToken) =>
        throw new UnavailableException(NotConfigured);
}
