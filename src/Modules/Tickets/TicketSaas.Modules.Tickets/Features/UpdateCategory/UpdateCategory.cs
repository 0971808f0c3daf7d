using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Features.GetCategory;
using TicketSaas.Modules.Tickets.Features.PublishPanel;
using TicketSaas.Modules.Tickets.Persistence;
using TicketSaas.Modules.Tickets.Ports;
using TicketSaas.Modules.Tickets.Validation;

namespace TicketSaas.Modules.Tickets.Features.UpdateCategory;

/// <summary>Replaces a category's whole configuration. Null means "not given" and is refused, except for the channels and the timer.</summary>
/// <param name="AutoCloseAfterHours">Null turns the inactivity timer off.</param>
/// <param name="WarningBeforeCloseHours">Zero sends no warning before the automatic close.</param>
public sealed record UpdateCategoryCommand(
    ulong GuildId,
    Guid CategoryId,
    string Name,
    string NamingScheme,
    IReadOnlyList<ulong>? StaffRoleIds,
    ulong? ParentChannelId,
    ulong? LogChannelId,
    int? OpenTicketLimit,
    int? CooldownSeconds,
    IReadOnlyList<ulong>? BypassRoleIds,
    IReadOnlyList<FormQuestionDto>? FormQuestions,
    int? AutoCloseAfterHours,
    int? WarningBeforeCloseHours)
    : ICommand<CategoryDetailsDto>, IAuditedCommand
{
    public ulong? AuditGuildId => GuildId;
}

internal sealed class UpdateCategoryCommandValidator : AbstractValidator<UpdateCategoryCommand>
{
    public UpdateCategoryCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.CategoryId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100)
            .Must(name => name is null || name.Trim().Length == name.Length).WithMessage("Name must not start or end with spaces.");
        RuleFor(c => c.NamingScheme).NotEmpty().MaximumLength(ThreadNamingScheme.MaxLength);
        RuleFor(c => c.NamingScheme)
            .Must(s => ThreadNamingScheme.UnknownVariables(s).Count == 0)
            .WithMessage(c => $"Unknown variable(s) {string.Join(", ", ThreadNamingScheme.UnknownVariables(c.NamingScheme).Select(v => $"{{{v}}}"))}; use {{number}}, {{number:0000}}, {{username}} or {{category}}.")
            .Must(s => !ThreadNamingScheme.HasUnbalancedBraces(s))
            .WithMessage("Naming scheme has an unmatched brace.")
            .When(c => !string.IsNullOrEmpty(c.NamingScheme));
        RuleFor(c => c.StaffRoleIds).SnowflakeList(CategorySettings.MaxRoles);
        RuleFor(c => c.BypassRoleIds).SnowflakeList(CategorySettings.MaxRoles);
        RuleFor(c => c.ParentChannelId).NotEqual(0UL).WithMessage("A channel id cannot be 0; leave it empty for none.");
        RuleFor(c => c.LogChannelId).NotEqual(0UL).WithMessage("A channel id cannot be 0; leave it empty for none.");
        RuleFor(c => c.OpenTicketLimit).NotNull().InclusiveBetween(1, CategorySettings.MaxOpenTicketLimit);
        RuleFor(c => c.CooldownSeconds).NotNull().InclusiveBetween(0, CategorySettings.MaxCooldownSeconds)
            .WithMessage($"Cooldown must be between 0 and {CategorySettings.MaxCooldownSeconds} seconds (24 hours).");
        RuleFor(c => c.FormQuestions).NotNull()
            .Must(q => q is null || q.Count <= FormQuestion.MaxQuestions)
            .WithMessage($"A form has at most {FormQuestion.MaxQuestions} questions.");
        RuleForEach(c => c.FormQuestions).NotNull().SetValidator(new FormQuestionDtoValidator());
        RuleFor(c => c.AutoCloseAfterHours).InclusiveBetween(1, CategorySettings.MaxAutoCloseAfterHours);
        RuleFor(c => c.WarningBeforeCloseHours).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(c => c.WarningBeforeCloseHours)
            .Must((c, warning) => warning < c.AutoCloseAfterHours)
            .WithMessage("The warning must come before the automatic close: fewer hours than AutoCloseAfterHours.")
            .When(c => c.WarningBeforeCloseHours > 0 && c.AutoCloseAfterHours is not null);
    }
}

/// <summary>Discord's limits for a modal's text input and string select.</summary>
internal sealed class FormQuestionDtoValidator : AbstractValidator<FormQuestionDto>
{
    public FormQuestionDtoValidator()
    {
        RuleFor(q => q.Label).NotEmpty().MaximumLength(FormQuestion.MaxLabelLength);
        RuleFor(q => q.Style).NotNull().IsInEnum();
        RuleFor(q => q.Placeholder).MaximumLength(FormQuestion.MaxPlaceholderLength);
        When(q => q.Style is FormQuestionStyle.Short or FormQuestionStyle.Paragraph, () =>
        {
            RuleFor(q => q.MinLength).InclusiveBetween(0, FormQuestion.MaxTextLength);
            RuleFor(q => q.MaxLength).InclusiveBetween(1, FormQuestion.MaxTextLength);
            RuleFor(q => q.MaxLength).GreaterThanOrEqualTo(q => q.MinLength)
                .When(q => q.MinLength is not null && q.MaxLength is not null)
                .WithMessage("MaxLength must not be less than MinLength.");
            RuleFor(q => q.Options).Must(o => o is null || o.Count == 0).WithMessage("Only a select question has options.");
        });
        When(q => q.Style is FormQuestionStyle.Select, () =>
        {
            RuleFor(q => q.MinLength).Null().WithMessage("A select question has no length limits.");
            RuleFor(q => q.MaxLength).Null().WithMessage("A select question has no length limits.");
            RuleFor(q => q.Options).NotNull()
                .Must(o => o is null || o.Count is >= 1 and <= FormQuestion.MaxOptions)
                .WithMessage($"A select question has 1 to {FormQuestion.MaxOptions} options.")
                .Must(o => o is null || o.Where(x => x is not null).Select(x => x.Value).Distinct().Count() == o.Count(x => x is not null))
                .WithMessage("Option values must be unique.");
            RuleForEach(q => q.Options).NotNull().ChildRules(option =>
            {
                option.RuleFor(o => o.Label).NotEmpty().MaximumLength(FormQuestion.MaxOptionLength);
                option.RuleFor(o => o.Value).NotEmpty().MaximumLength(FormQuestion.MaxOptionLength);
            });
        });
    }
}

internal sealed class UpdateCategoryCommandHandler(
    TicketsDbContext db, TimeProvider clock, IIntegrationEventPublisher events, IBotPermissions permissions, IPanelMessages panelMessages)
    : IRequestHandler<UpdateCategoryCommand, CategoryDetailsDto>
{
    public async Task<CategoryDetailsDto> Handle(UpdateCategoryCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var guild = await db.FindGuildAsync(command.GuildId, cancellationToken);
        var settings = new CategorySettings(
            command.Name, command.NamingScheme, command.StaffRoleIds!, command.ParentChannelId, command.LogChannelId,
            command.OpenTicketLimit!.Value, command.CooldownSeconds!.Value, command.BypassRoleIds!,
            command.FormQuestions!.Select(q => q.ToDomain()).ToList(), command.AutoCloseAfterHours, command.WarningBeforeCloseHours!.Value);
        var previousName = guild?.Categories.SingleOrDefault(c => c.Id == command.CategoryId)?.Name;
        var category = guild?.UpdateCategory(command.CategoryId, settings, now)
            ?? throw new NotFoundException("Category", command.CategoryId.ToString("D", CultureInfo.InvariantCulture));
        await permissions.EnsureAsync(command.GuildId, ChannelsOf(category), cancellationToken);
        if (category.Name != previousName)
        {
            // Panels show the category's name on a button or option; nothing else of it.
            foreach (var panel in guild.Panels.Where(p => p.CategoryIds.Contains(category.Id)))
            {
                await panelMessages.RefreshLiveMessageAsync(panel, panel.ChannelId, guild, cancellationToken);
            }
        }

        events.PublishConfigurationChanged(command.GuildId, GuildConfigurationChangedIntegrationEvent.Categories, now);
        return CategoryDetailsDto.From(category);
    }

    private static List<(ulong, ChannelUse)> ChannelsOf(Category category)
    {
        var channels = new List<(ulong, ChannelUse)>();
        if (category.ParentChannelId is { } parent)
        {
            channels.Add((parent, ChannelUse.TicketThreads));
        }

        if (category.LogChannelId is { } log)
        {
            channels.Add((log, ChannelUse.Log));
        }

        return channels;
    }
}

internal static class UpdateCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder categories) =>
        categories.MapPut("/{categoryId}", (ulong guildId, Guid categoryId, UpdateCategoryRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdateCategoryCommand(
                    guildId, categoryId, body.Name, body.NamingScheme, body.StaffRoleIds, body.ParentChannelId, body.LogChannelId,
                    body.OpenTicketLimit, body.CooldownSeconds, body.BypassRoleIds, body.FormQuestions, body.AutoCloseAfterHours,
                    body.WarningBeforeCloseHours), ct))
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("UpdateCategory")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal sealed record UpdateCategoryRequest(
        string Name,
        string NamingScheme,
        IReadOnlyList<ulong>? StaffRoleIds,
        ulong? ParentChannelId,
        ulong? LogChannelId,
        int? OpenTicketLimit,
        int? CooldownSeconds,
        IReadOnlyList<ulong>? BypassRoleIds,
        IReadOnlyList<FormQuestionDto>? FormQuestions,
        int? AutoCloseAfterHours,
        int? WarningBeforeCloseHours);
}
