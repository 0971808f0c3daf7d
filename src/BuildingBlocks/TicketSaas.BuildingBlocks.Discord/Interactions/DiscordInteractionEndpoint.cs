using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Interactions;

/// <summary>Configuration section "Discord" for HTTP interactions.</summary>
public sealed class DiscordInteractionOptions
{
    /// <summary>The application's public key from the Developer Portal (64 hex characters).</summary>
    public string? PublicKey { get; set; }
}

/// <summary>Discord's HTTP interactions: signed POSTs answered with PONG or a handler's response.</summary>
public static class DiscordInteractionEndpoint
{
    /// <summary>Interaction bodies are a few kilobytes; anything far larger is not from Discord.</summary>
    private const int MaxBodyBytes = 1 << 20;

    private static readonly byte[] PongBody = JsonSerializer.SerializeToUtf8Bytes(
        DiscordInteractionResponse.Pong.ToPayload(), DiscordJson.Options);

    /// <summary>Registers the signature check; the host then refuses to start without a valid Discord:PublicKey.</summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration discordSection)
    {
        services.AddOptions<DiscordInteractionOptions>()
            .Bind(discordSection)
            .Validate(options => IsPublicKey(options.PublicKey),
                "Discord:PublicKey must be set to the application's public key (64 hex characters, from the Developer Portal) "
                + "when Discord:Interactions:Enabled is true.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
            InteractionSignatureVerifier.FromHex(provider.GetRequiredService<IOptions<DiscordInteractionOptions>>().Value.PublicKey!));
        return services;
    }

    /// <summary>
    /// Maps POST <paramref name="path"/>: 401 unless the signature verifies (checked before anything is parsed),
    /// PONG to PING, otherwise the first registered <see cref="IDiscordInteractionHandler"/>'s response.
    /// </summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path)
    {
        // Resolved now so a missing or malformed key stops the host at start-up, not at the first interaction.
        var verifier = endpoints.ServiceProvider.GetRequiredService<InteractionSignatureVerifier>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiscordInteractionEndpoint));
        return endpoints.MapPost(path, context => HandleAsync(context, verifier, logger));
    }

    private static bool IsPublicKey(string? hex) =>
        hex is { Length: 64 } && hex.All(char.IsAsciiHexDigit);

    private static async Task HandleAsync(HttpContext context, InteractionSignatureVerifier verifier, ILogger logger)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = context.Request.Headers;
        if (!verifier.Verify(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], body))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        InteractionCreated interaction;
        try
        {
            interaction = InteractionCreated.Parse(body);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "A signed interaction body could not be read");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (interaction.Interaction.Type == InteractionType.Ping)
        {
            await WriteJsonAsync(context.Response, PongBody);
            return;
        }

        if (await InteractionHandlerChain.AnswerAsync(context.RequestServices, interaction, logger, context.RequestAborted) is not { } response)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (response.Files.Count > 0)
        {
            throw new InvalidOperationException(
                "Files cannot ride on the HTTP answer to an interaction: defer, then send them with a follow-up.");
        }

        await WriteJsonAsync(context.Response, JsonSerializer.SerializeToUtf8Bytes(response.ToPayload(), DiscordJson.Options));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteJsonAsync(HttpResponse response, byte[] json)
    {
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json).AsTask();
    }
}
