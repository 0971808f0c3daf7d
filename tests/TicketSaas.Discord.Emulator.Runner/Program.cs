using TicketSaas.Discord.Emulator;
using TicketSaas.Discord.Emulator.State;

// Usage: dotnet run --project tests/TicketSaas.Discord.Emulator.Runner [-- <interactions endpoint URL> [<OAuth redirect URI>]]
var options = new DiscordEmulatorOptions
{
    InteractionsEndpoint = args.Length > 0 ? new Uri(args[0]) : null,
};
if (args.Length > 1)
{
    options.OAuthRedirectUris.Add(args[1]);
}

await using var emulator = await DiscordEmulator.StartAsync(options);
var state = emulator.State;
var owner = state.AddUser("owner");
var member = state.AddUser("member");
var guild = state.AddGuild("Emulated Guild", owner.Id, emulator.Bot);
var staff = state.AddRole(guild.Id, "Staff");
state.AddMember(guild.Id, member.Id, staff.Id);
var category = state.AddCategory(guild.Id, "Support");
var channel = state.AddTextChannel(guild.Id, "tickets", category.Id);
emulator.OAuth.AuthorizingUser = owner.Id;

Console.WriteLine($"""
    API:             {emulator.ApiBaseUri}
    Gateway:         {emulator.GatewayUri}
    CDN:             {emulator.CdnBaseUri}
    OAuth2:          {emulator.AuthorizeUri} (client {emulator.OAuth.ClientId}, secret {emulator.OAuth.ClientSecret})
    Bot token:       {emulator.Bot.Token}
    Application id:  {emulator.Bot.ApplicationId}
    Public key:      {emulator.PublicKeyHex}
    Guild:           {guild.Id} (owner {owner.Id}, member {member.Id}, staff role {staff.Id})
    Ticket channel:  {channel.Id}
    Press Ctrl+C to stop.
    """);

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
foreach (var request in emulator.Requests.All)
{
    Console.WriteLine(request.SpecViolations.Count == 0 ? request.ToString() : $"{request}  SPEC: {string.Join(" | ", request.SpecViolations)}");
}
