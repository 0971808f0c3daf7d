using System.Globalization;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.Interactions;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.Modules.Tickets.Contracts;

namespace TicketSaas.LoadTests;

/// <summary>
/// Sends planned interactions through the emulator, which builds, signs (Ed25519, its own key) and POSTs each one as
/// Discord does, times it from just before the request is written to the end of the answer, and records the answer.
/// </summary>
internal sealed class Workload(DiscordEmulator emulator, IReadOnlyList<LoadGuild> guilds)
{
    /// <summary>A custom id the product never writes, so no handler may claim it.</summary>
    private const string ForeignComponent = "poll:vote:42";

    private IReadOnlyList<IReadOnlyList<ClaimableTicket>> _claimable = [];

    /// <summary>Points the emulator's interactions at <paramref name="endpoint"/>: only at this machine's loopback address.</summary>
    public void Target(Uri endpoint)
    {
        if (endpoint.Host != "127.0.0.1")
        {
            throw new ArgumentException($"The load generator sends to 127.0.0.1 only, not to {endpoint.Host}.", nameof(endpoint));
        }

        emulator.Interactions.Endpoint = endpoint;
    }

    /// <summary>Reads the welcome messages posted so far: their Claim buttons are what claim clicks press.</summary>
    public void FindClaimableTickets() =>
        _claimable = [.. guilds.Select(guild => (IReadOnlyList<ClaimableTicket>)[.. Welcomes(guild).SelectMany(ClaimableTicket.On)])];

    /// <summary>The first message the bot posted in each thread of the guild's tickets channel.</summary>
    public IEnumerable<DiscordMessage> Welcomes(LoadGuild guild) =>
        emulator.State.Threads(guild.TicketsChannel.Id)
            .Select(thread => emulator.State.Messages(thread.Id).FirstOrDefault(m => m.AuthorId == emulator.Bot.ApplicationId))
            .OfType<DiscordMessage>();

    public Task<InteractionDelivery> SendAsync(PlannedInteraction planned, CancellationToken cancellationToken)
    {
        var guild = guilds[planned.Guild];
        var sender = emulator.Interactions;
        var panel = guild.Panel;
        switch (planned.Kind)
        {
            case InteractionKind.PanelClick:
                return sender.ClickButtonAsync(panel.ChannelId, panel.Id, guild.Browsers[planned.Member].Id, guild.OpenButton, cancellationToken);
            case InteractionKind.BlockedClick:
                return sender.ClickButtonAsync(panel.ChannelId, panel.Id, guild.Blocked[planned.Member].Id, guild.OpenButton, cancellationToken);
            case InteractionKind.UnknownComponent:
                return sender.ClickButtonAsync(panel.ChannelId, panel.Id, guild.Browsers[planned.Member].Id, ForeignComponent, cancellationToken);
            case InteractionKind.FormSubmission:
                // Any id the guild has not seen works as the nonce: Discord would send the id of the click that showed the form.
                var form = TicketCustomIds.Form(guild.PanelId, guild.CategoryId, emulator.State.NewId());
                var number = planned.Member.ToString(CultureInfo.InvariantCulture);
                return sender.SubmitModalAsync(panel.ChannelId, guild.Openers[planned.Member].Id, form,
                    [new ModalField(TicketCustomIds.Question(0), $"A-{number}"), new ModalField(TicketCustomIds.Question(1), $"Order {number} has not arrived.")],
                    cancellationToken: cancellationToken);
            case InteractionKind.ClaimClick:
                var tickets = _claimable.ElementAtOrDefault(planned.Guild) is { Count: > 0 } found
                    ? found
                    : throw new InvalidOperationException($"Guild {guild.Guild.Id} has no welcome message with a Claim button to press.");
                var (welcome, button) = tickets[planned.Member % tickets.Count];
                return sender.ClickButtonAsync(welcome.ChannelId, welcome.Id, guild.Staff.Id, button, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(planned), planned.Kind, null);
        }
    }

    private sealed record ClaimableTicket(DiscordMessage Welcome, string Button)
    {
        /// <summary>The message's Claim button, if it has one.</summary>
        public static IEnumerable<ClaimableTicket> On(DiscordMessage welcome) =>
            welcome.Components
                .SelectMany(row => row!["components"]!.AsArray())
                .Select(button => button!["custom_id"]?.GetValue<string>())
                .Where(id => id is not null && TicketCustomIds.Parse(id) is ActOnTicket { Action: TicketAction.Claim })
                .Take(1)
                .Select(id => new ClaimableTicket(welcome, id!));
    }
}
