using System.Globalization;
using TicketSaas.BuildingBlocks.Domain;

namespace TicketSaas.Modules.Tickets.Ports;

/// <summary>An admin's choice of channels is saved only where the bot can do its work.</summary>
internal sealed class BotMustHoldPermissionsRule(IReadOnlyList<MissingPermissions> missing) : IBusinessRule
{
    public string Code => "tickets.bot-lacks-permissions";

    public string Message => "The bot lacks permissions it needs: " + string.Join("; ", missing.Select(m =>
        $"in channel {m.ChannelId.ToString(CultureInfo.InvariantCulture)} ({Describe(m.Use)}): {string.Join(", ", m.Permissions)}"))
        + ". Grant them in the channel's or the bot role's settings, then save again.";

    public bool IsBroken() => missing.Count > 0;

    private static string Describe(ChannelUse use) => use switch
    {
        ChannelUse.Panel => "panel",
        ChannelUse.TicketThreads => "ticket threads",
        ChannelUse.Log => "log",
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, null),
    };
}

internal static class BotPermissionChecks
{
    /// <summary>
    /// Refuses (422) when the bot lacks a permission in one of the channels. Without a bot token nothing can be
    /// checked, and the save goes ahead: the opening of a ticket reports a missing permission to the member then.
    /// </summary>
    public static async Task EnsureAsync(this IBotPermissions permissions, ulong guildId,
        IReadOnlyList<(ulong ChannelId, ChannelUse Use)> channels, CancellationToken cancellationToken)
    {
        if (channels.Count == 0 || await permissions.FindMissingAsync(guildId, channels, cancellationToken) is not { } missing)
        {
            return;
        }

        var rule = new BotMustHoldPermissionsRule(missing);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
