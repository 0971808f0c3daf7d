using TicketSaas.BuildingBlocks.Discord.Entities;

namespace TicketSaas.BuildingBlocks.Discord.Builders;

/// <summary>A modal (form) shown in answer to a command or component interaction.</summary>
public sealed class DiscordModalBuilder
{
    private readonly List<DiscordComponent> components = [];

    public DiscordModalBuilder(string customId, string title)
    {
        DiscordLimits.Length("Modal custom_id", customId, DiscordLimits.CustomId, required: true);
        DiscordLimits.Length("Modal title", title, DiscordLimits.ModalTitle, required: true);
        CustomId = customId;
        Title = title;
    }

    public string CustomId { get; }
    public string Title { get; }

    /// <summary>Adds a labelled field holding a text input, a select menu or a file upload.</summary>
    public DiscordModalBuilder AddLabel(string label, DiscordComponent input, string? description = null) =>
        AddField(new DiscordLabel { Label = label, Description = description, Component = input });

    /// <summary>Adds a text input the legacy way: alone in an action row, carrying its own label.</summary>
    public DiscordModalBuilder AddTextInputRow(DiscordTextInput input) =>
        AddField(new DiscordActionRow { Components = [input] });

    private DiscordModalBuilder AddField(DiscordComponent field)
    {
        DiscordLimits.Count("A modal", components.Count + 1, DiscordLimits.ModalComponents, "components");
        DiscordLimits.ModalField(field);
        components.Add(field);
        return this;
    }

    internal ModalPayload ToPayload()
    {
        DiscordLimits.Count("A modal", components.Count, DiscordLimits.ModalComponents, "components", min: 1);
        return new ModalPayload(CustomId, Title, components.ToArray());
    }
}

internal sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<DiscordComponent> Components);
