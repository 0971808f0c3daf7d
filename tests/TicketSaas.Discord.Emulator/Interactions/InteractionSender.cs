using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using TicketSaas.Discord.Emulator.Gateway;
using TicketSaas.Discord.Emulator.Http;
using TicketSaas.Discord.Emulator.State;

namespace TicketSaas.Discord.Emulator.Interactions;

public enum InteractionTransport
{
    Http,
    Gateway,
}

/// <summary>
/// Sends interactions to the application's HTTP interactions endpoint as Discord does (or over the gateway): a JSON POST signed with
/// Ed25519 over timestamp + body (headers X-Signature-Ed25519, X-Signature-Timestamp). The key pair is made per
/// emulator; give <see cref="PublicKeyHex"/> to the application.
/// </summary>
public sealed class InteractionSender : IDisposable
{
    private const int Ping = 1;
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;
    private const int ModalSubmit = 5;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key _key = Key.Create(Ed25519);
    private readonly Key _forger = Key.Create(Ed25519);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly EmulatorState _state;
    private readonly Renderer _renderer;
    private readonly TimeProvider _time;
    private readonly BotApplication _bot;
    private readonly CommandInvocation _commands;

    private readonly GatewayServer _gateway;

    internal InteractionSender(EmulatorState state, Renderer renderer, TimeProvider time, BotApplication bot, Uri? endpoint, GatewayServer gateway)
    {
        _gateway = gateway;
        _state = state;
        _renderer = renderer;
        _time = time;
        _bot = bot;
        _commands = new CommandInvocation(state, renderer);
        Endpoint = endpoint;
        PublicKeyHex = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The application's interactions endpoint URL.</summary>
    public Uri? Endpoint { get; set; }

    public string PublicKeyHex { get; }

    /// <summary>
    /// Gateway sends interactions as INTERACTION_CREATE dispatches instead of POSTs (an application without an
    /// interactions endpoint URL): the delivery then has status 0 and no body, and the application answers through
    /// the callback route.
    /// </summary>
    public InteractionTransport Transport { get; set; } = InteractionTransport.Http;

    public Task<InteractionDelivery> PingAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Envelope(Ping, null, null, null), cancellationToken: cancellationToken);

    public Task<InteractionDelivery> ClickButtonAsync(ulong channelId, ulong messageId, ulong userId, string customId, CancellationToken cancellationToken = default) =>
        SendComponentAsync(channelId, messageId, userId, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, cancellationToken);

    /// <summary>
    /// A member uses a slash command in a channel: the command must be registered for the channel's guild or
    /// globally, and the subcommand and options must be ones it declares, with every required option given.
    /// User, channel, role and mentionable options hold ids; data.resolved gets their entities from the state.
    /// </summary>
    /// <exception cref="InvalidOperationException">Discord's client could not send this invocation.</exception>
    public Task<InteractionDelivery> InvokeCommandAsync(ulong channelId, ulong userId, string commandName, string? subcommand,
        IReadOnlyList<CommandOptionValue> options, CancellationToken cancellationToken = default)
    {
        var payload = Envelope(ApplicationCommand, channelId, userId, null);
        payload["data"] = _commands.Data(_bot.ApplicationId, _state.Channel(channelId)!, userId, commandName, subcommand, options);
        return SendAsync(payload, cancellationToken: cancellationToken);
    }

    /// <summary>A select menu submission; <paramref name="componentType"/> 3 is a string select, 5–8 the user/role/mentionable/channel selects.</summary>
    public Task<InteractionDelivery> SelectAsync(ulong channelId, ulong messageId, ulong userId, string customId, IReadOnlyList<string> values, int componentType = 3, CancellationToken cancellationToken = default) =>
        SendComponentAsync(channelId, messageId, userId, new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = componentType,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        }, cancellationToken);

    public Task<InteractionDelivery> SubmitModalAsync(ulong channelId, ulong userId, string customId, IReadOnlyList<ModalField> fields, ModalShape shape = ModalShape.Label, CancellationToken cancellationToken = default)
    {
        var components = new JsonArray();
        var nextId = 1;
        foreach (var field in fields)
        {
            var input = new JsonObject { ["type"] = field.Values is null ? 4 : 3, ["custom_id"] = field.CustomId };
            if (field.Values is null)
            {
                input["value"] = field.Value ?? "";
            }
            else
            {
                input["values"] = new JsonArray([.. field.Values.Select(v => (JsonNode)v)]);
            }

            if (shape == ModalShape.ActionRow)
            {
                if (field.Values is not null)
                {
                    throw new ArgumentException("A legacy action-row modal holds text inputs only.", nameof(fields));
                }

                components.Add(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(input) });
            }
            else
            {
                var labelId = nextId++;
                input["id"] = nextId++;
                components.Add(new JsonObject { ["type"] = 18, ["id"] = labelId, ["component"] = input });
            }
        }

        var payload = Envelope(ModalSubmit, channelId, userId, new JsonObject { ["custom_id"] = customId, ["components"] = components });
        return SendAsync(payload, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// POSTs an interaction payload built by a helper (or by hand, with id, token, type, channel_id and user in
    /// member.user or user). <paramref name="validSignature"/> false signs with a foreign key, as a forger would.
    /// </summary>
    public async Task<InteractionDelivery> SendAsync(JsonObject payload, bool validSignature = true, CancellationToken cancellationToken = default)
    {
        if (Transport == InteractionTransport.Gateway)
        {
            var dispatched = Register(payload);
            _gateway.Dispatch("INTERACTION_CREATE", payload, dispatched.GuildId);
            return new InteractionDelivery(0, "", TimeSpan.Zero, dispatched, null);
        }

        var endpoint = Endpoint ?? throw new InvalidOperationException("No interactions endpoint is configured.");
        var interaction = Register(payload);
        var body = payload.ToJsonString();
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Ed25519.Sign(validSignature ? _key : _forger, Encoding.UTF8.GetBytes(timestamp + body));

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Discord-Interactions", "1.0"));

        var stopwatch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;

        JsonObject? refusal = null;
        if (response.IsSuccessStatusCode && TryParseObject(answer) is { } callback)
        {
            try
            {
                interaction = _state.Respond(interaction.Id, interaction.Token, callback, []);
            }
            catch (DiscordApiException refused)
            {
                refusal = refused.ToBody();
            }
        }

        return new InteractionDelivery((int)response.StatusCode, answer, elapsed, _state.Interaction(interaction.Id) ?? interaction, refusal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
        _forger.Dispose();
    }

    private Task<InteractionDelivery> SendComponentAsync(ulong channelId, ulong messageId, ulong userId, JsonObject data, CancellationToken cancellationToken)
    {
        var payload = Envelope(MessageComponent, channelId, userId, data);
        var message = _state.Message(channelId, messageId) ?? throw new InvalidOperationException($"No message {messageId} in channel {channelId}.");
        payload["message"] = _renderer.Message(message, _state.Bot(_bot.ApplicationId));
        return SendAsync(payload, cancellationToken: cancellationToken);
    }

    /// <summary>The fields Discord sends with every interaction; guild interactions carry member, DMs carry user.</summary>
    private JsonObject Envelope(int type, ulong? channelId, ulong? userId, JsonObject? data)
    {
        var id = _state.NewId();
        var payload = new JsonObject
        {
            ["id"] = Renderer.Id(id),
            ["application_id"] = Renderer.Id(_bot.ApplicationId),
            ["type"] = type,
            ["token"] = $"aW50ZXJhY3Rpb24{id}{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}",
            ["version"] = 1,
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10 * 1024 * 1024,
        };
        if (data is not null)
        {
            payload["data"] = data;
        }

        if (channelId is not { } cid || userId is not { } uid)
        {
            return payload;
        }

        var channel = _state.Channel(cid) ?? throw new InvalidOperationException($"No channel {cid}.");
        var user = _state.User(uid) ?? throw new InvalidOperationException($"No user {uid}.");
        payload["channel_id"] = Renderer.Id(cid);
        payload["channel"] = _renderer.Channel(channel);
        payload["locale"] = "en-US";
        if (channel.GuildId is { } guildId)
        {
            var member = _state.Member(guildId, uid) ?? throw new InvalidOperationException($"User {uid} is not a member of guild {guildId}.");
            var memberJson = _renderer.Member(member);

            // Both are what the app and the member may do in this channel, overwrites applied (Discord's interaction object).
            memberJson["permissions"] = Renderer.Id(_state.ChannelPermissions(cid, uid));
            payload["app_permissions"] = Renderer.Id(_state.ChannelPermissions(cid, _bot.ApplicationId));
            payload["guild_id"] = Renderer.Id(guildId);
            payload["guild_locale"] = "en-US";
            payload["member"] = memberJson;
            payload["context"] = 0;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = Renderer.Id(guildId) };
        }
        else
        {
            if (!channel.Recipients.Contains(uid))
            {
                throw new InvalidOperationException($"User {uid} is not a recipient of DM {cid}.");
            }

            payload["app_permissions"] = Renderer.Id(Permissions.All);
            payload["user"] = Renderer.User(user);
            payload["context"] = 1;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
        }

        return payload;
    }

    private InteractionRecord Register(JsonObject payload)
    {
        var user = (payload["member"]?["user"] ?? payload["user"]) as JsonObject;
        var record = new InteractionRecord
        {
            Id = ulong.Parse(payload["id"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            Token = payload["token"]!.GetValue<string>(),
            ApplicationId = _bot.ApplicationId,
            Type = payload["type"]!.GetValue<int>(),
            GuildId = payload["guild_id"] is { } guild ? ulong.Parse(guild.GetValue<string>(), CultureInfo.InvariantCulture) : null,
            ChannelId = payload["channel_id"] is { } channel ? ulong.Parse(channel.GetValue<string>(), CultureInfo.InvariantCulture) : 0,
            UserId = user is null ? 0 : ulong.Parse(user["id"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            MessageId = payload["message"]?["id"] is { } message ? ulong.Parse(message.GetValue<string>(), CultureInfo.InvariantCulture) : null,
            CreatedAt = _time.GetUtcNow(),
        };
        _state.RegisterInteraction(record);
        return record;
    }

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
