using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.GetBotText;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Localization;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets.Features.OpenTicket;

// A member asks for a ticket from Discord: a click on a panel shows the category's form (or, without one, goes
// straight on), the submitted form is checked, and an accepted request becomes an intent row. Nothing here calls
// Discord, so the bot answers at once; TicketOpening.cs makes the thread afterwards.

/// <summary>The interaction that asked: its id is the form's nonce, its token lets the bot reply later.</summary>
public sealed record AskingInteractionDto(ulong Id, ulong ApplicationId, string Token);

/// <summary>A click on a panel's button, or a category chosen in its dropdown.</summary>
public sealed record RequestTicketCommand(ulong GuildId, Guid PanelId, Guid CategoryId, Opener Opener, AskingInteractionDto Interaction)
    : ICommand<TicketRequestOutcomeDto>;

/// <summary>The category's form, submitted.</summary>
public sealed record SubmitTicketFormCommand(
    ulong GuildId, Guid PanelId, Guid CategoryId, ulong FormNonce, IReadOnlyList<SubmittedField> Fields, Opener Opener, AskingInteractionDto Interaction)
    : ICommand<TicketRequestOutcomeDto>;

/// <summary>How the bot answers the member.</summary>
public abstract record TicketRequestOutcomeDto;

/// <summary>No ticket, and why, in the guild's language: an ephemeral message.</summary>
public sealed record TicketRefusedDto(string Message) : TicketRequestOutcomeDto;

/// <summary>The category's form to show as a modal.</summary>
public sealed record TicketFormRequiredDto(string CustomId, string Title, IReadOnlyList<FormQuestion> Questions) : TicketRequestOutcomeDto;

/// <summary>Accepted: the bot defers, and the opening replies when the thread is ready.</summary>
public sealed record TicketOpeningStartedDto(Guid TicketId) : TicketRequestOutcomeDto;

internal sealed class RequestTicketCommandValidator : AbstractValidator<RequestTicketCommand>
{
    public RequestTicketCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Opener.UserId).NotEmpty();
        RuleFor(c => c.Interaction.Token).NotEmpty();
    }
}

internal sealed class SubmitTicketFormCommandValidator : AbstractValidator<SubmitTicketFormCommand>
{
    public SubmitTicketFormCommandValidator()
    {
        RuleFor(c => c.GuildId).NotEmpty();
        RuleFor(c => c.Opener.UserId).NotEmpty();
        RuleFor(c => c.Interaction.Token).NotEmpty();
        RuleFor(c => c.Fields.Count).LessThanOrEqualTo(FormQuestion.MaxQuestions);
    }
}

internal sealed class RequestTicketCommandHandler(TicketIntake intake) : IRequestHandler<RequestTicketCommand, TicketRequestOutcomeDto>
{
    public async Task<TicketRequestOutcomeDto> Handle(RequestTicketCommand command, CancellationToken cancellationToken)
    {
        var (request, refusal) = await intake.CheckAsync(command.GuildId, command.PanelId, command.CategoryId, command.Opener, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var category = request.Category;
        return category.FormQuestions.Count > 0
            ? new TicketFormRequiredDto(TicketCustomIds.Form(command.PanelId, category.Id, command.Interaction.Id), FormTitle(category), category.FormQuestions)
            : await intake.BeginAsync(request, [], command.Interaction.Id, command.Interaction, cancellationToken);
    }

    /// <summary>Discord caps a modal's title at 45 characters.</summary>
    private static string FormTitle(Category category) => category.Name.Length <= 45 ? category.Name : category.Name[..44] + "…";
}

internal sealed class SubmitTicketFormCommandHandler(TicketIntake intake) : IRequestHandler<SubmitTicketFormCommand, TicketRequestOutcomeDto>
{
    public async Task<TicketRequestOutcomeDto> Handle(SubmitTicketFormCommand command, CancellationToken cancellationToken)
    {
        var (request, refusal) = await intake.CheckAsync(command.GuildId, command.PanelId, command.CategoryId, command.Opener, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }

        var (answers, errors) = TicketForm.Read(request.Category.FormQuestions, command.Fields);
        if (errors.Count > 0)
        {
            return new TicketRefusedDto(string.Join('\n', errors.Select(e => Describe(e, request.Language))));
        }

        return await intake.BeginAsync(request, answers, command.FormNonce, command.Interaction, cancellationToken);
    }

    private static string Describe(FormError error, string language) => error.Problem switch
    {
        FormProblem.FormChanged => BotText.Get(language, BotText.FormChanged),
        FormProblem.Required => BotText.Get(language, BotText.FormRequired, error.Question),
        FormProblem.TooShort => BotText.Get(language, BotText.FormTooShort, error.Question, error.Limit),
        FormProblem.TooLong => BotText.Get(language, BotText.FormTooLong, error.Question, error.Limit),
        FormProblem.UnknownChoice => BotText.Get(language, BotText.FormUnknownChoice, error.Question),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Problem, null),
    };
}

/// <summary>A request that passed every check, with what opening it needs.</summary>
internal sealed record AcceptedRequest(TicketGuild Guild, Category Category, Opener Opener)
{
    public string Language => Guild.Language;
}

/// <summary>The checks a click and a submitted form share, and the intent row both write.</summary>
internal sealed class TicketIntake(
    TicketsDbContext db, GuildConfigurations configurations, TimeProvider clock, WorkSignal<TicketOpening> openings, AfterCommit afterCommit)
{
    public async Task<(AcceptedRequest? Request, TicketRefusedDto? Refusal)> CheckAsync(
        ulong guildId, Guid panelId, Guid categoryId, Opener opener, CancellationToken cancellationToken)
    {
        var configuration = await configurations.GetAsync(guildId, cancellationToken);
        var guild = configuration?.Guild;
        var language = guild?.Language ?? Domain.Settings.GuildSettings.DefaultLanguage;
        Panel? panel = guild?.Panels.SingleOrDefault(p => p.Id == panelId);
        if (guild is null || panel is null)
        {
            // A panel of another guild lands here too: ids are looked up within the clicking guild only.
            return (null, Refuse(language, BotText.PanelUnavailable));
        }

        var category = panel.CategoryIds.Contains(categoryId) ? guild.Categories.SingleOrDefault(c => c.Id == categoryId) : null;
        if (category is null)
        {
            return (null, Refuse(language, BotText.CategoryUnavailable));
        }

        if (category.ParentChannelId is null)
        {
            return (null, Refuse(language, BotText.CategoryNotReady));
        }

        var (open, last) = await HistoryAsync(guildId, opener.UserId, categoryId, cancellationToken);
        var refusal = TicketEligibility.Check(guild, category, opener, configuration!.Blocklist, open, last, clock.GetUtcNow());
        return refusal is null
            ? (new AcceptedRequest(guild, category, opener), null)
            : (null, new TicketRefusedDto(Describe(refusal, language)));
    }

    public async Task<TicketRequestOutcomeDto> BeginAsync(
        AcceptedRequest request, IReadOnlyList<FormAnswer> answers, ulong formNonce, AskingInteractionDto interaction, CancellationToken cancellationToken)
    {
        var guildId = request.Guild.GuildId;
        if (await WasSubmittedAsync(guildId, formNonce, cancellationToken))
        {
            return Refuse(request.Language, BotText.FormAlreadySubmitted);
        }

        var number = await NextNumberAsync(guildId, cancellationToken);
        var category = request.Category;
        var now = clock.GetUtcNow();
        var ticket = Ticket.Begin(guildId, number, category, request.Opener.UserId, request.Opener.Username, answers, formNonce, now);
        db.Tickets.Add(ticket);
        db.TicketOpenings.Add(TicketOpening.For(ticket, interaction.ApplicationId, interaction.Token, request.Language, now));
        afterCommit.Run(openings.Notify);
        return new TicketOpeningStartedDto(ticket.Id);
    }

    /// <summary>
    /// Runs every query of a request once, for no guild: EF Core compiles each on first use, which on a cold process
    /// costs more of Discord's three seconds than the first member should pay.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await configurations.GetAsync(0, cancellationToken);
        await HistoryAsync(0, 0, Guid.Empty, cancellationToken);
        await WasSubmittedAsync(0, 0, cancellationToken);
        await db.TicketCounters.Where(c => c.GuildId == 0).Select(c => c.LastNumber).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The member's tickets of the category that are not closed, and when they last opened one.</summary>
    private async Task<(int Open, DateTimeOffset? LastCreatedAt)> HistoryAsync(ulong guildId, ulong userId, Guid categoryId, CancellationToken cancellationToken)
    {
        var mine = db.Tickets.AsNoTracking().Where(t => t.GuildId == guildId && t.OpenerId == userId && t.CategoryId == categoryId);
        var open = await mine.CountAsync(t => t.Status == TicketStatus.Opening || t.Status == TicketStatus.Open, cancellationToken);
        var last = await mine.OrderByDescending(t => t.CreatedAt).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return (open, last);
    }

    private Task<bool> WasSubmittedAsync(ulong guildId, ulong formNonce, CancellationToken cancellationToken) =>
        db.Tickets.AnyAsync(t => t.GuildId == guildId && t.FormNonce == formNonce, cancellationToken);

    /// <summary>
    /// Draws the guild's next number in a short transaction of its own: the increment holds the counter's row until
    /// the number is read, so concurrent openings wait a moment instead of conflicting. Only two first openings of a
    /// guild at once conflict (both create the counter); the bot retries the loser.
    /// </summary>
    private async Task<int> NextNumberAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counter = db.TicketCounters.Where(c => c.GuildId == guildId);
        int number;
        if (await counter.ExecuteUpdateAsync(set => set.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken) == 1)
        {
            number = await counter.Select(c => c.LastNumber).SingleAsync(cancellationToken);
        }
        else
        {
            number = (await db.Tickets.Where(t => t.GuildId == guildId).MaxAsync(t => (int?)t.Number, cancellationToken) ?? 0) + 1;
            var created = db.TicketCounters.Add(new TicketCounter(guildId, number));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException lost)
            {
                throw new ConflictException("Another request numbered this guild's first ticket at the same moment; please try again.", lost);
            }
            finally
            {
                created.State = EntityState.Detached;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return number;
    }

    private static TicketRefusedDto Refuse(string language, string key) => new(BotText.Get(language, key));

    private static string Describe(Refusal refusal, string language)
    {
        var until = refusal.Until is { } end ? $"<t:{end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>" : null;
        return refusal.Reason switch
        {
            RefusalReason.BlockedUser or RefusalReason.BlockedRole => string.Join('\n', new[]
            {
                BotText.Get(language, refusal.Reason == RefusalReason.BlockedUser ? BotText.BlockedUser : BotText.BlockedRole),
                refusal.BlockReason is { } reason ? BotText.Get(language, BotText.BlockReason, reason) : null,
                until is null ? null : BotText.Get(language, BotText.BlockEnds, until),
            }.OfType<string>()),
            RefusalReason.OpenTicketLimit => BotText.Get(language, BotText.OpenTicketLimit, refusal.Limit),
            RefusalReason.Cooldown => BotText.Get(language, BotText.Cooldown, until!),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Reason, null),
        };
    }
}

/// <summary>Warms the request path before the process takes interactions (hosted services start before the server listens).</summary>
internal sealed class TicketIntakeWarmUp(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TicketIntake>().WarmUpAsync(cancellationToken);

        // And the pipeline every interaction's command runs through.
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetBotTextQuery(null, TicketNotice.Busy), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
