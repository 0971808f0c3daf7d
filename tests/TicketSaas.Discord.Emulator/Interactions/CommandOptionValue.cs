namespace TicketSaas.Discord.Emulator.Interactions;

/// <summary>Discord's application command option types.</summary>
public enum CommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>
/// An option a member filled in: a string for <see cref="CommandOptionType.String"/>, a long (or int) for
/// <see cref="CommandOptionType.Integer"/>, a double for <see cref="CommandOptionType.Number"/>, a bool for
/// <see cref="CommandOptionType.Boolean"/>, and the id (a ulong) for user, channel, role and mentionable options.
/// </summary>
public sealed record CommandOptionValue(string Name, CommandOptionType Type, object Value);
