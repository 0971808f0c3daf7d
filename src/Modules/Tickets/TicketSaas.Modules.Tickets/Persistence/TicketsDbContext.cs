using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Tickets.Domain.Blocklist;
using TicketSaas.Modules.Tickets.Domain.Categories;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Domain.Tickets;

namespace TicketSaas.Modules.Tickets.Persistence;

internal class TicketsDbContext : ModuleDbContext
{
    public TicketsDbContext(DbContextOptions<TicketsDbContext> options)
        : base(options)
    {
    }

    protected TicketsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public override string ModuleKey => TicketsModule.ModuleKey;

    public DbSet<TicketGuild> Guilds => Set<TicketGuild>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Panel> Panels => Set<Panel>();

    public DbSet<BlocklistEntry> BlocklistEntries => Set<BlocklistEntry>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketOpening> TicketOpenings => Set<TicketOpening>();

    public DbSet<TicketChore> TicketChores => Set<TicketChore>();

    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TicketGuild>(guild =>
        {
            guild.HasKey(g => g.GuildId);
            guild.Property(g => g.GuildId).ValueGeneratedNever();
            guild.Property(g => g.Version).IsConcurrencyToken();
            guild.HasMany(g => g.Categories).WithOne().HasForeignKey(c => c.GuildId);
            guild.Navigation(g => g.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
            guild.HasMany(g => g.Panels).WithOne().HasForeignKey(p => p.GuildId);
            guild.Navigation(g => g.Panels).UsePropertyAccessMode(PropertyAccessMode.Field);
            guild.Property(g => g.Language).HasMaxLength(8);
            guild.Property(g => g.DeveloperUserIds).HasJsonConversion().HasMaxLength(1000);
        });

        modelBuilder.Entity<Category>(category =>
        {
            category.HasKey(c => c.Id);
            category.Property(c => c.Id).ValueGeneratedNever();
            category.Property(c => c.Name).HasMaxLength(100);
            category.Property(c => c.NamingScheme).HasMaxLength(ThreadNamingScheme.MaxLength);
            category.Property(c => c.StaffRoleIds).HasJsonConversion().HasMaxLength(1000);
            category.Property(c => c.BypassRoleIds).HasJsonConversion().HasMaxLength(1000);
            category.Property(c => c.FormQuestions).HasJsonConversion();
        });

        modelBuilder.Entity<Panel>(panel =>
        {
            panel.HasKey(p => p.Id);
            panel.Property(p => p.Id).ValueGeneratedNever();
            panel.Property(p => p.Title).HasMaxLength(PanelContent.MaxTitleLength);
            panel.Property(p => p.Description).HasMaxLength(PanelContent.MaxDescriptionLength);
            panel.Property(p => p.Style).HasConversion<string>().HasMaxLength(20);
            panel.Property(p => p.CategoryIds).HasJsonConversion().HasMaxLength(1000);
        });

        modelBuilder.Entity<BlocklistEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Target).HasConversion<string>().HasMaxLength(10);
            entry.Property(e => e.Reason).HasMaxLength(BlocklistEntry.MaxReasonLength);
            entry.HasIndex(e => new { e.GuildId, e.Target, e.TargetId });
        });

        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).ValueGeneratedNever();
            ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            ticket.Property(t => t.ThreadName).HasMaxLength(ThreadNamingScheme.MaxLength);
            ticket.Property(t => t.Answers).HasJsonConversion();
            ticket.Property(t => t.OpenerName).HasMaxLength(100);
            ticket.Property(t => t.FormerThreadIds).HasJsonConversion().HasMaxLength(1000);
            ticket.Property(t => t.StaffParticipantIds).HasJsonConversion().HasMaxLength(2000);
            ticket.Property(t => t.CloseReason).HasMaxLength(TicketTexts.MaxReasonLength);
            ticket.Property(t => t.CloseRequestReason).HasMaxLength(TicketTexts.MaxReasonLength);
            ticket.Property(t => t.TimerDisabledReason).HasMaxLength(TicketTexts.MaxReasonLength);
            ticket.Property(t => t.FeedbackRequestFailure).HasMaxLength(300);
            ticket.Ignore(t => t.AllThreadIds);
            ticket.HasIndex(t => new { t.Status, t.InactivityWarningAt });
            ticket.HasIndex(t => new { t.GuildId, t.Number }).IsUnique();
            ticket.HasIndex(t => new { t.GuildId, t.FormNonce }).IsUnique();
            ticket.HasIndex(t => new { t.GuildId, t.OpenerId, t.CategoryId, t.Status });
            ticket.HasIndex(t => t.ThreadId);

            // The staff list: a guild's tickets newest first, unfiltered or by one filter, each read in page order.
            ticket.HasIndex(t => new { t.GuildId, t.CreatedAt, t.Id });
            ticket.HasIndex(t => new { t.GuildId, t.Status, t.CreatedAt, t.Id });
            ticket.HasIndex(t => new { t.GuildId, t.CategoryId, t.CreatedAt, t.Id });
            ticket.HasIndex(t => new { t.GuildId, t.OpenerId, t.CreatedAt, t.Id });
            ticket.HasIndex(t => new { t.GuildId, t.ClaimedBy, t.CreatedAt, t.Id });
        });

        modelBuilder.Entity<TicketOpening>(opening =>
        {
            opening.HasKey(o => o.TicketId);
            opening.HasOne<Ticket>().WithOne().HasForeignKey<TicketOpening>(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
            opening.Property(o => o.InteractionToken).HasMaxLength(500);
            opening.Property(o => o.Language).HasMaxLength(8);
            opening.Property(o => o.LastError).HasMaxLength(500);
            opening.HasIndex(o => o.NextAttemptAt);
        });

        modelBuilder.Entity<TicketCounter>(counter =>
        {
            counter.HasKey(c => c.GuildId);
            counter.Property(c => c.GuildId).ValueGeneratedNever();
        });

        modelBuilder.Entity<TicketChore>(chore =>
        {
            chore.HasKey(c => c.Id);
            chore.Property(c => c.Id).ValueGeneratedOnAdd();
            chore.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
            chore.Property(c => c.Work).HasJsonDocumentConversion();
            chore.Property(c => c.LastError).HasMaxLength(500);
            chore.HasIndex(c => new { c.TicketId, c.Id });
            chore.HasIndex(c => c.NextAttemptAt);
        });
    }
}

/// <summary>The same model on SQLite, with its own migrations.</summary>
internal sealed class TicketsSqliteDbContext(DbContextOptions<TicketsSqliteDbContext> options) : TicketsDbContext(options);

internal sealed class TicketsMySqlDesignTimeFactory() : DesignTimeFactory<TicketsDbContext>(TicketsModule.ModuleKey, DatabaseProvider.MySql);

internal sealed class TicketsSqliteDesignTimeFactory() : DesignTimeFactory<TicketsSqliteDbContext>(TicketsModule.ModuleKey, DatabaseProvider.Sqlite);
