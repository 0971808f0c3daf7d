using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Settings;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.GetBotText;

/// <summary>A notice the bot host gives by itself, in the guild's language; English outside a guild.</summary>
/// <param name="Argument">What the notice is about, e.g. a mention, where the notice names something.</param>
public sealed record GetBotTextQuery(ulong? GuildId, TicketNotice Notice, string? Argument = null) : IQuery<string>;

/// <summary>
/// A refusal (by its error code) in the guild's language, for the member who tried: <paramref name="Fallback"/>, the
/// error's own English description, in English guilds and for refusals without a translation (e.g. validation errors).
/// </summary>
public sealed record GetRefusalTextQuery(ulong? GuildId, string Code, string Fallback) : IQuery<string>;

internal sealed class GetBotTextQueryHandler(GuildConfigurations configurations) : IRequestHandler<GetBotTextQuery, string>
{
    public async Task<string> Handle(GetBotTextQuery query, CancellationToken cancellationToken)
    {
        var language = await GuildLanguage.OfAsync(configurations, query.GuildId, cancellationToken);
        var key = query.Notice switch
        {
            TicketNotice.GuildOnly => BotText.GuildOnly,
            TicketNotice.UnknownComponent => BotText.UnknownComponent,
            TicketNotice.Busy => BotText.Busy,
            TicketNotice.NotATicket => BotText.NotATicket,
            TicketNotice.BlocklistAdded => BotText.BlocklistAdded,
            TicketNotice.BlocklistRemoved => BotText.BlocklistRemoved,
            TicketNotice.BlocklistNotListed => BotText.BlocklistNotListed,
            TicketNotice.BlocklistEmpty => BotText.BlocklistEmpty,
            TicketNotice.BlocklistNeedsTarget => BotText.BlocklistNeedsTarget,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Notice, null),
        };
        return query.Argument is { } argument ? BotText.Get(language, key, argument) : BotText.Get(language, key);
    }
}

internal sealed class GetRefusalTextQueryHandler(GuildConfigurations configurations) : IRequestHandler<GetRefusalTextQuery, string>
{
    private static readonly Dictionary<string, string> Refusals = new(StringComparer.Ordinal)
    {
        [TicketDesk.StaffOnly] = BotText.RefusalStaffOnly,
        [TicketDesk.OpenerOnly] = BotText.RefusalOpenerOnly,
        [TicketDesk.GuildStaffOnly] = BotText.RefusalGuildStaffOnly,
        ["tickets.not-open"] = BotText.RefusalNotOpen,
        ["tickets.not-closed"] = BotText.RefusalNotClosed,
        ["tickets.already-claimed"] = BotText.RefusalAlreadyClaimed,
        ["tickets.not-claimed"] = BotText.RefusalNotClaimed,
        ["tickets.close-request-pending"] = BotText.RefusalCloseRequestPending,
        ["tickets.no-close-request"] = BotText.RefusalNoCloseRequest,
        ["tickets.moving"] = BotText.RefusalMoving,
        ["tickets.same-category"] = BotText.RefusalSameCategory,
        ["tickets.category-not-ready"] = BotText.RefusalCategoryNotReady,
        ["tickets.already-rated"] = BotText.RefusalAlreadyRated,
        ["tickets.opener-stays"] = BotText.RefusalOpenerStays,
        ["not-found"] = BotText.RefusalNotFound,
    };

    /// <summary>The errors are described in English, with their particulars (who claimed, which ticket); other languages get the translation.</summary>
    public async Task<string> Handle(GetRefusalTextQuery query, CancellationToken cancellationToken)
    {
        var language = await GuildLanguage.OfAsync(configurations, query.GuildId, cancellationToken);
        return language != GuildSettings.DefaultLanguage && Refusals.TryGetValue(query.Code, out var key) ? BotText.Get(language, key) : query.Fallback;
    }
}

internal static class GuildLanguage
{
    /// <summary>The guild's language; English outside a guild or for a guild never configured.</summary>
    public static async Task<string> OfAsync(GuildConfigurations configurations, ulong? guildId, CancellationToken cancellationToken) =>
        guildId is { } id
            ? (await configurations.GetAsync(id, cancellationToken))?.Guild.Language ?? GuildSettings.DefaultLanguage
            : GuildSettings.DefaultLanguage;
}
