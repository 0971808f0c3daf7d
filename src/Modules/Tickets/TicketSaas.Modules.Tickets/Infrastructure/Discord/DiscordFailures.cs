using System.Net;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Discord.Rest;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>Which of Discord's failures a later try may mend (5xx, 429, no answer), and how the API reports them.</summary>
internal static class DiscordFailures
{
    public const int UnknownMessage = 10008;
    public const int UnknownChannel = 10003;

    public static bool IsTransient(Exception failure) => failure switch
    {
        DiscordRestException rest => (int)rest.Status >= 500 || rest.Status == HttpStatusCode.TooManyRequests,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    public static bool IsGone(DiscordRestException failure) => failure.Code is UnknownMessage or UnknownChannel;

    public static UnavailableException Unavailable(Exception failure) =>
        new("Discord did not answer in time. Nothing was changed; please try again in a moment.", failure);
}
