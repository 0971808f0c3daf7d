using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Discord.Gateway;
using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.Host.Composition;
using TicketSaas.Host.DiscordBot.Interactions;
using TicketSaas.Host.DiscordBot.Modules.Identity;
using TicketSaas.Host.DiscordBot.Modules.Tickets;

var builder = WebApplication.CreateBuilder(args);
builder.AddTicketSaasCore("ticketsaas-bot", BuiltInModules.All());

// Interaction handlers are asked in this order: the caller is named first, the ticket opening flow answers last.
builder.Services.AddScoped<InteractionCaller>();
builder.Services.AddScoped<ICallerAccessor>(services => services.GetRequiredService<InteractionCaller>());
builder.Services.AddScoped<IDiscordInteractionHandler>(services => services.GetRequiredService<InteractionCaller>());
builder.Services.AddScoped<IDiscordInteractionHandler, TicketCommands>();
builder.Services.AddScoped<IDiscordInteractionHandler, TicketActionInteractions>();
builder.Services.AddScoped<IDiscordInteractionHandler, TicketInteractions>();

// Discord delivers interactions by HTTP (signed POSTs to /interactions) or over the gateway, as chosen in the
// Developer Portal; both reach the same handlers. Each mode, when on, refuses to start without its settings.
var discord = builder.Configuration.GetSection("Discord");
var interactionsEnabled = discord.GetValue("Interactions:Enabled", false);
if (interactionsEnabled)
{
    builder.Services.AddDiscordInteractions(discord);
}

var gatewayEnabled = discord.GetValue("Gateway:Enabled", false);
if (gatewayEnabled)
{
    builder.Services.AddDiscordGateway(discord);
    builder.Services.AddScoped<IDiscordGatewayEventHandler, TicketGatewayEvents>();
    builder.Services.AddScoped<IDiscordGatewayEventHandler, BotPresenceGatewayEvents>();
}

if ((interactionsEnabled || gatewayEnabled) && !string.IsNullOrWhiteSpace(discord["BotToken"]))
{
    builder.Services.AddHostedService<TicketCommandRegistration>();
}

var app = builder.Build();
app.UseExceptionHandler();
app.MapHealthEndpoints();
if (interactionsEnabled)
{
    app.MapDiscordInteractions("/interactions");
}

return await app.RunAsync(args);

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
