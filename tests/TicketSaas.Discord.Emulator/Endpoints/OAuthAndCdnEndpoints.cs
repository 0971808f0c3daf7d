using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.Spec;

namespace TicketSaas.Discord.Emulator.Endpoints;

/// <summary>The OAuth2 authorize page and token endpoint, and the CDN serving attachments, avatars, custom emoji and stickers.</summary>
internal static class OAuthAndCdnEndpoints
{
    private const string NoLongerAvailable = "This content is no longer available.";

    public static void Map(RouteTable routes, EmulatorServices s)
    {
        routes.Outside("GET", "/oauth2/authorize", http => Results.Redirect(s.OAuth.Authorize(http.Request.Query)), OwnSchemas.OAuthAuthorize);

        routes.Api("POST", "/oauth2/token", http =>
        {
            var form = http.Scope().Form ?? throw new OAuthException(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return HttpContextExtensions.Json(s.OAuth.Exchange(form, http.Request.Headers.Authorization.ToString()));
        }, RouteAuth.None, ownSchema: OwnSchemas.OAuthToken);

        routes.Outside("GET", $"/{CdnLinks.BasePath}/attachments/{{channel_id}}/{{attachment_id}}/{{filename}}", http =>
        {
            var values = http.Request.RouteValues;
            var path = $"attachments/{values["channel_id"]}/{values["attachment_id"]}/{values["filename"]}";
            var query = http.Request.Query;
            var signed = s.Cdn.IsValid(path, query["ex"].ToString(), query["is"].ToString(), query["hm"].ToString());
            return Serve(s, path, signed);
        }, OwnSchemas.CdnAttachment);

        routes.Outside("GET", $"/{CdnLinks.BasePath}/avatars/{{user_id}}/{{file}}", http =>
        {
            var values = http.Request.RouteValues;
            var file = (string)values["file"]!;

            // Discord converts between formats; the emulator stores PNG and serves it under any image extension.
            var path = $"avatars/{values["user_id"]}/{Path.GetFileNameWithoutExtension(file)}.png";
            return Serve(s, path, signed: true);
        }, OwnSchemas.CdnAvatar);

        routes.Outside("GET", $"/{CdnLinks.BasePath}/emojis/{{file}}", http => Serve(s, $"emojis/{http.Request.RouteValues["file"]}", signed: true),
            OwnSchemas.CdnEmoji);

        routes.Outside("GET", $"/{CdnLinks.BasePath}/stickers/{{file}}", http => Serve(s, $"stickers/{http.Request.RouteValues["file"]}", signed: true),
            OwnSchemas.CdnSticker);
    }

    private static IResult Serve(EmulatorServices s, string path, bool signed)
    {
        if (s.Faults.ExpiryOf(path) is { } expiry)
        {
            return Results.Text(expiry == CdnExpiry.NotFound ? NoLongerAvailable : "Forbidden", "text/plain", statusCode: (int)expiry);
        }

        if (!signed)
        {
            return Results.Text(NoLongerAvailable, "text/plain", statusCode: 404);
        }

        return s.State.File(path) is { } file ? Results.Bytes(file.Content, file.ContentType) : Results.NotFound();
    }
}
