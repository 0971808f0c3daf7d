using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Domains.Domain.CustomDomains;
using TicketSaas.Modules.Domains.Features.GetCustomDomains;
using TicketSaas.Modules.Domains.Persistence;

namespace TicketSaas.Modules.Domains.Features.AddCustomDomain;

public sealed record AddCustomDomainCommand(ulong GuildId, string Host) : ICommand<CustomDomainDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class AddCustomDomainCommandValidator : AbstractValidator<AddCustomDomainCommand>
{
    public AddCustomDomainCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Host).NotEmpty()
            .Must(HostName.IsValid)
            .WithMessage("Host must be a DNS name such as tickets.example.com (letters, digits and hyphens; not an IP address).")
            .When(c => !string.IsNullOrEmpty(c.Host));
    }
}

internal sealed class AddCustomDomainCommandHandler(DomainsDbContext db, TimeProvider clock)
    : IRequestHandler<AddCustomDomainCommand, CustomDomainDto>
{
    public async Task<CustomDomainDto> Handle(AddCustomDomainCommand command, CancellationToken cancellationToken)
    {
        var host = HostName.Normalize(command.Host);
        var taken = await db.CustomDomains.AnyAsync(d => d.Host == host, cancellationToken);
        var count = await db.CustomDomains.CountAsync(d => d.GuildId == command.GuildId, cancellationToken);
        var domain = CustomDomain.Register(command.GuildId, host, taken, count, clock.GetUtcNow());
        db.CustomDomains.Add(domain);
        return CustomDomainDto.From(domain);
    }
}

internal static class AddCustomDomainEndpoint
{
    public static void Map(IEndpointRouteBuilder domains) =>
        domains.MapPost("/", async (ulong guildId, AddCustomDomainRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var domain = await mediator.Send(new AddCustomDomainCommand(guildId, body.Host), ct);
                return TypedResults.Created($"/api/v1/guilds/{guildId}/domains/{domain.Id}", domain);
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("AddCustomDomain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record AddCustomDomainRequest(string Host);
}
