using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using Wolverine;

namespace TicketSaas.BuildingBlocks.Infrastructure.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// Integration events between modules: our outbox and inbox on EF Core for durability, Wolverine's local queues
    /// (one per consumer, <see cref="MultipleHandlerBehavior.Separated"/>) as the carrier. See ADR 0006.
    /// </summary>
    public static void AddIntegrationEvents(this IHostApplicationBuilder builder, ModuleCatalog catalog)
    {
        var services = builder.Services;
        services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        services.AddSingleton<IntegrationEventTypes>();
        var consumers = new ConsumerDirectory(catalog);
        services.AddSingleton(consumers);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<FailPoints>();
        services.AddScoped<IntegrationEventOutbox>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<IIntegrationEventPublisher>(provider => provider.GetRequiredService<IntegrationEventOutbox>());
        services.AddSingleton<DeadLetters>();
        services.AddHostedService<ProcessWideEventPump>();
        if (builder.Configuration.GetValue("Outbox:RelayEnabled", true))
        {
            services.AddHostedService<OutboxRelay>();
        }

        builder.UseWolverine(options =>
        {
            // Several hosts in one test process would otherwise share whichever entry assembly came first.
            options.ApplicationAssembly = typeof(MessagingRegistration).Assembly;
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            options.CodeGeneration.AlwaysUseServiceLocationFor<IMediator>();
            foreach (var assembly in catalog.Enabled.SelectMany(m => m.Assemblies).Distinct())
            {
                options.Discovery.IncludeAssembly(assembly);
            }

            // Pin every consumer to a queue named after it. Left alone, Wolverine names the queue after the event
            // while an event has one consumer and after the consumer once it has two, which would strand deliveries
            // recorded under the old name when a module or plugin adds a consumer.
            foreach (var consumer in consumers.Consumers)
            {
                options.LocalQueue(ConsumerName.Of(consumer)).AddStickyHandler(consumer);
            }
        });
    }
}
