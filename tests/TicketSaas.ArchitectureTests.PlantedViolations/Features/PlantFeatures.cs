using FluentValidation;
using MediatR;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.Modules.PlantedExtras;
using TicketSaas.Modules.PlantedExtras.Contracts;

namespace TicketSaas.Modules.Planted.Features.Plant;

public sealed record PlantCommand(string Name) : ICommand<int>;

/// <summary>Not a violation: init-only setters keep a message immutable.</summary>
public sealed record InitOnlyPlantCommand : ICommand<int>
{
    public required string Name { get; init; }
}

public sealed record GetPlantQuery(int Id) : IQuery<PlantDto>;

public sealed record PlantDto(int Id, string Name);

/// <summary>Immutable messages: a public setter.</summary>
public sealed class MutablePlantCommand : ICommand<int>
{
    public string Name { get; set; } = string.Empty;
}

/// <summary>Immutable messages: a field that changes after construction.</summary>
public sealed class CountingPlantQuery : IQuery<PlantDto>
{
    private int _reads;

    public int Read() => ++_reads;
}

/// <summary>Slice conventions: a command without the Command suffix.</summary>
public sealed record RenamePlant(string Name) : ICommand<int>;

/// <summary>Slice conventions: a query without the Query suffix.</summary>
public sealed record PlantLookup(int Id) : IQuery<PlantDto>;

/// <summary>Slice conventions: implements MediatR's IRequest directly.</summary>
internal sealed record PlantDirectRequest(int Id) : IRequest<int>;

internal sealed class PlantCommandHandler : IRequestHandler<PlantCommand, int>
{
    public Task<int> Handle(PlantCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Name.Length);
}

/// <summary>Slice conventions and encapsulation: a public MediatR handler.</summary>
public sealed class PublicPlantCommandHandler : IRequestHandler<InitOnlyPlantCommand, int>
{
    public Task<int> Handle(InitOnlyPlantCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Name.Length);
}

/// <summary>Slice conventions: a handler that is not sealed.</summary>
internal class UnsealedPlantQueryHandler : IRequestHandler<GetPlantQuery, PlantDto>
{
    public Task<PlantDto> Handle(GetPlantQuery request, CancellationToken cancellationToken) => Task.FromResult(new PlantDto(request.Id, "plant"));
}

/// <summary>Slice conventions: a handler named neither …CommandHandler nor …QueryHandler.</summary>
internal sealed class PlantLookupProcessor : IRequestHandler<PlantLookup, PlantDto>
{
    public Task<PlantDto> Handle(PlantLookup request, CancellationToken cancellationToken) => Task.FromResult(new PlantDto(request.Id, "plant"));
}

internal sealed class PlantCommandValidator : AbstractValidator<PlantCommand>
{
    public PlantCommandValidator() => RuleFor(c => c.Name).NotEmpty();
}

/// <summary>Slice conventions and encapsulation: a public validator.</summary>
public sealed class PublicPlantCommandValidator : AbstractValidator<RenamePlant>
{
    public PublicPlantCommandValidator() => RuleFor(c => c.Name).NotEmpty();
}

/// <summary>Slice conventions: a validator without the Validator suffix.</summary>
internal sealed class PlantChecks : AbstractValidator<PlantCommand>
{
    public PlantChecks() => RuleFor(c => c.Name).MaximumLength(10);
}

internal static class PlantEndpoint
{
    public static PlantCommand Command(string name) => new(name);
}

/// <summary>Slice conventions: an endpoint that is not static.</summary>
internal sealed class PlantStatusEndpoint
{
    public GetPlantQuery Query(int id) => new(id);
}

internal sealed record PlantNotification(int Id) : INotification;

/// <summary>Encapsulation: public, yet neither module, message, DTO nor consumer.</summary>
public sealed class PlantHelper
{
    public static string Describe(PlantDto plant) => plant.Name;
}

internal interface IPlantClock
{
    DateTimeOffset Now { get; }
}

/// <summary>Naming: an interface without the I prefix.</summary>
internal interface PlantClock
{
    DateTimeOffset Now { get; }
}

/// <summary>Integration events: one outside Contracts.</summary>
internal sealed record PlantedClosedIntegrationEvent(Guid Id, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>Module isolation: uses another module's main assembly.</summary>
internal sealed class FeatureUsingNeighbourMain
{
    public string NeighbourKey { get; } = new PlantedExtrasModule().Key;
}

/// <summary>Module isolation: uses a type of another module's Contracts that is not an integration event.</summary>
internal sealed class FeatureUsingNeighbourContractDetail(PlantedExtrasLookupCode code)
{
    public string Code { get; } = code.Value;
}

/// <summary>Discord adapter access: a feature talking to the adapter directly.</summary>
internal sealed class FeatureTalkingToDiscord(DiscordAdapterStandIn discord)
{
    public Task AnnounceAsync() => discord.SendAsync("planted");
}
