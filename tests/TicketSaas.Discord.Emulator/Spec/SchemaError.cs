namespace TicketSaas.Discord.Emulator.Spec;

/// <summary>
/// One way a value broke its schema. Code follows Discord's 50035 codes where one fits (BASE_TYPE_REQUIRED,
/// BASE_TYPE_CHOICES, BASE_TYPE_MAX_LENGTH, ...); Message says which schema keyword failed and why.
/// </summary>
public sealed record SchemaError(IReadOnlyList<string> Path, string Keyword, string Code, string Message)
{
    public override string ToString() => $"{(Path.Count == 0 ? "(root)" : string.Join('.', Path))}: {Message}";
}

/// <summary>A JSON location built up while walking; materialised only when an error is reported.</summary>
internal sealed record JsonLocation(JsonLocation? Parent, string Segment)
{
    public static readonly JsonLocation? Root = null;

    public static IReadOnlyList<string> ToList(JsonLocation? location)
    {
        var segments = new List<string>();
        for (var at = location; at is not null; at = at.Parent)
        {
            segments.Add(at.Segment);
        }

        segments.Reverse();
        return segments;
    }
}
