using TicketSaas.BuildingBlocks.Discord.Interactions;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.Host.Composition;
using TicketSaas.Host.DiscordBot.Interactions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTicketSaasCore("ticketsaas-bot", BuiltInModules.All());
builder.Services.AddScoped<ICallerAccessor, InteractionCaller>();

// Off until modules register interaction handlers; when on, a missing Discord:PublicKey stops the host at start.
var interactionsEnabled = builder.Configuration.GetValue("Discord:Interactions:Enabled", false);
if (interactionsEnabled)
{
    builder.Services.AddDiscordInteractions(builder.Configuration.GetSection("Discord"));
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
