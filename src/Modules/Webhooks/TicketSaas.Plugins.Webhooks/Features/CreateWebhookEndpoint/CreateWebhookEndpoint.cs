using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Plugins.Webhooks.Domain;
using TicketSaas.Plugins.Webhooks.Features.GetWebhookEndpoints;
using TicketSaas.Plugins.Webhooks.Infrastructure;
using TicketSaas.Plugins.Webhooks.Persistence;

namespace TicketSaas.Plugins.Webhooks.Features.CreateWebhookEndpoint;

/// <summary>The secret is what receivers verify signatures with; it is never shown again.</summary>
public sealed record CreateWebhookEndpointCommand(ulong GuildId, string Url, string Secret, IReadOnlyList<string> Events)
    : ICommand<WebhookEndpointDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public const int MinSecretLength = 16;

    public CreateWebhookEndpointCommandValidator(TargetAddressPolicy targets)
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Secret).NotEmpty().Length(MinSecretLength, 200);
        RuleFor(c => c.Events).NotEmpty();
        RuleForEach(c => c.Events)
            .Must(name => SubscribableEvents.Names.Contains(name))
            .WithMessage(c => $"Unknown event; choose from {string.Join(", ", SubscribableEvents.Names)}.");
        RuleFor(c => c.Url).NotEmpty().MaximumLength(2000)
            .Must(url => AbsoluteHttpUrl(url) is not null).WithMessage("Url must be an absolute http or https URL.")
            .DependentRules(() => RuleFor(c => c.Url).CustomAsync(async (url, context, cancellationToken) =>
            {
                if (await targets.RefusalAsync(AbsoluteHttpUrl(url)!, cancellationToken) is { } refusal)
                {
                    context.AddFailure(refusal);
                }
            }));
    }

    public static Uri? AbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}

internal sealed class CreateWebhookEndpointCommandHandler(WebhooksDbContext db, WebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<CreateWebhookEndpointCommand, WebhookEndpointDto>
{
    public Task<WebhookEndpointDto> Handle(CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = WebhookEndpoint.Create(
            command.GuildId,
            CreateWebhookEndpointCommandValidator.AbsoluteHttpUrl(command.Url)!,
            secrets.Protect(command.Secret),
            command.Events,
            clock.GetUtcNow());
        db.Endpoints.Add(endpoint);
        return Task.FromResult(WebhookEndpointDto.From(endpoint));
    }
}

internal static class CreateWebhookEndpointEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/", async (ulong guildId, CreateWebhookEndpointRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var endpoint = await mediator.Send(new CreateWebhookEndpointCommand(guildId, body.Url, body.Secret, body.Events), ct);
                return TypedResults.Created($"/api/v1/guilds/{guildId}/webhooks/{endpoint.Id}", endpoint);
            })
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("CreateWebhookEndpoint")
            .ProducesValidationProblem();

    internal sealed record CreateWebhookEndpointRequest(string Url, string Secret, IReadOnlyList<string> Events);
}
