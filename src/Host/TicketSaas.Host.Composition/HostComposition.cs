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
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.BuildingBlocks.Infrastructure.Plugins;
using TicketSaas.BuildingBlocks.Infrastructure.Web;

namespace TicketSaas.Host.Composition;

/// <summary>What the API host and the bot host share: modules and plugins, errors, JSON, health, telemetry, migrations.</summary>
public static class HostComposition
{
    public static ModuleCatalog AddTicketSaasCore(this WebApplicationBuilder builder, string serviceName, IEnumerable<IModule> modules)
    {
        var plugins = builder.LoadPlugins();
        var catalog = builder.AddModules([.. modules, .. plugins.Modules]);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Unreadable bodies and route values reach the problem-details handler instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks().AddModuleDatabaseChecks(catalog);

        // Without an exporter nothing would read the spans and metrics, yet recording them costs every request.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(serviceName))
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("TicketSaas.*").AddSource("Wolverine"))
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation().AddMeter("TicketSaas.*", "Wolverine"))
                .UseOtlpExporter();
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
    /// Runs an operator command and exits (<c>migrate</c>; <c>dead-letters list|retry &lt;module&gt; &lt;id&gt;|retry-all</c>),
    /// or applies migrations (unless <c>Database:MigrateOnStartup</c> is false) and serves.
    /// </summary>
    public static async Task<int> RunAsync(this WebApplication app, string[] args)
    {
        var start = Array.FindIndex(args, a => a is "migrate" or "dead-letters");
        switch (start < 0 ? [] : args[start..])
        {
            case ["migrate", ..]:
                await app.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None);
                return 0;
            case ["dead-letters", .. var rest]:
                return await OperatorCommands.DeadLettersAsync(app.Services.GetRequiredService<DeadLetters>(), rest, Console.Out);
        }

        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await app.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None);
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
