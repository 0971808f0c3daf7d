namespace TicketSaas.Discord.Emulator.Interactions;

/// <summary>How a modal submit lays out its components.</summary>
public enum ModalShape
{
    /// <summary>Each field in a Label (type 18): <c>components[].component.{custom_id, value | values}</c>.</summary>
    Label,

    /// <summary>The legacy layout: each text input in an action row, <c>components[].components[].{custom_id, value}</c>.</summary>
    ActionRow,
}

/// <summary>A submitted modal field: a text input's value, or a select's values (Label shape only).</summary>
public sealed record ModalField(string CustomId, string? Value = null, IReadOnlyList<string>? Values = null);
