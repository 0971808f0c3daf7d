using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Transcripts.Features.CaptureTranscript;
using TicketSaas.Modules.Transcripts.Features.CleanUpTranscripts;
using TicketSaas.Modules.Transcripts.Features.EraseUser;
using TicketSaas.Modules.Transcripts.Features.ExportTranscripts;
using TicketSaas.Modules.Transcripts.Features.GetViewerSettings;
using TicketSaas.Modules.Transcripts.Features.IssueViewToken;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;
using TicketSaas.Modules.Transcripts.Features.UpdateViewerSettings;
using TicketSaas.Modules.Transcripts.Features.ViewTranscript;
using TicketSaas.Modules.Transcripts.Infrastructure.Discord;
using TicketSaas.Modules.Transcripts.Persistence;
using TicketSaas.Modules.Transcripts.Storage;

namespace TicketSaas.Modules.Transcripts;

/// <summary>Transcripts, their stored files, viewer settings and retention.</summary>
public sealed class TranscriptsModule : IModule
{
    public const string ModuleKey = "transcripts";

    public string Key => ModuleKey;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(TranscriptsModule).Assembly];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TranscriptsDbContext, TranscriptsSqliteDbContext>(configuration, ModuleKey);
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection("Transcripts:Storage"));
        services.AddSingleton<IFileStorage, FileSystemStorage>();
        services.AddSingleton<TranscriptDocuments>();
        services.AddTranscriptCapture(configuration);
        services.AddTranscriptsDiscord(configuration);
        services.AddScoped<TranscriptGrants>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection("Transcripts:Retention"));
        services.AddHostedService<RetentionCleanUp>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/guilds/{guildId}/transcripts/settings").WithTags("Transcripts: viewer settings");
        GetViewerSettingsEndpoint.Map(settings);
        UpdateViewerSettingsEndpoint.Map(settings);

        var transcripts = api.MapGroup("/guilds/{guildId}/transcripts").WithTags("Transcripts");
        SearchTranscriptsEndpoint.Map(transcripts);
        ExportTranscriptsEndpoint.Map(transcripts);
        IssueViewTokenEndpoint.Map(transcripts);
        EraseUserEndpoint.Map(transcripts);
    }
}
