using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Http;

/// <summary>What the pipeline learned about a request, for its handler: body, form, and who is calling.</summary>
internal sealed partial class RequestScope(byte[] body, IFormCollection? form)
{
    public byte[] Body { get; } = body;
    public IFormCollection? Form { get; } = form;
    public BotApplication? Bot { get; set; }
    public (ulong UserId, IReadOnlyCollection<string> Scopes)? OAuthUser { get; set; }

    public BotApplication RequireBot() => Bot ?? throw DiscordApiException.Unauthorized();

    /// <summary>The JSON body, or a multipart request's payload_json; an empty body reads as {}.</summary>
    public JsonNode JsonNodeBody()
    {
        var text = Form is null ? System.Text.Encoding.UTF8.GetString(Body) : Form["payload_json"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) ?? throw InvalidJson();
        }
        catch (JsonException)
        {
            throw InvalidJson();
        }
    }

    public JsonObject JsonBody() => JsonNodeBody() as JsonObject ?? throw new DiscordApiException(400, 50109, "The request body contains invalid JSON.");

    /// <summary>The <c>files[n]</c> parts of a multipart request.</summary>
    public IReadOnlyList<UploadedFile> Files()
    {
        if (Form is null)
        {
            return [];
        }

        var files = new List<UploadedFile>();
        foreach (var file in Form.Files)
        {
            var match = FilePart().Match(file.Name);
            if (!match.Success)
            {
                continue;
            }

            using var stream = new MemoryStream();
            file.CopyTo(stream);
            files.Add(new UploadedFile(int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture), file.FileName, file.ContentType ?? "", stream.ToArray()));
        }

        return files;
    }

    private static DiscordApiException InvalidJson() => new(400, 50109, "The request body contains invalid JSON.");

    [GeneratedRegex(@"^files\[(\d{1,2})\]$")]
    private static partial Regex FilePart();
}

internal static class HttpContextExtensions
{
    public static RequestScope Scope(this HttpContext http) => (RequestScope)http.Items[typeof(RequestScope)]!;

    /// <summary>A snowflake route value; anything else is refused as Discord does ("Value is not snowflake.").</summary>
    public static ulong Snowflake(this HttpContext http, string name)
    {
        var raw = http.Request.RouteValues[name] as string;
        if (ulong.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw NotSnowflake(name, raw);
    }

    public static ulong? QuerySnowflake(this HttpContext http, string name)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        if (ulong.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw NotSnowflake(name, raw);
    }

    public static int QueryInt(this HttpContext http, string name, int fallback, int min, int max)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var errors = new FormErrors();
        errors.Add(name, "NUMBER_TYPE_MAX", $"Must be between {min} and {max}.");
        throw DiscordApiException.InvalidFormBody(errors);
    }

    private static DiscordApiException NotSnowflake(string name, string? raw)
    {
        var errors = new FormErrors();
        errors.Add(name, "NUMBER_TYPE_COERCE", $"Value \"{raw}\" is not snowflake.");
        return DiscordApiException.InvalidFormBody(errors);
    }

    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Content(node.ToJsonString(Renderer.Wire), "application/json", System.Text.Encoding.UTF8, status);
}
