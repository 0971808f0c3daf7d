namespace TicketSaas.LoadTests;

internal enum InteractionKind
{
    PanelClick,
    FormSubmission,
    BlockedClick,
    ClaimClick,
    UnknownComponent,
}

/// <summary>One interaction to send: its kind, its guild, and which of the guild's members (or tickets) acts.</summary>
internal readonly record struct PlannedInteraction(InteractionKind Kind, int Guild, int Member);

/// <summary>
/// Every interaction of a run, decided before the run from a fixed seed, so the bot host and the bare endpoint get
/// the same sequence and a repeated run the same again. Form submissions each take a member of their own.
/// </summary>
internal static class InteractionPlan
{
    /// <summary>Shares of the mixed workload, in percent.</summary>
    public static readonly IReadOnlyList<(InteractionKind Kind, int Percent)> Mix =
    [
        (InteractionKind.PanelClick, 30),
        (InteractionKind.FormSubmission, 25),
        (InteractionKind.BlockedClick, 15),
        (InteractionKind.ClaimClick, 20),
        (InteractionKind.UnknownComponent, 10),
    ];

    private const int Seed = 20_250_601;

    public static string Describe(InteractionKind kind) => kind switch
    {
        InteractionKind.PanelClick => "panel click on a category with a form (modal expected)",
        InteractionKind.FormSubmission => "form submitted by a member without a ticket (deferral expected; the thread follows in the background)",
        InteractionKind.BlockedClick => "panel click by a blocklisted member (refusal expected)",
        InteractionKind.ClaimClick => "Claim on a ticket's welcome message, by staff",
        InteractionKind.UnknownComponent => "click on a component that is not ours (refusal expected)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Form submissions spread over the guilds in turn.</summary>
    public static IReadOnlyList<PlannedInteraction> Openings(int count, OpenerSlots openers) =>
        [.. Enumerable.Range(0, count).Select(i => Submission(i % openers.Guilds, openers))];

    public static IReadOnlyList<PlannedInteraction> Mixed(int count, OpenerSlots openers)
    {
        var random = new Random(Seed);
        var plan = new PlannedInteraction[count];
        for (var i = 0; i < plan.Length; i++)
        {
            var guild = random.Next(openers.Guilds);
            plan[i] = KindFrom(random.Next(100)) switch
            {
                InteractionKind.FormSubmission => Submission(guild, openers),
                InteractionKind.BlockedClick => new(InteractionKind.BlockedClick, guild, random.Next(LoadGuild.BlockedCount)),
                InteractionKind.ClaimClick => new(InteractionKind.ClaimClick, guild, random.Next()),
                var kind => new(kind, guild, random.Next(LoadGuild.BrowserCount)),
            };
        }

        return plan;
    }

    private static PlannedInteraction Submission(int guild, OpenerSlots openers) =>
        new(InteractionKind.FormSubmission, guild, openers.Take(guild));

    private static InteractionKind KindFrom(int percentile)
    {
        foreach (var (kind, percent) in Mix)
        {
            if (percentile < percent)
            {
                return kind;
            }

            percentile -= percent;
        }

        throw new InvalidOperationException("The mix does not add up to 100 %.");
    }
}

/// <summary>Hands out each guild's openers in order while plans are made; afterwards, how many each guild needs.</summary>
internal sealed class OpenerSlots(int guilds)
{
    private readonly int[] _taken = new int[guilds];

    public int Guilds => _taken.Length;

    public IReadOnlyList<int> PerGuild => _taken;

    public int Take(int guild) => _taken[guild]++;
}
