using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TicketSaas.Discord.Emulator.Http;

namespace TicketSaas.Discord.Emulator.State;

/// <summary>
/// Everything the emulated Discord knows, in memory. One lock guards it all: tests need correctness under
/// concurrent clients far more than throughput. Seeding methods are public; the endpoints use the internal ones.
/// </summary>
public sealed partial class EmulatorState
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Snowflakes _ids;
    private readonly TimeSpan _nonceWindow;

    private readonly Dictionary<ulong, DiscordUser> _users = [];
    private readonly Dictionary<ulong, BotApplication> _bots = [];
    private readonly Dictionary<ulong, DiscordGuild> _guilds = [];
    private readonly Dictionary<ulong, DiscordRole> _roles = [];
    private readonly Dictionary<(ulong Guild, ulong User), GuildMember> _members = [];
    private readonly Dictionary<ulong, DiscordChannel> _channels = [];
    private readonly Dictionary<ulong, Dictionary<ulong, DateTimeOffset>> _threadMembers = [];
    private readonly Dictionary<ulong, SortedList<ulong, DiscordMessage>> _messages = [];
    private readonly Dictionary<(ulong Channel, ulong Author, string Nonce), ulong> _nonces = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, Sticker> _stickers = [];
    private readonly Dictionary<ulong, InteractionRecord> _interactions = [];
    private readonly Dictionary<(ulong Application, ulong? Guild), List<ApplicationCommand>> _commands = [];

    internal EmulatorState(TimeProvider time, TimeSpan nonceWindow)
    {
        _time = time;
        _ids = new Snowflakes(time);
        _nonceWindow = nonceWindow;
    }

    public ulong NewId() => _ids.Next();

    /// <summary>Raised under the state's lock when a message is stored: listeners only queue work.</summary>
    internal event Action<DiscordMessage>? MessageStored;

    /// <summary>Raised under the state's lock when a channel or thread is modified.</summary>
    internal event Action<DiscordChannel>? ChannelModified;

    /// <summary>
    /// Raised under the state's lock for the channel or thread someone deleted, and not for the threads that went
    /// with a deleted channel: Discord sends no THREAD_DELETE for those.
    /// </summary>
    internal event Action<DiscordChannel>? ChannelDeleted;

    // ---- seeding ----

    public DiscordUser AddUser(string username, bool acceptsDirectMessages = true, byte[]? avatarPng = null)
    {
        var id = NewId();
        string? avatarHash = null;
        lock (_lock)
        {
            if (avatarPng is not null)
            {
                avatarHash = Convert.ToHexStringLower(MD5.HashData(avatarPng));
                _files[$"avatars/{id}/{avatarHash}.png"] = new StoredFile(avatarPng, "image/png");
            }

            var user = new DiscordUser(id, username, username, IsBot: false, avatarHash, acceptsDirectMessages);
            _users[id] = user;
            return user;
        }
    }

    /// <summary>A custom emoji: members write it as &lt;:name:id&gt; (&lt;a:name:id&gt; when animated), the CDN serves its image.</summary>
    public ulong AddCustomEmoji(byte[] image, bool animated = false)
    {
        var id = NewId();
        lock (_lock)
        {
            _files[$"emojis/{id}.{(animated ? "gif" : "png")}"] = new StoredFile(image, animated ? "image/gif" : "image/png");
        }

        return id;
    }

    /// <summary>Adds a bot identity (a white-label guild brings its own). Its token authenticates as "Bot {token}".</summary>
    /// <summary>A sticker members can send (<c>sticker_ids</c>); the CDN serves <paramref name="image"/> as its file.</summary>
    public Sticker AddSticker(string name, StickerFormat format, byte[] image)
    {
        var sticker = new Sticker(NewId(), name, format);
        lock (_lock)
        {
            _stickers[sticker.Id] = sticker;
            _files[sticker.CdnPath] = new StoredFile(image, format switch
            {
                StickerFormat.Gif => "image/gif",
                StickerFormat.Lottie => "application/json",
                _ => "image/png",
            });
        }

        return sticker;
    }

    public BotApplication AddBot(string name, string? token = null, bool hasMessageContentIntent = false, bool hasGuildMembersIntent = true)
    {
        var id = NewId();
        var bot = new BotApplication(id, token ?? $"{id}.emulated.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}", name, hasMessageContentIntent, hasGuildMembersIntent);
        lock (_lock)
        {
            if (_bots.Values.Any(b => b.Token == bot.Token))
            {
                throw new InvalidOperationException("Another bot already uses this token.");
            }

            _bots[id] = bot;
            _users[id] = new DiscordUser(id, name, null, IsBot: true, null, AcceptsDirectMessages: false);
            return bot;
        }
    }

    /// <summary>Changes whether a bot holds the privileged MESSAGE_CONTENT intent (it takes effect on the next read).</summary>
    public void SetMessageContentIntent(ulong applicationId, bool enabled)
    {
        lock (_lock)
        {
            _bots[applicationId] = Bot(applicationId) with { HasMessageContentIntent = enabled };
        }
    }

    /// <summary>A guild with its @everyone role; its owner becomes a member, and so does each bot given.</summary>
    public DiscordGuild AddGuild(string name, ulong ownerId, params BotApplication[] bots)
    {
        var id = NewId();
        lock (_lock)
        {
            RequireUser(ownerId);
            var guild = new DiscordGuild(id, name, ownerId);
            _guilds[id] = guild;
            _roles[id] = new DiscordRole(id, id, "@everyone", Permissions.EveryoneDefault, 0, Mentionable: false);
            AddMemberLocked(id, ownerId, []);
            foreach (var bot in bots)
            {
                AddMemberLocked(id, bot.ApplicationId, []);
            }

            return guild;
        }
    }

    public DiscordRole AddRole(ulong guildId, string name, ulong permissions = 0, bool mentionable = false)
    {
        var id = NewId();
        lock (_lock)
        {
            RequireGuild(guildId);
            var role = new DiscordRole(id, guildId, name, permissions, _roles.Values.Count(r => r.GuildId == guildId), mentionable);
            _roles[id] = role;
            return role;
        }
    }

    public GuildMember AddMember(ulong guildId, ulong userId, params ulong[] roleIds)
    {
        lock (_lock)
        {
            RequireGuild(guildId);
            RequireUser(userId);
            RequireRoles(guildId, roleIds);
            return AddMemberLocked(guildId, userId, roleIds);
        }
    }

    /// <summary>Replaces a member's roles (a bot's too: <see cref="AddGuild"/> makes its bots members without roles).</summary>
    public GuildMember SetMemberRoles(ulong guildId, ulong userId, params ulong[] roleIds)
    {
        lock (_lock)
        {
            var member = _members.TryGetValue((guildId, userId), out var m) ? m : throw new InvalidOperationException($"{userId} is not a member of guild {guildId}.");
            RequireRoles(guildId, roleIds);
            member = member with { RoleIds = roleIds };
            _members[(guildId, userId)] = member;
            return member;
        }
    }

    /// <summary>Sets (replaces) the channel's overwrite for a role or member, as Discord's PUT /channels/{id}/permissions/{target} does.</summary>
    public DiscordChannel SetPermissionOverwrite(ulong channelId, ulong targetId, OverwriteType type, ulong allow, ulong deny)
    {
        lock (_lock)
        {
            var channel = _channels.TryGetValue(channelId, out var c) && c.GuildId is not null && !c.IsThread
                ? c : throw new InvalidOperationException($"{channelId} is not a guild channel (threads take their parent's overwrites).");
            var known = type == OverwriteType.Role ? _roles.TryGetValue(targetId, out var role) && role.GuildId == channel.GuildId : _members.ContainsKey((channel.GuildId!.Value, targetId));
            if (!known)
            {
                throw new InvalidOperationException($"{targetId} is not a {type.ToString().ToLowerInvariant()} of guild {channel.GuildId}.");
            }

            channel = channel with { PermissionOverwrites = [.. channel.PermissionOverwrites.Where(o => o.Id != targetId), new PermissionOverwrite(targetId, type, allow, deny)] };
            _channels[channelId] = channel;
            return channel;
        }
    }

    public void RemoveMember(ulong guildId, ulong userId)
    {
        lock (_lock)
        {
            _members.Remove((guildId, userId));
        }
    }

    public DiscordChannel AddCategory(ulong guildId, string name) => AddGuildChannel(guildId, ChannelType.GuildCategory, name, null, botCanView: true);

    /// <param name="botCanView">False denies VIEW_CHANNEL to the guild's bots by member overwrites: Discord answers them 50001 Missing Access.</param>
    public DiscordChannel AddTextChannel(ulong guildId, string name, ulong? categoryId = null, bool botCanView = true) =>
        AddGuildChannel(guildId, ChannelType.GuildText, name, categoryId, botCanView);

    /// <summary>A message written by a person (or anyone other than the bot), e.g. a ticket opener's reply.</summary>
    public DiscordMessage PostUserMessage(ulong channelId, ulong authorId, string content, params UploadedFile[] files)
    {
        lock (_lock)
        {
            RequireUser(authorId);
            var channel = _channels.TryGetValue(channelId, out var c) ? c : throw new InvalidOperationException($"No channel {channelId}.");
            return InsertMessageLocked(channel, authorId, new MessageDraft(new() { ["content"] = content }, files), webhookId: null, interaction: null);
        }
    }

    /// <summary>A message of stickers only, as a member sends from the sticker picker.</summary>
    public DiscordMessage PostUserStickers(ulong channelId, ulong authorId, params Sticker[] stickers)
    {
        lock (_lock)
        {
            RequireUser(authorId);
            var channel = _channels.TryGetValue(channelId, out var c) ? c : throw new InvalidOperationException($"No channel {channelId}.");
            var body = new JsonObject { ["sticker_ids"] = new JsonArray([.. stickers.Select(s => (JsonNode)s.Id.ToString(CultureInfo.InvariantCulture))]) };
            return InsertMessageLocked(channel, authorId, new MessageDraft(body, []), webhookId: null, interaction: null);
        }
    }

    /// <summary>Deletes a message as a moderator would: afterwards Discord answers 10008 Unknown Message for it.</summary>
    public void DeleteMessage(ulong channelId, ulong messageId)
    {
        lock (_lock)
        {
            if (_messages.GetValueOrDefault(channelId)?.Remove(messageId) != true)
            {
                throw new InvalidOperationException($"No message {messageId} in channel {channelId}.");
            }
        }
    }

    /// <summary>Deletes a channel or thread as a moderator would (a channel's threads go with it): afterwards Discord answers 10003 Unknown Channel.</summary>
    public void DeleteChannel(ulong channelId)
    {
        lock (_lock)
        {
            var channel = _channels.TryGetValue(channelId, out var c) ? c : throw new InvalidOperationException($"No channel {channelId}.");
            DeleteChannelLocked(channelId);
            ChannelDeleted?.Invoke(channel);
        }
    }

    // ---- reading ----

    public BotApplication Bot(ulong applicationId)
    {
        lock (_lock)
        {
            return _bots.TryGetValue(applicationId, out var bot) ? bot : throw new InvalidOperationException($"No bot {applicationId}.");
        }
    }

    public DiscordUser? User(ulong id)
    {
        lock (_lock)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    public DiscordGuild? Guild(ulong id)
    {
        lock (_lock)
        {
            return _guilds.GetValueOrDefault(id);
        }
    }

    public DiscordChannel? Channel(ulong id)
    {
        lock (_lock)
        {
            return _channels.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<DiscordChannel> Threads(ulong parentId)
    {
        lock (_lock)
        {
            return [.. _channels.Values.Where(c => c.IsThread && c.ParentId == parentId).OrderBy(c => c.Id)];
        }
    }

    public IReadOnlyList<ulong> ThreadMembers(ulong threadId)
    {
        lock (_lock)
        {
            return _threadMembers.TryGetValue(threadId, out var members) ? [.. members.Keys.Order()] : [];
        }
    }

    public GuildMember? Member(ulong guildId, ulong userId)
    {
        lock (_lock)
        {
            return _members.GetValueOrDefault((guildId, userId));
        }
    }

    public IReadOnlyList<DiscordRole> Roles(ulong guildId)
    {
        lock (_lock)
        {
            return [.. _roles.Values.Where(r => r.GuildId == guildId).OrderBy(r => r.Position)];
        }
    }

    /// <summary>Every message of a channel, oldest first, ephemeral replies included (channel reads leave those out).</summary>
    public IReadOnlyList<DiscordMessage> Messages(ulong channelId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue(channelId, out var list) ? [.. list.Values] : [];
        }
    }

    public DiscordMessage? Message(ulong channelId, ulong messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue(channelId, out var list) ? list.GetValueOrDefault(messageId) : null;
        }
    }

    public InteractionRecord? Interaction(ulong id)
    {
        lock (_lock)
        {
            return _interactions.GetValueOrDefault(id);
        }
    }

    /// <summary>The application's global commands.</summary>
    public IReadOnlyList<ApplicationCommand> Commands(ulong applicationId)
    {
        lock (_lock)
        {
            return _commands.TryGetValue((applicationId, null), out var list) ? [.. list] : [];
        }
    }

    /// <summary>The application's commands registered for one guild.</summary>
    public IReadOnlyList<ApplicationCommand> GuildCommands(ulong applicationId, ulong guildId)
    {
        lock (_lock)
        {
            return _commands.TryGetValue((applicationId, guildId), out var list) ? [.. list] : [];
        }
    }

    public Sticker? Sticker(ulong id)
    {
        lock (_lock)
        {
            return _stickers.GetValueOrDefault(id);
        }
    }

    public StoredFile? File(string cdnPath)
    {
        lock (_lock)
        {
            return _files.GetValueOrDefault(cdnPath);
        }
    }

    /// <summary>The member's permissions in the guild: owner and ADMINISTRATOR hold all, otherwise @everyone plus roles.</summary>
    public ulong GuildPermissions(ulong guildId, ulong userId)
    {
        lock (_lock)
        {
            return GuildPermissionsLocked(guildId, userId);
        }
    }

    /// <summary>The member's permissions in a guild channel or thread, computed as Discord does (0 for a non-member).</summary>
    public ulong ChannelPermissions(ulong channelId, ulong userId)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channelId, out var channel) && channel.GuildId is not null
                ? ChannelPermissionsLocked(channel, userId)
                : throw new InvalidOperationException($"{channelId} is not a guild channel.");
        }
    }

    internal BotApplication? FindBot(ulong applicationId)
    {
        lock (_lock)
        {
            return _bots.GetValueOrDefault(applicationId);
        }
    }

    /// <summary>
    /// Bulk overwrite of the global commands (<paramref name="guildId"/> null) or of one guild's: the given commands
    /// replace all of that scope; a command keeps its id when its name and type stay.
    /// </summary>
    internal IReadOnlyList<ApplicationCommand> OverwriteCommands(ulong applicationId, ulong? guildId, IReadOnlyList<System.Text.Json.Nodes.JsonObject> definitions)
    {
        lock (_lock)
        {
            var previous = _commands.GetValueOrDefault((applicationId, guildId)) ?? [];
            var commands = definitions.Select(d =>
            {
                var kept = previous.FirstOrDefault(p => p.Definition["name"]?.ToJsonString() == d["name"]?.ToJsonString()
                    && (p.Definition["type"]?.ToJsonString() ?? "1") == (d["type"]?.ToJsonString() ?? "1"));
                return new ApplicationCommand(kept?.Id ?? NewId(), applicationId, (System.Text.Json.Nodes.JsonObject)d.DeepClone(), guildId);
            }).ToList();
            _commands[(applicationId, guildId)] = commands;
            return commands;
        }
    }

    internal BotApplication? BotByToken(string token)
    {
        lock (_lock)
        {
            return _bots.Values.FirstOrDefault(b => CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(b.Token), System.Text.Encoding.UTF8.GetBytes(token)));
        }
    }

    internal IReadOnlyList<DiscordGuild> GuildsOf(ulong userId)
    {
        lock (_lock)
        {
            return [.. _guilds.Values.Where(g => _members.ContainsKey((g.Id, userId))).OrderBy(g => g.Id)];
        }
    }

    internal IReadOnlyList<DiscordChannel> GuildThreads(ulong guildId)
    {
        lock (_lock)
        {
            return [.. _channels.Values.Where(c => c.GuildId == guildId && c.IsThread && c.Thread is { Archived: false }).OrderBy(c => c.Id)];
        }
    }

    /// <summary>When each member joined the thread, by user id.</summary>
    internal IReadOnlyDictionary<ulong, DateTimeOffset> ThreadMemberships(ulong threadId)
    {
        lock (_lock)
        {
            return _threadMembers.TryGetValue(threadId, out var members) ? new Dictionary<ulong, DateTimeOffset>(members) : [];
        }
    }

    internal IReadOnlyList<DiscordChannel> GuildChannels(ulong guildId)
    {
        lock (_lock)
        {
            return [.. _channels.Values.Where(c => c.GuildId == guildId && !c.IsThread).OrderBy(c => c.Position).ThenBy(c => c.Id)];
        }
    }

    internal IReadOnlyList<GuildMember> Members(ulong guildId, ulong after, int limit)
    {
        lock (_lock)
        {
            return [.. _members.Values.Where(m => m.GuildId == guildId && m.UserId > after).OrderBy(m => m.UserId).Take(limit)];
        }
    }

    // ---- checks shared by the endpoints ----

    internal DiscordGuild GuildVisibleTo(ulong guildId, BotApplication bot)
    {
        lock (_lock)
        {
            var guild = RequireGuildFor(guildId);
            return _members.ContainsKey((guildId, bot.ApplicationId)) ? guild : throw DiscordApiException.MissingAccess();
        }
    }

    internal DiscordChannel ChannelVisibleTo(ulong channelId, BotApplication bot)
    {
        lock (_lock)
        {
            return ChannelVisibleToLocked(channelId, bot);
        }
    }

    private DiscordChannel ChannelVisibleToLocked(ulong channelId, BotApplication bot)
    {
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            throw DiscordApiException.UnknownChannel();
        }

        var visible = channel.Type == ChannelType.DirectMessage
            ? channel.Recipients.Contains(bot.ApplicationId)
            : CanSeeLocked(channel, bot.ApplicationId);
        return visible ? channel : throw DiscordApiException.MissingAccess();
    }

    private DiscordGuild RequireGuildFor(ulong guildId) =>
        _guilds.TryGetValue(guildId, out var guild) ? guild : throw DiscordApiException.UnknownGuild();

    private void RequireGuild(ulong guildId)
    {
        if (!_guilds.ContainsKey(guildId))
        {
            throw new InvalidOperationException($"No guild {guildId}.");
        }
    }

    private void RequireUser(ulong userId)
    {
        if (!_users.ContainsKey(userId))
        {
            throw new InvalidOperationException($"No user {userId}.");
        }
    }

    private void RequireRoles(ulong guildId, IEnumerable<ulong> roleIds)
    {
        foreach (var roleId in roleIds)
        {
            if (!_roles.TryGetValue(roleId, out var role) || role.GuildId != guildId)
            {
                throw new InvalidOperationException($"Role {roleId} is not a role of guild {guildId}.");
            }
        }
    }

    private GuildMember AddMemberLocked(ulong guildId, ulong userId, IReadOnlyList<ulong> roleIds)
    {
        var member = new GuildMember(guildId, userId, roleIds, null, _time.GetUtcNow());
        _members[(guildId, userId)] = member;
        return member;
    }

    private DiscordChannel AddGuildChannel(ulong guildId, ChannelType type, string name, ulong? parentId, bool botCanView)
    {
        var id = NewId();
        lock (_lock)
        {
            RequireGuild(guildId);
            if (parentId is { } parent && (!_channels.TryGetValue(parent, out var category) || category.Type != ChannelType.GuildCategory))
            {
                throw new InvalidOperationException($"{parent} is not a category.");
            }

            var channel = new DiscordChannel
            {
                Id = id,
                Type = type,
                GuildId = guildId,
                Name = name,
                ParentId = parentId,
                Position = _channels.Values.Count(c => c.GuildId == guildId),
                PermissionOverwrites = botCanView ? [] : [.. _bots.Keys.Where(b => _members.ContainsKey((guildId, b)))
                    .Select(b => new PermissionOverwrite(b, OverwriteType.Member, 0, Permissions.ViewChannel))],
            };
            _channels[id] = channel;
            return channel;
        }
    }
}
