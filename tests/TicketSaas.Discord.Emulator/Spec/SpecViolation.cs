namespace TicketSaas.Discord.Emulator.Spec;

public enum SpecViolationKind
{
    UnknownPath,
    MethodNotAllowed,
    InvalidParameter,
    InvalidBody,

    /// <summary>An answer of the emulator's that Discord's document does not describe (checked by tests).</summary>
    InvalidResponse,
}

/// <summary>Why a request (or an answer) does not conform to Discord's published API (or to our own schemas for OAuth2 and the CDN).</summary>
public sealed record SpecViolation(SpecViolationKind Kind, string Reason, IReadOnlyList<SchemaError> Errors)
{
    public override string ToString() =>
        Errors.Count == 0 ? Reason : $"{Reason}: {string.Join("; ", Errors)}";
}

/// <summary>A request's body as the spec check sees it: the JSON it carries (from JSON, payload_json or form fields).</summary>
internal sealed record SpecBody(string MediaType, System.Text.Json.JsonElement? Json, string? ParseError)
{
    public static readonly SpecBody None = new("", null, null);

    public bool IsPresent => MediaType.Length > 0;
}
