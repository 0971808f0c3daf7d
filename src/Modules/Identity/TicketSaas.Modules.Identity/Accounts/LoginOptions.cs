namespace TicketSaas.Modules.Identity.Accounts;

/// <summary>Configuration section "Identity:Login"; the OAuth2 client id is "Discord:ApplicationId".</summary>
internal sealed class LoginOptions
{
    /// <summary>The application's OAuth2 client secret; login is off without it.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The callback registered with Discord: this API's <c>/api/v1/auth/callback</c> as browsers reach it.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Discord's authorize page (login and "Add bot"); tests point it at the emulator.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://discord.com/oauth2/authorize");

    /// <summary>Where the browser lands after logging in: the admin panel.</summary>
    public string AfterLoginPath { get; set; } = "/";

    /// <summary>At most this long, and never past the Discord token's expiry.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each logged-in user's guilds and roles are read again from Discord.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientSecret) && RedirectUri is not null;
}

/// <summary>Platform admins by configuration ("Identity:PlatformAdmins": Discord user ids), on top of the granted ones.</summary>
internal sealed class PlatformAdminOptions
{
    public IList<ulong> PlatformAdmins { get; } = [];
}
