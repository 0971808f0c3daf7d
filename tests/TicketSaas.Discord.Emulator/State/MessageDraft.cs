using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

/// <summary>A file part of a multipart request (<c>files[n]</c>).</summary>
public sealed record UploadedFile(int Index, string FileName, string ContentType, byte[] Content);

/// <summary>The mentions a message's <c>allowed_mentions</c> lets through: kinds parsed wholesale, or listed ids.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles)
{
    public static readonly AllowedMentions All = new(["users", "roles", "everyone"], [], []);
    public static readonly AllowedMentions UsersOnly = new(["users"], [], []);

    public bool AllowsUser(ulong id) => Parse.Contains("users") || Users.Contains(id);

    public bool AllowsRole(ulong id) => Parse.Contains("roles") || Roles.Contains(id);
}

/// <summary>A message body as sent to create or edit endpoints, webhooks and interaction callbacks.</summary>
internal sealed class MessageDraft
{
    public const int IsComponentsV2 = 1 << 15;
    public const int Ephemeral = 1 << 6;
    private const int MaxContentLength = 2000;
    private const int MaxLegacyRows = 5;
    private const int MaxCustomIdLength = 100;

    public MessageDraft(JsonObject body, IReadOnlyList<UploadedFile> files)
    {
        HasContent = JsonFields.Has(body, "content");
        Content = JsonFields.String(body, "content");
        Embeds = JsonFields.Array(body, "embeds");
        Components = JsonFields.Array(body, "components");
        Attachments = JsonFields.Array(body, "attachments");
        Flags = (int?)JsonFields.Integer(body, "flags");
        Nonce = JsonFields.Nonce(body);
        EnforceNonce = JsonFields.Bool(body, "enforce_nonce") ?? false;
        ReferencedMessageId = body["message_reference"] is JsonObject reference ? JsonFields.Snowflake(reference, "message_id") : null;
        AllowedMentions = JsonFields.Object(body, "allowed_mentions") is { } allowed
            ? new AllowedMentions(JsonFields.Strings(allowed, "parse"), JsonFields.Snowflakes(allowed, "users"), JsonFields.Snowflakes(allowed, "roles"))
            : null;
        StickerIds = JsonFields.Snowflakes(body, "sticker_ids");
        Files = files;
    }

    /// <summary>Whether the body names <c>content</c> at all: on edit, <c>"content": null</c> clears it, absence keeps it.</summary>
    public bool HasContent { get; }

    public string? Content { get; }
    public JsonArray? Embeds { get; }
    public JsonArray? Components { get; }
    public JsonArray? Attachments { get; }
    public int? Flags { get; }
    public string? Nonce { get; }
    public bool EnforceNonce { get; }
    public ulong? ReferencedMessageId { get; }
    public IReadOnlyList<ulong> StickerIds { get; }

    /// <summary>Null when the body has none: the default then depends on who posts (see the state's message insert).</summary>
    public AllowedMentions? AllowedMentions { get; }
    public IReadOnlyList<UploadedFile> Files { get; }

    /// <summary>Discord's own limits, which the OpenAPI document does not express (it allows 4,000 characters).</summary>
    public void Check(bool creating)
    {
        var errors = new FormErrors();
        if (Content is { Length: > MaxContentLength })
        {
            errors.Add("content", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContentLength} or fewer in length.");
        }

        if (Components is not null)
        {
            if (((Flags ?? 0) & IsComponentsV2) == 0 && Components.Count > MaxLegacyRows)
            {
                errors.Add("components", "BASE_TYPE_MAX_LENGTH", $"Must be {MaxLegacyRows} or fewer in length.");
            }

            CheckCustomIds(Components, ["components"], new HashSet<string>(StringComparer.Ordinal), errors);
        }

        // Parsing a kind wholesale and listing ids of it contradict each other; an empty list does not (Discord's docs).
        if (AllowedMentions is { } allowed)
        {
            foreach (var (kind, ids) in new[] { ("users", allowed.Users), ("roles", allowed.Roles) })
            {
                if (allowed.Parse.Contains(kind) && ids.Count > 0)
                {
                    errors.Add("allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive.");
                }
            }
        }

        if (!errors.IsEmpty)
        {
            throw DiscordApiException.InvalidFormBody(errors);
        }

        if (creating && string.IsNullOrEmpty(Content) && Embeds is not { Count: > 0 } && Components is not { Count: > 0 } && Files.Count == 0
            && StickerIds.Count == 0)
        {
            throw new DiscordApiException(400, 50006, "Cannot send an empty message");
        }
    }

    private static void CheckCustomIds(JsonArray components, List<string> path, HashSet<string> seen, FormErrors errors)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i] is JsonObject component)
            {
                CheckCustomIds(component, [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], seen, errors);
            }
        }
    }

    private static void CheckCustomIds(JsonObject component, List<string> path, HashSet<string> seen, FormErrors errors)
    {
        if (component["custom_id"] is JsonValue value && value.TryGetValue<string>(out var customId))
        {
            if (customId.Length > MaxCustomIdLength)
            {
                errors.Add([.. path, "custom_id"], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxCustomIdLength} or fewer in length.");
            }
            else if (!seen.Add(customId))
            {
                errors.Add([.. path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
            }
        }

        if (component["components"] is JsonArray children)
        {
            CheckCustomIds(children, [.. path, "components"], seen, errors);
        }

        // Components V2: a section's accessory and a label's component are single children.
        foreach (var single in new[] { "accessory", "component" })
        {
            if (component[single] is JsonObject child)
            {
                CheckCustomIds(child, [.. path, single], seen, errors);
            }
        }
    }
}
