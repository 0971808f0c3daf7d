using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Settings;
using TicketSaas.Modules.Tickets.Localization;

namespace TicketSaas.Modules.Tickets.Features.GetBotText;

/// <summary>A notice the bot host gives by itself, in the guild's language; English outside a guild.</summary>
public sealed record GetBotTextQuery(ulong? GuildId, TicketNotice Notice) : IQuery<string>;

internal sealed class GetBotTextQueryHandler(GuildConfigurations configurations) : IRequestHandler<GetBotTextQuery, string>
{
    public async Task<string> Handle(GetBotTextQuery query, CancellationToken cancellationToken)
    {
        var language = query.GuildId is { } guildId
            ? (await configurations.GetAsync(guildId, cancellationToken))?.Guild.Language ?? GuildSettings.DefaultLanguage
            : GuildSettings.DefaultLanguage;
        return BotText.Get(language, query.Notice switch
        {
            TicketNotice.GuildOnly => BotText.GuildOnly,
            TicketNotice.UnknownComponent => BotText.UnknownComponent,
            TicketNotice.Busy => BotText.Busy,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Notice, null),
        });
    }
}
