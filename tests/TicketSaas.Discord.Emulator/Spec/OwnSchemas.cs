using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TicketSaas.Discord.Emulator.Spec;

/// <summary>
/// Requests Discord's OpenAPI document does not describe, checked against schemas written from Discord's docs
/// (topics/oauth2, reference "Image Formatting" and "Signed Attachment CDN URLs"). Each sees the request's
/// parameters as one object of strings: path values, query and form fields.
/// </summary>
public static class OwnSchemas
{
    public const string OAuthAuthorize = "oauth2-authorize";
    public const string OAuthToken = "oauth2-token";
    public const string CdnAttachment = "cdn-attachment";
    public const string CdnAvatar = "cdn-avatar";
    public const string CdnEmoji = "cdn-emoji";
    public const string CdnSticker = "cdn-sticker";

    private const string Snowflake = """{ "type": "string", "pattern": "^(0|[1-9][0-9]*)$" }""";
    private const string ImageSize = """{ "enum": ["16", "20", "22", "24", "28", "32", "40", "44", "48", "56", "60", "64", "80", "96", "100", "128", "160", "240", "256", "300", "320", "480", "512", "600", "640", "1024", "1280", "1536", "2048", "3072", "4096"] }""";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [OAuthAuthorize] = $$"""
            {
              "type": "object",
              "required": ["response_type", "client_id", "scope", "redirect_uri"],
              "properties": {
                "response_type": { "const": "code" },
                "client_id": {{Snowflake}},
                "scope": { "type": "string", "minLength": 1 },
                "redirect_uri": { "type": "string", "pattern": "^https?://" },
                "state": { "type": "string", "maxLength": 1024 },
                "prompt": { "enum": ["consent", "none"] },
                "code_challenge": { "type": "string", "pattern": "^[A-Za-z0-9_-]{43}$" },
                "code_challenge_method": { "const": "S256" },
                "permissions": { "type": "string", "pattern": "^[0-9]+$" },
                "guild_id": {{Snowflake}},
                "disable_guild_select": { "enum": ["true", "false"] },
                "integration_type": { "enum": ["0", "1"] }
              }
            }
            """,
        [OAuthToken] = """
            {
              "type": "object",
              "required": ["grant_type"],
              "properties": {
                "grant_type": { "enum": ["authorization_code", "refresh_token", "client_credentials"] },
                "code": { "type": "string", "minLength": 1 },
                "redirect_uri": { "type": "string" },
                "code_verifier": { "type": "string", "pattern": "^[A-Za-z0-9._~-]{43,128}$" },
                "refresh_token": { "type": "string", "minLength": 1 },
                "client_id": { "type": "string" },
                "client_secret": { "type": "string" },
                "scope": { "type": "string" }
              },
              "oneOf": [
                { "properties": { "grant_type": { "const": "authorization_code" } }, "required": ["code", "redirect_uri"] },
                { "properties": { "grant_type": { "const": "refresh_token" } }, "required": ["refresh_token"] },
                { "properties": { "grant_type": { "const": "client_credentials" } } }
              ]
            }
            """,
        [CdnAttachment] = $$"""
            {
              "type": "object",
              "required": ["channel_id", "attachment_id", "filename", "ex", "is", "hm"],
              "properties": {
                "channel_id": {{Snowflake}},
                "attachment_id": {{Snowflake}},
                "filename": { "type": "string", "minLength": 1 },
                "ex": { "type": "string", "pattern": "^[0-9a-f]{8}$" },
                "is": { "type": "string", "pattern": "^[0-9a-f]{8}$" },
                "hm": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
                "size": {{ImageSize}}
              }
            }
            """,
        [CdnAvatar] = $$"""
            {
              "type": "object",
              "required": ["user_id", "file"],
              "properties": {
                "user_id": {{Snowflake}},
                "file": { "type": "string", "pattern": "^(a_)?[0-9a-f]{32}\\.(png|jpg|jpeg|webp|gif)$" },
                "size": {{ImageSize}}
              }
            }
            """,
        [CdnEmoji] = $$"""
            {
              "type": "object",
              "required": ["file"],
              "properties": {
                "file": { "type": "string", "pattern": "^[0-9]{1,20}\\.(png|jpg|jpeg|webp|gif)$" },
                "size": {{ImageSize}}
              }
            }
            """,
        [CdnSticker] = $$"""
            {
              "type": "object",
              "required": ["file"],
              "properties": {
                "file": { "type": "string", "pattern": "^[0-9]{1,20}\\.(png|gif|json)$" },
                "size": {{ImageSize}}
              }
            }
            """,
    };

    private static readonly Lazy<Dictionary<string, SchemaNode>> Compiled = new(() => Texts.ToDictionary(
        t => t.Key,
        t =>
        {
            using var document = JsonDocument.Parse(t.Value);
            var root = document.RootElement.Clone();
            return new SchemaCompiler(root).Compile(root);
        },
        StringComparer.Ordinal));

    /// <summary>Checks the request's route values, query and (form) fields against the named schema.</summary>
    internal static IReadOnlyList<SpecViolation> Check(string schemaName, HttpRequest request, IFormCollection? form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.RouteValues)
        {
            fields[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        foreach (var (key, value) in request.Query)
        {
            fields[key] = value.ToString();
        }

        foreach (var (key, value) in form ?? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)[])
        {
            fields[key] = value.ToString();
        }

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(fields));
        var errors = Compiled.Value[schemaName].Validate(document.RootElement);
        return errors.Count == 0 ? [] : [new SpecViolation(SpecViolationKind.InvalidParameter, $"{request.Method} {request.Path} does not match the {schemaName} schema", errors)];
    }
}
