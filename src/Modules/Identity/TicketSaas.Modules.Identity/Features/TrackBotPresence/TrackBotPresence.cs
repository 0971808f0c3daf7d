using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Identity.Domain.BotPresence;
using TicketSaas.Modules.Identity.Persistence;
using TicketSaas.Modules.Identity.Ports;

namespace TicketSaas.Modules.Identity.Features.TrackBotPresence;

// Where the bot is decides which guilds the picker offers and whose members' roles are read. With the gateway, the bot
// host reports GUILD_CREATE and GUILD_DELETE; without it (HTTP-only interactions), the bot's guild list is polled.

/// <summary>The bot is in the guild: it joined, or a gateway session (re)started and listed it.</summary>
public sealed record RecordBotInGuildCommand(ulong GuildId, string Name) : ICommand<Unit>;

/// <summary>The bot left or was removed from the guild (not an outage, which hides a guild without the bot leaving).</summary>
public sealed record RecordBotLeftGuildCommand(ulong GuildId) : ICommand<Unit>;

/// <summary>The complete list of the bot's guilds: the ones missing from it were left.</summary>
public sealed record SyncBotGuildsCommand(IReadOnlyList<SeenGuildDto> Guilds) : ICommand<Unit>;

public sealed record SeenGuildDto(ulong GuildId, string Name);

internal sealed class RecordBotInGuildCommandValidator : AbstractValidator<RecordBotInGuildCommand>
{
    public RecordBotInGuildCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Name).NotNull().MaximumLength(100);
    }
}

internal sealed class RecordBotLeftGuildCommandValidator : AbstractValidator<RecordBotLeftGuildCommand>
{
    public RecordBotLeftGuildCommandValidator() => RuleFor(c => c.GuildId).NotEmpty();
}

internal sealed class SyncBotGuildsCommandValidator : AbstractValidator<SyncBotGuildsCommand>
{
    public SyncBotGuildsCommandValidator() =>
        RuleForEach(c => c.Guilds).ChildRules(guild =>
        {
            guild.RuleFor(g => g.GuildId).NotEmpty();
            guild.RuleFor(g => g.Name).NotNull().MaximumLength(100);
        });
}

internal sealed class RecordBotInGuildCommandHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<RecordBotInGuildCommand, Unit>
{
    public async Task<Unit> Handle(RecordBotInGuildCommand command, CancellationToken cancellationToken)
    {
        var guild = await db.BotGuilds.FindAsync([command.GuildId], cancellationToken);
        Seen(db, guild, command.GuildId, command.Name, clock.GetUtcNow());
        return Unit.Value;
    }

    public static void Seen(IdentityDbContext db, BotGuild? guild, ulong guildId, string name, DateTimeOffset now)
    {
        if (guild is null)
        {
            db.BotGuilds.Add(BotGuild.Joined(guildId, name, now));
        }
        else
        {
            guild.Seen(name, now);
        }
    }
}

internal sealed class RecordBotLeftGuildCommandHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<RecordBotLeftGuildCommand, Unit>
{
    public async Task<Unit> Handle(RecordBotLeftGuildCommand command, CancellationToken cancellationToken)
    {
        var guild = await db.BotGuilds.FindAsync([command.GuildId], cancellationToken);
        guild?.Left(clock.GetUtcNow());
        return Unit.Value;
    }
}

internal sealed class SyncBotGuildsCommandHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<SyncBotGuildsCommand, Unit>
{
    public async Task<Unit> Handle(SyncBotGuildsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await db.BotGuilds.ToDictionaryAsync(g => g.GuildId, cancellationToken);
        foreach (var seen in command.Guilds)
        {
            RecordBotInGuildCommandHandler.Seen(db, known.GetValueOrDefault(seen.GuildId), seen.GuildId, seen.Name, now);
        }

        var stillIn = command.Guilds.Select(g => g.GuildId).ToHashSet();
        foreach (var guild in known.Values.Where(g => !stillIn.Contains(g.GuildId)))
        {
            guild.Left(now);
        }

        return Unit.Value;
    }
}

/// <summary>Configuration section "Identity:BotPresence".</summary>
internal sealed class BotPresenceOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Without the gateway nothing tells the bot it joined or left a guild: it asks Discord at each interval, first at start.</summary>
internal sealed partial class BotGuildPolling(
    IServiceScopeFactory scopes, IDiscordAccounts discord, IOptions<BotPresenceOptions> options, TimeProvider clock, ILogger<BotGuildPolling> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var guilds = await discord.GetBotGuildsAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new SyncBotGuildsCommand([.. guilds.Select(g => new SeenGuildDto(g.GuildId, g.Name))]), stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(failure);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the bot's guilds failed; it runs again at the next interval")]
    private partial void LogPollFailed(Exception exception);
}
