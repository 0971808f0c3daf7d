using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.BuildingBlocks.Infrastructure.Persistence;
using TicketSaas.Modules.Transcripts.Features.GetViewerSettings;
using TicketSaas.Modules.Transcripts.Features.UpdateViewerSettings;
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
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/guilds/{guildId}/transcripts/settings").WithTags("Transcripts: viewer settings");
        GetViewerSettingsEndpoint.Map(settings);
        UpdateViewerSettingsEndpoint.Map(settings);
    }
}
