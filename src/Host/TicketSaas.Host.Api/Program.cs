using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Web;
using TicketSaas.BuildingBlocks.Infrastructure.Web.Authorization;
using TicketSaas.Host.Api.Modules.Identity;
using TicketSaas.Host.Api.Modules.Tickets;
using TicketSaas.Host.Api.Modules.Transcripts;
using TicketSaas.Host.Composition;

var builder = WebApplication.CreateBuilder(args);
var catalog = builder.AddTicketSaasCore("ticketsaas-api", BuiltInModules.All());

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICallerAccessor, HttpCallerAccessor>();
builder.AddTicketSaasAuthentication();
builder.Services.AddTicketSaasPolicies();
builder.Services.AddLiveTicketUpdates();
builder.Services.AddOpenApi("v1", options => options.AddSchemaTransformer((schema, context, _) =>
{
    // Snowflakes are strings on the wire (SnowflakeJsonConverter); say so to generated clients.
    if (context.JsonTypeInfo.Type == typeof(ulong))
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = "snowflake";
        schema.Pattern = "^[0-9]{1,20}$";
    }

    return Task.CompletedTask;
}));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseSessionAntiforgery();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs");
app.MapHealthEndpoints();
var api = app.MapGroup("/api/v1");
api.MapModuleEndpoints(catalog);
api.MapLiveTicketUpdates(catalog);
api.MapDeadLetters();
app.Map("/api/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint."));
app.MapTranscriptViewer(catalog);

return await app.RunAsync(args);

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
