using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Application.Auditing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Host.Composition;
using TicketSaas.IntegrationTests.Support;
using TicketSaas.Modules.Transcripts.Features.UpdateViewerSettings;
using TicketSaas.Testing;

namespace TicketSaas.IntegrationTests.Messaging;

/// <summary>
/// Three consumers of one event, each on its own Wolverine queue with its own delivery state: a failing one ends dead
/// without delaying or repeating the others, and comes back once when retried after its fix.
/// </summary>
public sealed class ConsumerIndependenceTests
{
    [Fact]
    public async Task A_failing_consumer_neither_blocks_nor_repeats_the_other_consumers_of_the_same_event()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = await StartHostWithProbesAsync(database);
        var probes = app.Services.GetRequiredService<ProbeState>();
        var guild = GuildIds.Next();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new UpdateViewerSettingsCommand(guild, false, null));
        }

        await Settling.UntilSettledAsync(app.Services);
        var eventId = Assert.Single(probes.Recorded);
        Assert.Empty(probes.FlakyRecorded);
        Assert.Equal(1, await database.ScalarAsync($"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild}"));
        var deadLetters = app.Services.GetRequiredService<DeadLetters>();
        var letter = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(("probeflakyhandler", eventId, 3), (letter.Consumer, letter.EventId, letter.Attempts));

        probes.Failing = false;
        await deadLetters.RetryAsync(letter.Module, letter.DeliveryId, CancellationToken.None);
        await Settling.UntilSettledAsync(app.Services);

        Assert.Equal([eventId], probes.FlakyRecorded);
        Assert.Equal([eventId], probes.Recorded);
        Assert.Equal(1, await database.ScalarAsync($"SELECT COUNT(*) FROM identity_audit_log_entry WHERE guild_id = {guild}"));
        Assert.Empty(await deadLetters.ListAsync(CancellationToken.None));
    }

    private static async Task<WebApplication> StartHostWithProbesAsync(TestDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Outbox:MaxAttempts"] = "3",
            ["Outbox:RetryDelay"] = "00:00:00.100",
            ["Outbox:ConsumerTimeout"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        builder.AddTicketSaasCore("probe-host", [.. BuiltInModules.All(), new ProbeModule()]);
        builder.Services.AddSingleton<ICallerAccessor, NobodyInParticular>();
        var app = builder.Build();
        await app.Services.GetRequiredService<ModuleMigrator>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private sealed class NobodyInParticular : ICallerAccessor
    {
        public Caller Caller => Caller.Anonymous;
    }
}

/// <summary>A module of test consumers, composed next to the built-in ones the way a plugin would be.</summary>
public sealed class ProbeModule : IModule
{
    public string Key => "probe";

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(ProbeModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddSingleton<ProbeState>();

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}

public sealed class ProbeState
{
    public volatile bool Failing = true;

    public ConcurrentQueue<Guid> Recorded { get; } = new();

    public ConcurrentQueue<Guid> FlakyRecorded { get; } = new();
}

public sealed class ProbeRecordingHandler
{
    public void Handle(AuditRecordedIntegrationEvent recorded, ProbeState probes) => probes.Recorded.Enqueue(recorded.Id);
}

public sealed class ProbeFlakyHandler
{
    public void Handle(AuditRecordedIntegrationEvent recorded, ProbeState probes)
    {
        if (probes.Failing)
        {
            throw new InvalidOperationException("The probe consumer is broken until the test repairs it.");
        }

        probes.FlakyRecorded.Enqueue(recorded.Id);
    }
}
