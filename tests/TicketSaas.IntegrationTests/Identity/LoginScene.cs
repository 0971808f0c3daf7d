using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MediatR;
using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.State;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Identity.Features.TrackBotPresence;
using TicketSaas.Modules.Identity.Persistence;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Identity;

/// <summary>The API host with Discord login against the emulator; tests keep apart with users and guilds of their own.</summary>
public sealed class LoginScene : IAsyncLifetime
{
    /// <summary>The configured platform admin, created in the emulator at start.</summary>
    public DiscordUser ConfiguredAdmin { get; private set; } = null!;

    public DiscordEmulator Emulator { get; private set; } = null!;

    public ApiHost Api { get; private set; } = null!;

    public EmulatorState State => Emulator.State;

    public async Task InitializeAsync()
    {
        Emulator = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions { OAuthRedirectUris = { DiscordLogin.CallbackUri } });
        ConfiguredAdmin = State.AddUser("operator");
        var settings = DiscordLogin.ApiSettings(Emulator);
        settings["Identity:Login:RefreshInterval"] = "00:00:00.500";
        settings["Identity:PlatformAdmins:0"] = ConfiguredAdmin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Api = await ApiHost.StartAsync(DatabaseKind.Sqlite, settings);
    }

    /// <summary>What the bot host reports when the gateway delivers GUILD_CREATE.</summary>
    public async Task BotJoinedAsync(DiscordGuild guild)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordBotInGuildCommand(guild.Id, guild.Name));
    }

    /// <summary>Every row Identity keeps about logins, to prove a refused login stored nothing.</summary>
    public async Task<(int Users, int Sessions, int Memberships)> LoginRowsAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return (await db.Users.CountAsync(), await db.Sessions.CountAsync(), await db.Memberships.CountAsync());
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
