using TicketSaas.BuildingBlocks.Application.Errors;

namespace TicketSaas.Host.DiscordBot.Interactions;

/// <summary>
/// The bot's rendering of the shared error model: a message only the clicking member sees
/// (interaction response type 4, flag EPHEMERAL = 64), never a stack trace.
/// </summary>
internal sealed record EphemeralErrorReply(string Content)
{
    public const int ChannelMessageWithSource = 4;
    public const int EphemeralFlag = 1 << 6;

    /// <summary>Discord's limit for message content.</summary>
    private const int MaxContentLength = 2000;

    public static EphemeralErrorReply From(Exception exception)
    {
        var error = ErrorDescription.Of(exception);
        var lines = error.FieldErrors.Count > 0
            ? error.FieldErrors.SelectMany(field => field.Value.Select(message => $"• {message}"))
            : [error.Detail];
        var content = $"**{error.Title}**\n{string.Join('\n', lines)}";
        return new EphemeralErrorReply(content.Length <= MaxContentLength ? content : content[..(MaxContentLength - 1)] + "…");
    }
}
