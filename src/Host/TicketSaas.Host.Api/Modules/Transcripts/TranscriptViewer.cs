using System.Globalization;
using System.Text;
using MediatR;
using TicketSaas.BuildingBlocks.Infrastructure.Modules;
using TicketSaas.Modules.Transcripts;
using TicketSaas.Modules.Transcripts.Features.ViewTranscript;

namespace TicketSaas.Host.Api.Modules.Transcripts;

/// <summary>
/// The transcript viewer at <c>/t/{publicId}</c>, outside the API and apart from the panel's login: access comes from the
/// link, a view token or the short grant a token leaves in a cookie scoped to the one ticket's path, never from the
/// caller's identity (ADR 0011). Pages hold user content, so every response forbids scripts, framing, sniffing and
/// referrers, and a stored file is shown inline only when it is media a browser cannot run.
/// </summary>
internal static class TranscriptViewer
{
    public const string GrantCookie = "transcript_grant";

    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Media types browsers only ever display. SVG is not among them: it is a document that can carry script.</summary>
    private static readonly HashSet<string> InlineMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif",
        "video/mp4", "video/webm", "video/quicktime",
        "audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/flac", "audio/mp4",
    };

    public static void MapTranscriptViewer(this IEndpointRouteBuilder app, ModuleCatalog catalog)
    {
        if (!catalog.Enabled.OfType<TranscriptsModule>().Any())
        {
            return;
        }

        var viewer = app.MapGroup("/t/{publicId}")
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return await next(context);
            });
        viewer.MapGet("/", ViewAsync);
        viewer.MapGet("/files/{**key}", FileAsync);
    }

    /// <param name="close">Read as text: a malformed number is a link to nothing, answered like one rather than with the API's problem JSON.</param>
    private static async Task ViewAsync(string publicId, string? close, string? token, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var sequence = int.TryParse(close, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var view = close is not null && sequence is null
            ? null
            : await mediator.Send(new ViewTranscriptCommand(publicId, sequence, token, http.Request.Cookies[GrantCookie]), ct);
        if (view is null)
        {
            await NotFoundAsync(http.Response, ct);
            return;
        }

        var response = http.Response;
        response.Headers.CacheControl = view.IsPrivate ? "no-store" : "private, no-cache";
        if (view.Grant is { } grant)
        {
            response.Cookies.Append(GrantCookie, grant.Token, new CookieOptions
            {
                Path = PathOf(publicId),
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Expires = grant.ExpiresAt,
            });
        }

        response.ContentType = "text/html; charset=utf-8";
        await using var output = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await view.RenderAsync(output, key => $"{PathOf(publicId)}/files/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}",
            sequence => string.Create(CultureInfo.InvariantCulture, $"{PathOf(publicId)}?close={sequence}"), ct);
    }

    private static async Task<IResult> FileAsync(string publicId, string key, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var file = await mediator.Send(new GetTranscriptFileQuery(publicId, key, http.Request.Cookies[GrantCookie]), ct);
        if (file is null)
        {
            await NotFoundAsync(http.Response, ct);
            return Results.Empty;
        }

        http.Response.Headers.CacheControl = file.IsPrivate ? "no-store" : "private, max-age=3600";
        var mediaType = file.ContentType.Split(';')[0].Trim();
        return InlineMediaTypes.Contains(mediaType)
            ? Results.Stream(file.Content, mediaType, enableRangeProcessing: true)
            : Results.Stream(file.Content, "application/octet-stream", fileDownloadName: file.FileName, enableRangeProcessing: true);
    }

    /// <summary>The same page for a link that never existed, a transcript deleted by retention and one the request may not see.</summary>
    private static async Task NotFoundAsync(HttpResponse response, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Transcript not found</title></head>"
            + "<body><h1>Transcript not found</h1><p>This link is wrong, has expired, or the transcript was deleted.</p></body></html>", ct);
    }

    private static string PathOf(string publicId) => $"/t/{Uri.EscapeDataString(publicId)}";
}
