using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.BuildingBlocks.Infrastructure.Web;

namespace TicketSaas.Host.Composition;

/// <summary>What the API host and the bot host share: modules, errors, JSON, health, telemetry, migrations.</summary>
public static class HostComposition
{
    public static ModuleCatalog AddTicketSaasCore(this WebApplicationBuilder builder, string serviceName)
    {
        var catalog = builder.Services.AddModules(builder.Configuration, BuiltInModules.All());

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Unreadable bodies and route values reach the problem-details handler instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks().AddModuleDatabaseChecks(catalog);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("TicketSaas.*"))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation().AddMeter("TicketSaas.*"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return catalog;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new SnowflakeJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ModuleHealthChecks.ReadyTag),
            ResponseWriter = WriteReadiness,
        });
    }

    /// <summary>
    /// <c>migrate</c> applies every enabled module's migrations and exits; otherwise migrations run at start-up
    /// unless <c>Database:MigrateOnStartup</c> is false, then the host serves.
    /// </summary>
    public static async Task<int> RunAsync(this WebApplication app, string[] args)
    {
        var migrator = app.Services.GetRequiredService<ModuleMigrator>();
        if (args.Contains("migrate"))
        {
            await migrator.MigrateAsync(CancellationToken.None);
            return 0;
        }

        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await migrator.MigrateAsync(CancellationToken.None);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"{app.Environment.ApplicationName} listening on {string.Join(", ", app.Urls)}"));
        await app.RunAsync();
        return 0;
    }

    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            modules = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        });
    }
}
