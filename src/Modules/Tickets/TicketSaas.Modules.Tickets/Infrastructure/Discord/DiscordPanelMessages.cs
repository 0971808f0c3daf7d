using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Discord.Builders;
using TicketSaas.BuildingBlocks.Discord.Entities;
using TicketSaas.BuildingBlocks.Discord.Rest;
using TicketSaas.BuildingBlocks.Domain;
using TicketSaas.Modules.Tickets.Domain.Panels;
using TicketSaas.Modules.Tickets.Contracts;
using TicketSaas.Modules.Tickets.Ports;

namespace TicketSaas.Modules.Tickets.Infrastructure.Discord;

/// <summary>A panel as a Discord message: an embed with its text, then one button per category or one dropdown.</summary>
internal sealed class DiscordPanelMessages(DiscordRestClient discord) : IPanelMessages
{
    private const int PanelColor = 0x5865F2;

    public Task<ulong> PostAsync(PanelView panel, CancellationToken cancellationToken) =>
        Call(async () => (await discord.CreateMessageAsync(panel.ChannelId, Render(panel), cancellationToken: cancellationToken)).Id);

    public Task<bool> EditAsync(ulong messageId, PanelView panel, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            try
            {
                await discord.EditMessageAsync(panel.ChannelId, messageId, Render(panel), cancellationToken);
                return true;
            }
            catch (DiscordRestException gone) when (DiscordFailures.IsGone(gone))
            {
                return false;
            }
        });

    public Task DeleteAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            try
            {
                await discord.DeleteMessageAsync(channelId, messageId, cancellationToken);
            }
            catch (DiscordRestException gone) when (DiscordFailures.IsGone(gone))
            {
                // Already deleted in Discord: nothing left to remove.
            }

            return true;
        });

    internal static DiscordMessageBuilder Render(PanelView panel)
    {
        var embed = new DiscordEmbedBuilder().WithTitle(panel.Title).WithColor(PanelColor);
        if (panel.Description.Length > 0)
        {
            embed.WithDescription(panel.Description);
        }

        var message = new DiscordMessageBuilder().AddEmbed(embed.Build());
        if (panel.Style == PanelStyle.Dropdown)
        {
            return message.AddActionRow(new DiscordStringSelect
            {
                CustomId = TicketCustomIds.Open(panel.PanelId),
                Placeholder = panel.Placeholder,
                Options = [.. panel.Choices.Select(c => new DiscordSelectOption { Label = Cut(c.Label, DiscordLimits.SelectOptionText), Value = c.CategoryId.ToString("N") })],
            });
        }

        foreach (var row in panel.Choices.Chunk(DiscordLimits.ComponentsPerActionRow))
        {
            message.AddActionRow([.. row.Select(c => (DiscordComponent)new DiscordButton
            {
                Style = ButtonStyle.Primary,
                Label = Cut(c.Label, DiscordLimits.ButtonLabel),
                CustomId = TicketCustomIds.Open(panel.PanelId, c.CategoryId),
            })]);
        }

        return message;
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    /// <summary>An admin's request: Discord's refusal is the admin's to fix, its silence a reason to try again.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception failure) when (DiscordFailures.IsTransient(failure))
        {
            throw DiscordFailures.Unavailable(failure);
        }
        catch (DiscordRestException refused)
        {
            throw new BusinessRuleViolationException(new DiscordRefusedPanelRule(refused.DiscordMessage));
        }
    }
}

internal sealed class DiscordRefusedPanelRule(string discordMessage) : IBusinessRule
{
    public string Code => "tickets.discord-refused-panel";

    public string Message => $"Discord refused the panel message: {discordMessage}. Check the channel and the bot's permissions there.";

    public bool IsBroken() => true;
}
