using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.Modules.Transcripts.Domain.Documents;
using TicketSaas.Modules.Transcripts.Ports;

namespace TicketSaas.Modules.Transcripts.Infrastructure.Discord;

/// <summary>
/// One capture's copies of files on Discord's CDN, each link fetched once. A link Discord no longer serves (expired,
/// deleted: a 4xx) leaves no copy and the transcript says so; a 5xx or a lost connection fails the capture, which is
/// tried again while the other links are still good.
/// </summary>
internal sealed class CdnCopies(DiscordRestClient discord, IFileKeeper files, IList<string> cdnHosts, Uri cdnBase, ILogger logger)
{
    private readonly Dictionary<string, string?> _copied = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, TranscriptEmoji> _emojis = [];

    /// <summary>Every custom emoji copied so far, by id.</summary>
    public IReadOnlyDictionary<ulong, TranscriptEmoji> Emojis => _emojis;

    public Task<string?> AttachmentAsync(DiscordAttachment attachment, ulong ownerId, CancellationToken cancellationToken) =>
        OnCdn(attachment.Url) is { } url
            ? CopyAsync(url, new KeptFile(attachment.Filename, attachment.ContentType, attachment.Size, ownerId), cancellationToken)
            : Task.FromResult<string?>(null);

    /// <summary>The member's avatar in this guild if they set one, else their account's; null for Discord's default avatar.</summary>
    public Task<string?> AvatarAsync(ulong guildId, DiscordUser user, DiscordMember? member, CancellationToken cancellationToken) =>
        (member?.Avatar, user.Avatar) switch
        {
            ({ } guildAvatar, _) => ImageAsync($"guilds/{guildId}/users/{user.Id}/avatars/", guildAvatar, cancellationToken),
            (_, { } avatar) => ImageAsync($"avatars/{user.Id}/", avatar, cancellationToken),
            _ => Task.FromResult<string?>(null),
        };

    public async Task<TranscriptEmoji> EmojiAsync(ulong id, string name, bool animated, CancellationToken cancellationToken)
    {
        if (!_emojis.TryGetValue(id, out var emoji))
        {
            var file = $"{id}.{(animated ? "gif" : "png")}";
            emoji = new TranscriptEmoji(id, name, animated, await CopyAsync(new Uri(cdnBase, $"emojis/{file}"), new KeptFile(file, null, null, null), cancellationToken));
            _emojis[id] = emoji;
        }

        return emoji;
    }

    /// <summary>
    /// A sticker's image: PNG and APNG come as .png, GIF as .gif. A Lottie sticker is an animation for a script player,
    /// which the page cannot run: it is kept by name, without a file.
    /// </summary>
    public async Task<TranscriptSticker> StickerAsync(DiscordStickerItem sticker, CancellationToken cancellationToken)
    {
        if (sticker.FormatType == StickerFormat.Lottie)
        {
            return new TranscriptSticker(sticker.Id, sticker.Name, (int)sticker.FormatType, null);
        }

        var file = $"{sticker.Id}.{(sticker.FormatType == StickerFormat.Gif ? "gif" : "png")}";
        return new TranscriptSticker(sticker.Id, sticker.Name, (int)sticker.FormatType,
            await CopyAsync(new Uri(cdnBase, $"stickers/{file}"), new KeptFile(file, null, null, null), cancellationToken));
    }

    /// <summary>An embed's image or icon: Discord's proxied copy when it has one, else the link itself if it is Discord's.</summary>
    public Task<string?> EmbedImageAsync(string? proxied, string? original, CancellationToken cancellationToken) =>
        (OnCdn(proxied) ?? OnCdn(original)) is { } url
            ? CopyAsync(url, new KeptFile(Path.GetFileName(url.AbsolutePath), null, null, null), cancellationToken)
            : Task.FromResult<string?>(null);

    /// <summary>Avatars by hash; an animated one ("a_…") is fetched as GIF to keep it moving.</summary>
    private Task<string?> ImageAsync(string folder, string hash, CancellationToken cancellationToken)
    {
        var file = $"{hash}.{(hash.StartsWith("a_", StringComparison.Ordinal) ? "gif" : "png")}";
        return CopyAsync(new Uri(cdnBase, folder + file), new KeptFile(file, null, null, null), cancellationToken);
    }

    private async Task<string?> CopyAsync(Uri url, KeptFile file, CancellationToken cancellationToken)
    {
        // Without the query: signed links to one file differ from read to read.
        var link = url.GetLeftPart(UriPartial.Path);
        var copyKey = $"{file.OwnerId}|{link}";
        if (_copied.TryGetValue(copyKey, out var known))
        {
            return known;
        }

        string? key;
        try
        {
            key = await files.KeepAsync(file, (destination, token) => discord.DownloadAsync(url, destination, token), cancellationToken);
        }
        catch (DiscordRestException gone) when (DiscordRefusals.IsFinal(gone))
        {
            logger.LogWarning("{Link} could not be copied into the transcript: Discord answered {Status}", link, (int)gone.Status);
            key = null;
        }

        _copied[copyKey] = key;
        return key;
    }

    /// <summary>The downloader fetches only Discord's own hosts (never a link a member made up).</summary>
    private Uri? OnCdn(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && cdnHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase) ? url : null;
}
