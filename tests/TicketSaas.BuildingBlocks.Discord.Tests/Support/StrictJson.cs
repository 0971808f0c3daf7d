using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TicketSaas.BuildingBlocks.Discord;
using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Tests.Support;

/// <summary>
/// The adapter's serializer with unknown fields disallowed, except the fields below that we deliberately do not
/// model. A field missing from both the model and this list fails the vector tests.
/// </summary>
internal static class StrictJson
{
    /// <summary>(model type, JSON field, why it is not modelled).</summary>
    public static readonly IReadOnlyList<(Type Type, string Field, string Reason)> Ignored =
    [
        (typeof(DiscordUser), "verified", "account detail; needs the email scope, unused"),
        (typeof(DiscordUser), "email", "needs the email scope; we never ask for it"),
        (typeof(DiscordUser), "flags", "private account flags; public_flags is kept"),
        (typeof(DiscordUser), "premium_type", "Nitro tier, unused"),
        (typeof(DiscordUser), "banner", "profile cosmetics, unused"),
        (typeof(DiscordUser), "accent_color", "profile cosmetics, unused"),
        (typeof(DiscordUser), "avatar_decoration_data", "profile cosmetics, unused"),
        (typeof(DiscordUser), "collectibles", "profile cosmetics, unused"),
        (typeof(DiscordUser), "primary_guild", "server tag, unused"),
        (typeof(DiscordMember), "is_pending", "undocumented twin of pending"),
        (typeof(DiscordMember), "banner", "profile cosmetics, unused"),
        (typeof(DiscordRole), "colors", "gradient role colours; color is kept"),
        (typeof(DiscordRole), "description", "undocumented, unused"),
        (typeof(DiscordRole), "icon", "role icon, unused"),
        (typeof(DiscordRole), "unicode_emoji", "role icon, unused"),
        (typeof(DiscordMessage), "mention_channels", "only on crossposts from other guilds; transcripts resolve <#id> themselves"),
        (typeof(DiscordMessage), "interaction", "deprecated by Discord (interaction_metadata)"),
        (typeof(DiscordReaction), "count_details", "super-reaction split; transcripts show the total count"),
        (typeof(DiscordReaction), "me", "whether the bot reacted, unused"),
        (typeof(DiscordReaction), "me_burst", "super-reaction detail, unused"),
        (typeof(DiscordReaction), "burst_colors", "super-reaction detail, unused"),
        (typeof(DiscordAttachment), "placeholder", "thumbhash preview, unused"),
        (typeof(DiscordAttachment), "placeholder_version", "thumbhash preview, unused"),
    ];

    public static JsonSerializerOptions Options { get; } = Create();

    public static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null");

    public static JsonNode Serialize<T>(T value) =>
        JsonSerializer.SerializeToNode(value, DiscordJson.Options) ?? throw new JsonException("null");

    private static JsonSerializerOptions Create()
    {
        var options = DiscordJson.Create();
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipIgnoredFields } };
        return options;
    }

    /// <summary>Adds each ignored field as a property that is read and dropped, so it is not "unmapped".</summary>
    private static void SkipIgnoredFields(JsonTypeInfo typeInfo)
    {
        foreach (var (type, field, _) in Ignored.Where(entry => entry.Type == typeInfo.Type))
        {
            var property = typeInfo.CreateJsonPropertyInfo(typeof(JsonElement), field);
            property.Set = static (_, _) => { };
            typeInfo.Properties.Add(property);
        }
    }

    public static string[] IgnoredFieldsOf(params Type[] types) =>
        Ignored.Where(entry => types.Contains(entry.Type)).Select(entry => entry.Field).Distinct().ToArray();

    /// <summary>
    /// The raw vector without nulls (the adapter omits unset fields) and without the named fields, which the test
    /// picks from <see cref="Ignored"/> for the objects the vector holds.
    /// </summary>
    public static JsonNode Expected(string json, params string[] ignoredFields)
    {
        var node = JsonNode.Parse(json)!;
        Prune(node, ignoredFields.ToHashSet(StringComparer.Ordinal));
        return node;
    }

    private static void Prune(JsonNode? node, HashSet<string> ignored)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null || ignored.Contains(name))
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        Prune(value, ignored);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Prune(item, ignored);
                }

                break;
        }
    }
}
