using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Features.GetCategories;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.CreateCategory;

public sealed record CreateCategoryCommand(ulong GuildId, string Name, string NamingScheme)
    : ICommand<CategoryDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class CreateCategoryCommandValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100)
            .Must(name => name is null || name.Trim().Length == name.Length).WithMessage("Name must not start or end with spaces.");
        RuleFor(c => c.NamingScheme).NotEmpty().MaximumLength(ThreadNamingScheme.MaxLength);
        RuleFor(c => c.NamingScheme)
            .Must(s => ThreadNamingScheme.UnknownVariables(s).Count == 0)
            .WithMessage(c => $"Unknown variable(s) {string.Join(", ", ThreadNamingScheme.UnknownVariables(c.NamingScheme).Select(v => $"{{{v}}}"))}; use {{number}}, {{number:0000}}, {{username}} or {{category}}.")
            .Must(s => !ThreadNamingScheme.HasUnbalancedBraces(s))
            .WithMessage("Naming scheme has an unmatched brace.")
            .When(c => !string.IsNullOrEmpty(c.NamingScheme));
    }
}

internal sealed class CreateCategoryCommandHandler(TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events)
    : IRequestHandler<CreateCategoryCommand, CategoryDto>
{
    public async Task<CategoryDto> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindOrCreateGuildAsync(command.GuildId, now, cancellationToken);
        var category = guild.AddCategory(command.Name, command.NamingScheme, now);
        events.Publish(new CategoryCreatedIntegrationEvent(
            Guid.CreateVersion7(now), now, category.GuildId, category.Id, category.Name, category.NamingScheme));
        events.PublishConfigurationChanged(category.GuildId, GuildConfigurationChangedIntegrationEvent.Categories, now);
        return CategoryDto.From(category);
    }
}

internal static class CreateCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder categories) =>
        categories.MapPost("/", async (ulong guildId, CreateCategoryRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var category = await mediator.Send(new CreateCategoryCommand(guildId, body.Name, body.NamingScheme), ct);
                return TypedResults.Created($"/api/v1/guilds/{guildId}/categories/{category.Id}", category);
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("CreateCategory")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record CreateCategoryRequest(string Name, string NamingScheme);
}
