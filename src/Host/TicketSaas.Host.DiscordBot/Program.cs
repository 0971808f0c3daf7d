using TicketSaas.Host.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddTicketSaasCore("ticketsaas-bot");

var app = builder.Build();
app.UseExceptionHandler();
app.MapHealthEndpoints();

return await app.RunAsync(args);

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
