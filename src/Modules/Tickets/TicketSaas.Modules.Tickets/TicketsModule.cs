using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Tickets.Configuration;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Desk;
using TicketSaas.Modules.Tickets.Domain.Tickets;
using TicketSaas.Modules.Tickets.Features.AddBlocklistEntry;
using TicketSaas.Modules.Tickets.Features.BulkCloseTickets;
using TicketSaas.Modules.Tickets.Features.ClaimTicket;
using TicketSaas.Modules.Tickets.Features.CloseTicket;
using TicketSaas.Modules.Tickets.Features.GetTicket;
using TicketSaas.Modules.Tickets.Features.GetTickets;
using TicketSaas.Modules.Tickets.Features.GetResponseTimes;
using TicketSaas.Modules.Tickets.Features.GetTicketRatings;
using TicketSaas.Modules.Tickets.Features.GetTicketStatusCounts;
using TicketSaas.Modules.Tickets.Features.GetTicketVolume;
using TicketSaas.Modules.Tickets.Features.InactivityTimer;
using TicketSaas.Modules.Tickets.Features.MoveTicket;
using TicketSaas.Modules.Tickets.Features.ReopenTicket;
using TicketSaas.Modules.Tickets.Features.RenameTicket;
using TicketSaas.Modules.Tickets.Features.RequestClose;
using TicketSaas.Modules.Tickets.Features.TicketMembers;
using TicketSaas.Modules.Tickets.Features.CreateCategory;
using TicketSaas.Modules.Tickets.Features.CreatePanel;
using TicketSaas.Modules.Tickets.Features.DeleteCategory;
using TicketSaas.Modules.Tickets.Features.DeletePanel;
using TicketSaas.Modules.Tickets.Features.GetBlocklist;
using TicketSaas.Modules.Tickets.Features.GetCategories;
using TicketSaas.Modules.Tickets.Features.GetCategory;
using TicketSaas.Modules.Tickets.Features.GetGuildSettings;
using TicketSaas.Modules.Tickets.Features.GetPanels;
using TicketSaas.Modules.Tickets.Features.OpenTicket;
using TicketSaas.Modules.Tickets.Features.PublishPanel;
using TicketSaas.Modules.Tickets.Features.RemoveBlocklistEntry;
using TicketSaas.Modules.Tickets.Features.UpdateCategory;
using TicketSaas.Modules.Tickets.Features.UpdateGuildSettings;
using TicketSaas.Modules.Tickets.Features.UpdatePanel;
using TicketSaas.Modules.Tickets.Infrastructure.Discord;
using TicketSaas.Modules.Tickets.Persistence;

namespace TicketSaas.Modules.Tickets;

/// <summary>Panels, categories, tickets and their lifecycle.</summary>
public sealed class TicketsModule : IModule
{
    public const string ModuleKey = "tickets";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(TicketsModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TicketsDbContext, TicketsSqliteDbContext>(configuration, ModuleKey);
        services.AddSingleton<GuildConfigurations>();
        services.AddScoped<IProcessWideEventHandler<GuildConfigurationChangedIntegrationEvent>, ForgetChangedGuildConfiguration>();
        services.AddScoped<TicketIntake>();
        services.AddScoped<TicketDesk>();
        services.AddScoped<TicketCloser>();
        services.AddSingleton<WorkSignal<TicketChore>>();
        services.AddSingleton<WorkSignal<TicketOpening>>();
        services.AddTicketsDiscord(configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var categories = api.MapGroup("/guilds/{guildId}/categories").WithTags("Tickets: categories");
        CreateCategoryEndpoint.Map(categories);
        GetCategoriesEndpoint.Map(categories);
        GetCategoryEndpoint.Map(categories);
        UpdateCategoryEndpoint.Map(categories);
        DeleteCategoryEndpoint.Map(categories);

        var panels = api.MapGroup("/guilds/{guildId}/panels").WithTags("Tickets: panels");
        CreatePanelEndpoint.Map(panels);
        GetPanelsEndpoint.Map(panels);
        UpdatePanelEndpoint.Map(panels);
        PublishPanelEndpoint.Map(panels);
        DeletePanelEndpoint.Map(panels);

        var blocklist = api.MapGroup("/guilds/{guildId}/blocklist").WithTags("Tickets: blocklist");
        AddBlocklistEntryEndpoint.Map(blocklist);
        GetBlocklistEndpoint.Map(blocklist);
        RemoveBlocklistEntryEndpoint.Map(blocklist);

        var tickets = api.MapGroup("/guilds/{guildId}/tickets").WithTags("Tickets: tickets");
        GetTicketsEndpoint.Map(tickets);
        GetTicketEndpoint.Map(tickets);
        BulkCloseTicketsEndpoint.Map(tickets);
        ClaimTicketEndpoints.Map(tickets);
        CloseTicketEndpoint.Map(tickets);
        RequestCloseEndpoint.Map(tickets);
        ReopenTicketEndpoint.Map(tickets);
        RenameTicketEndpoint.Map(tickets);
        MoveTicketEndpoint.Map(tickets);
        TicketMembersEndpoints.Map(tickets);
        InactivityTimerEndpoint.Map(tickets);

        var statistics = api.MapGroup("/guilds/{guildId}/tickets/statistics").WithTags("Tickets: statistics");
        GetTicketVolumeEndpoint.Map(statistics);
        GetTicketStatusCountsEndpoint.Map(statistics);
        GetResponseTimesEndpoint.Map(statistics);
        GetTicketRatingsEndpoint.Map(statistics);

        var settings = api.MapGroup("/guilds/{guildId}/settings").WithTags("Tickets: guild settings");
        GetGuildSettingsEndpoint.Map(settings);
        UpdateGuildSettingsEndpoint.Map(settings);
    }
}
