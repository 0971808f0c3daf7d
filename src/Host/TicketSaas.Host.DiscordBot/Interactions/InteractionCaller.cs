using System.Globalization;
using System.Security.Claims;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Interactions;

namespace TicketSaas.Host.DiscordBot.Interactions;

/// <summary>
/// The member behind the interaction being handled, scoped to one interaction, with the same claims Identity issues
/// on the web: the user id, the member's roles in the guild, and "manages the guild" when Discord computed
/// Administrator or Manage Guild for them. Discord signed the interaction, so these are facts, not claims by the member.
/// </summary>
internal sealed class InteractionCaller : ICallerAccessor, IDiscordInteractionHandler
{
    private const string Scheme = "DiscordInteraction";

    public Caller Caller { get; private set; } = Caller.Anonymous;

    /// <summary>Registered first: names the caller for the handlers after it, and answers nothing itself.</summary>
    public ValueTask<DiscordInteractionResponse?> HandleAsync(InteractionCreated interaction, CancellationToken cancellationToken)
    {
        Caller = From(interaction);
        return ValueTask.FromResult<DiscordInteractionResponse?>(null);
    }

    private static Caller From(InteractionCreated created)
    {
        var interaction = created.Interaction;
        if (interaction.Invoker is not { } user)
        {
            return Caller.Anonymous;
        }

        var claims = new List<Claim> { new(CallerClaimTypes.UserId, Text(user.Id)) };
        if (interaction is { GuildId: { } guildId, Member: { } member })
        {
            claims.AddRange(member.Roles.Select(role => new Claim(CallerClaimTypes.GuildRole, $"{Text(guildId)}:{Text(role)}")));
            if (member.Permissions is { } permissions && (permissions.HasFlag(Permissions.Administrator) || permissions.HasFlag(Permissions.ManageGuild)))
            {
                claims.Add(new Claim(CallerClaimTypes.ManagedGuild, Text(guildId)));
            }
        }

        return Caller.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
    }

    private static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
