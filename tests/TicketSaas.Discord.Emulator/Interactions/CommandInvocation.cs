using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Interactions;

/// <summary>
/// A slash command's interaction data, as Discord's client builds it from what a member typed. What the client
/// could not send is refused with <see cref="InvalidOperationException"/>: a command the application has not
/// registered where it is used, a subcommand or option the command does not declare, a missing required option,
/// or a value the option's definition rules out (choices, lengths, bounds, channel types).
/// </summary>
internal sealed class CommandInvocation(EmulatorState state, Renderer renderer)
{
    private const int ChatInput = 1;
    private const int GuildContext = 0;
    private const int BotDmContext = 1;

    public JsonObject Data(ulong applicationId, DiscordChannel channel, ulong userId, string commandName, string? subcommand,
        IReadOnlyList<CommandOptionValue> options)
    {
        var command = Find(applicationId, channel, commandName);
        var declared = Declared(command.Definition);
        var leaf = declared;
        if (subcommand is not null)
        {
            var sub = declared.FirstOrDefault(o => TypeOf(o) == CommandOptionType.SubCommand && NameOf(o) == subcommand)
                ?? throw new InvalidOperationException($"/{commandName} declares no subcommand '{subcommand}' ({Listed(declared)}).");
            leaf = Declared(sub);
        }
        else if (declared.Any(o => TypeOf(o) is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup))
        {
            throw new InvalidOperationException($"/{commandName} is used through its subcommands ({Listed(declared)}); name one.");
        }

        var usage = subcommand is null ? $"/{commandName}" : $"/{commandName} {subcommand}";
        var resolved = new Resolved(state, renderer, channel, userId);
        var given = new JsonArray();
        foreach (var option in options)
        {
            var definition = leaf.FirstOrDefault(o => NameOf(o) == option.Name)
                ?? throw new InvalidOperationException($"{usage} declares no option '{option.Name}' ({Listed(leaf)}).");
            if (TypeOf(definition) != option.Type)
            {
                throw new InvalidOperationException($"{usage}: option '{option.Name}' is declared as {TypeOf(definition)}, not {option.Type}.");
            }

            if (given.Any(g => g!["name"]!.GetValue<string>() == option.Name))
            {
                throw new InvalidOperationException($"{usage}: option '{option.Name}' is given twice.");
            }

            given.Add(new JsonObject { ["name"] = option.Name, ["type"] = (int)option.Type, ["value"] = Value(usage, option, definition, resolved) });
        }

        var missing = leaf.Where(o => o["required"]?.GetValueKind() == JsonValueKind.True && options.All(g => g.Name != NameOf(o))).Select(NameOf).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{usage}: required option(s) {string.Join(", ", missing)} missing.");
        }

        var data = new JsonObject { ["id"] = Renderer.Id(command.Id), ["name"] = commandName, ["type"] = ChatInput };
        if (subcommand is not null)
        {
            data["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = (int)CommandOptionType.SubCommand, ["options"] = given });
        }
        else if (given.Count > 0)
        {
            data["options"] = given;
        }

        if (resolved.ToJson() is { } entities)
        {
            data["resolved"] = entities;
        }

        if (command.GuildId is { } guildId)
        {
            data["guild_id"] = Renderer.Id(guildId);
        }

        return data;
    }

    /// <summary>
    /// The channel's guild's command of that name, else the global one. A global command reaches only the contexts
    /// it allows: "contexts" when set, else "dm_permission" for DMs.
    /// </summary>
    private ApplicationCommand Find(ulong applicationId, DiscordChannel channel, string name)
    {
        var guildCommands = channel.GuildId is { } guildId ? state.GuildCommands(applicationId, guildId) : [];
        var command = guildCommands.Concat(state.Commands(applicationId))
            .FirstOrDefault(c => NameOf(c.Definition) == name && (IntegerOf(c.Definition, "type") ?? ChatInput) == ChatInput)
            ?? throw new InvalidOperationException(channel.GuildId is null
                ? $"The application has registered no global command /{name}; guild commands cannot be used in a DM."
                : $"The application has registered no command /{name}, neither globally nor for guild {channel.GuildId}.");

        var context = channel.GuildId is null ? BotDmContext : GuildContext;
        var allowed = command.GuildId is not null
            || (command.Definition["contexts"] is JsonArray contexts
                ? contexts.Any(c => c?.GetValueKind() == JsonValueKind.Number && c.GetValue<int>() == context)
                : context == GuildContext || command.Definition["dm_permission"]?.GetValueKind() != JsonValueKind.False);
        return allowed ? command : throw new InvalidOperationException(
            $"/{name} is not available in {(context == GuildContext ? "guilds" : "DMs with the bot")} (see its contexts).");
    }

    private static JsonNode Value(string usage, CommandOptionValue option, JsonObject definition, Resolved resolved)
    {
        var where = $"{usage}: option '{option.Name}'";
        JsonNode value = (option.Type, option.Value) switch
        {
            (CommandOptionType.String, string text) => CheckLength(where, definition, text),
            (CommandOptionType.Integer, long or int) => Bounded(where, definition, Convert.ToInt64(option.Value, CultureInfo.InvariantCulture)),
            (CommandOptionType.Number, double or long or int) => Bounded(where, definition, Convert.ToDouble(option.Value, CultureInfo.InvariantCulture)),
            (CommandOptionType.Boolean, bool flag) => flag,
            (CommandOptionType.User, ulong id) => Renderer.Id(resolved.User(where, id)),
            (CommandOptionType.Channel, ulong id) => Renderer.Id(resolved.Channel(where, id, ChannelTypes(definition))),
            (CommandOptionType.Role, ulong id) => Renderer.Id(resolved.Role(where, id)),
            (CommandOptionType.Mentionable, ulong id) => Renderer.Id(resolved.Mentionable(where, id)),
            _ => throw new ArgumentException($"{where}: a {option.Type} option cannot be sent with a {option.Value.GetType().Name} value.", nameof(option)),
        };

        if (definition["choices"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c?["value"], value)))
        {
            throw new InvalidOperationException($"{where}: {value.ToJsonString()} is not one of its choices.");
        }

        return value;
    }

    private static string CheckLength(string where, JsonObject definition, string text)
    {
        var length = text.EnumerateRunes().Count();
        if (length < (IntegerOf(definition, "min_length") ?? 0) || length > (IntegerOf(definition, "max_length") ?? 6000))
        {
            throw new InvalidOperationException($"{where}: {length} characters are outside its min_length/max_length.");
        }

        return text;
    }

    private static T Bounded<T>(string where, JsonObject definition, T number)
        where T : struct, IComparable<T>
    {
        var min = definition["min_value"];
        var max = definition["max_value"];
        var below = min is not null && number.CompareTo(min.GetValue<T>()) < 0;
        var above = max is not null && number.CompareTo(max.GetValue<T>()) > 0;
        return below || above ? throw new InvalidOperationException($"{where}: {number} is outside its min_value/max_value.") : number;
    }

    private static IReadOnlyList<ChannelType>? ChannelTypes(JsonObject definition) =>
        definition["channel_types"] is JsonArray types ? [.. types.Select(t => (ChannelType)t!.GetValue<int>())] : null;

    private static IReadOnlyList<JsonObject> Declared(JsonObject definition) =>
        definition["options"] is JsonArray options ? [.. options.OfType<JsonObject>()] : [];

    private static string Listed(IReadOnlyList<JsonObject> declared) =>
        declared.Count == 0 ? "it declares none" : string.Join(", ", declared.Select(NameOf));

    private static string NameOf(JsonObject definition) => definition["name"]?.GetValue<string>() ?? "";

    private static CommandOptionType TypeOf(JsonObject option) => (CommandOptionType)(IntegerOf(option, "type") ?? 0);

    /// <summary>Discord takes a string of digits where it documents an integer, so definitions may hold either.</summary>
    private static int? IntegerOf(JsonObject definition, string name) => definition[name] switch
    {
        JsonValue number when number.GetValueKind() == JsonValueKind.Number => number.GetValue<int>(),
        JsonValue text when text.GetValueKind() == JsonValueKind.String && int.TryParse(text.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// data.resolved: the users (with their partial members in a guild), channels and roles the options name, read
    /// from the emulator's state with the permissions Discord computes for the interaction's channel.
    /// </summary>
    private sealed class Resolved(EmulatorState state, Renderer renderer, DiscordChannel channel, ulong userId)
    {
        private readonly JsonObject _users = [];
        private readonly JsonObject _members = [];
        private readonly JsonObject _channels = [];
        private readonly JsonObject _roles = [];

        public ulong User(string where, ulong id)
        {
            var user = state.User(id) ?? throw new InvalidOperationException($"{where}: no user {id}.");
            _users[Renderer.Id(id)] = Renderer.User(user);
            if (channel.GuildId is { } guildId && state.Member(guildId, id) is { } member)
            {
                // Resolved members are partial: their user is under "users", and they carry no voice state.
                var json = renderer.Member(member);
                json.Remove("user");
                json.Remove("deaf");
                json.Remove("mute");
                json["permissions"] = Renderer.Id(state.ChannelPermissions(channel.Id, id));
                _members[Renderer.Id(id)] = json;
            }

            return id;
        }

        public ulong Channel(string where, ulong id, IReadOnlyList<ChannelType>? allowedTypes)
        {
            var picked = state.Channel(id) is { } c && (c.Id == channel.Id || (c.GuildId is not null && c.GuildId == channel.GuildId))
                ? c : throw new InvalidOperationException($"{where}: no channel {id} where the command is used.");
            if (allowedTypes is not null && !allowedTypes.Contains(picked.Type))
            {
                throw new InvalidOperationException($"{where}: a {picked.Type} channel is not among its channel_types.");
            }

            var json = new JsonObject { ["id"] = Renderer.Id(id), ["name"] = picked.Name, ["type"] = (int)picked.Type };
            if (picked.GuildId is not null)
            {
                json["permissions"] = Renderer.Id(state.ChannelPermissions(id, userId));
            }

            if (picked.IsThread)
            {
                var thread = renderer.Channel(picked);
                json["thread_metadata"] = thread["thread_metadata"]!.DeepClone();
                json["parent_id"] = thread["parent_id"]!.DeepClone();
            }

            _channels[Renderer.Id(id)] = json;
            return id;
        }

        public ulong Role(string where, ulong id)
        {
            var role = (channel.GuildId is { } guildId ? state.Roles(guildId) : []).FirstOrDefault(r => r.Id == id)
                ?? throw new InvalidOperationException($"{where}: no role {id} in the guild where the command is used.");
            _roles[Renderer.Id(id)] = Renderer.Role(role);
            return id;
        }

        /// <summary>A user when the id is one, else a role.</summary>
        public ulong Mentionable(string where, ulong id) => state.User(id) is not null ? User(where, id) : Role(where, id);

        public JsonObject? ToJson()
        {
            var json = new JsonObject();
            foreach (var (name, entities) in new[] { ("users", _users), ("members", _members), ("channels", _channels), ("roles", _roles) })
            {
                if (entities.Count > 0)
                {
                    json[name] = entities;
                }
            }

            return json.Count == 0 ? null : json;
        }
    }
}
