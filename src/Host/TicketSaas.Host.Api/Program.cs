using System.Text.Json;
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
builder.Services.AddTicketSaasRateLimits();
builder.Services.AddLiveTicketUpdates();
builder.Services.AddOpenApi("v1", options => options.AddSchemaTransformer((schema, context, _) =>
{
    // Snowflakes are strings on the wire (SnowflakeJsonConverter); say so to generated clients.
    var type = context.JsonTypeInfo.Type;
    if (type == typeof(ulong) || type == typeof(ulong?))
    {
        DescribeSnowflake(schema, nullable: type == typeof(ulong?));
    }
    else if (context.JsonTypeInfo.ElementType == typeof(ulong) && schema.Items is null or OpenApiSchema { Type: null })
    {
        // The generator leaves a list of ulong without items.
        var items = new OpenApiSchema();
        DescribeSnowflake(items, nullable: false);
        schema.Items = items;
    }

    return Task.CompletedTask;
}).AddOperationTransformer((operation, _, _) =>
{
    // Filters bound from a record ([AsParameters]) keep the record's PascalCase names; binding ignores case, clients should not have to.
    foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
    {
        parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
    }

    return Task.CompletedTask;
}));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.UseSessionAntiforgery();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs");
app.MapHealthEndpoints();
var api = app.MapGroup("/api/v1").DescribeProblems();
api.MapModuleEndpoints(catalog);
api.MapLiveTicketUpdates(catalog);
api.MapDeadLetters();
app.MapTranscriptViewer(catalog);

return await app.RunAsync(args);

static void DescribeSnowflake(OpenApiSchema schema, bool nullable)
{
    schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
    schema.Format = "snowflake";
    schema.Pattern = "^[0-9]{1,20}$";
}

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
