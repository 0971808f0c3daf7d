using TicketSaas.Modules.Tickets.Domain.Panels;

namespace TicketSaas.Modules.Tickets.Ports;

/// <summary>A category offered by a panel, as its button or dropdown option shows it.</summary>
internal sealed record PanelChoice(Guid CategoryId, string Label);

/// <summary>A panel as members see it; <paramref name="Placeholder"/> is the dropdown's hint in the guild's language.</summary>
internal sealed record PanelView(Guid PanelId, ulong ChannelId, string Title, string Description, PanelStyle Style,
    IReadOnlyList<PanelChoice> Choices, string Placeholder);

/// <summary>The live Discord message of each panel.</summary>
internal interface IPanelMessages
{
    /// <returns>The new message's id.</returns>
    Task<ulong> PostAsync(PanelView panel, CancellationToken cancellationToken);

    /// <returns>False when the message no longer exists in Discord (deleted by someone).</returns>
    Task<bool> EditAsync(ulong messageId, PanelView panel, CancellationToken cancellationToken);

    /// <summary>Removes the message; one already gone counts as removed.</summary>
    Task DeleteAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken);
}
