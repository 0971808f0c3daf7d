using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.GetCategory;

public sealed record GetCategoryQuery(ulong GuildId, Guid CategoryId) : IQuery<CategoryDetailsDto>;

/// <summary>A category with its whole configuration: staff, channels, limits, form and inactivity timer.</summary>
public sealed record CategoryDetailsDto(
    Guid Id,
    ulong GuildId,
    string Name,
    string NamingScheme,
    IReadOnlyList<ulong> StaffRoleIds,
    ulong? ParentChannelId,
    ulong? LogChannelId,
    int OpenTicketLimit,
    int CooldownSeconds,
    IReadOnlyList<ulong> BypassRoleIds,
    IReadOnlyList<FormQuestionDto> FormQuestions,
    int? AutoCloseAfterHours,
    int WarningBeforeCloseHours,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static CategoryDetailsDto From(Category category) =>
        new(category.Id, category.GuildId, category.Name, category.NamingScheme, category.StaffRoleIds, category.ParentChannelId,
            category.LogChannelId, category.OpenTicketLimit, category.CooldownSeconds, category.BypassRoleIds,
            category.FormQuestions.Select(FormQuestionDto.From).ToList(), category.AutoCloseAfterHours, category.WarningBeforeCloseHours,
            category.CreatedAt, category.UpdatedAt);
}

/// <param name="Style"><c>short</c> or <c>paragraph</c> (a text input with optional length limits) or <c>select</c> (with options).</param>
public sealed record FormQuestionDto(
    string Label,
    FormQuestionStyle? Style,
    bool Required,
    string? Placeholder,
    int? MinLength,
    int? MaxLength,
    IReadOnlyList<FormQuestionOptionDto>? Options)
{
    internal static FormQuestionDto From(FormQuestion question) =>
        new(question.Label, question.Style, question.Required, question.Placeholder, question.MinLength, question.MaxLength,
            question.Options.Select(o => new FormQuestionOptionDto(o.Label, o.Value)).ToList());

    internal FormQuestion ToDomain() =>
        new(Label.Trim(), Style!.Value, Required, string.IsNullOrWhiteSpace(Placeholder) ? null : Placeholder, MinLength, MaxLength,
            (Options ?? []).Select(o => new FormQuestionOption(o.Label, o.Value)).ToList());
}

public sealed record FormQuestionOptionDto(string Label, string Value);

internal sealed class GetCategoryQueryHandler(TicketsDbContext db) : IRequestHandler<GetCategoryQuery, CategoryDetailsDto>
{
    public async Task<CategoryDetailsDto> Handle(GetCategoryQuery query, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .SingleOrDefaultAsync(c => c.GuildId == query.GuildId && c.Id == query.CategoryId, cancellationToken)
            ?? throw new NotFoundException("Category", query.CategoryId.ToString("D", CultureInfo.InvariantCulture));
        return CategoryDetailsDto.From(category);
    }
}

internal static class GetCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder categories) =>
        categories.MapGet("/{categoryId}", (ulong guildId, Guid categoryId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCategoryQuery(guildId, categoryId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("GetCategory")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
