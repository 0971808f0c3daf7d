using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.Modules.Transcripts.Features.SearchTranscripts;

namespace TicketSaas.Modules.Transcripts.Features.ExportTranscripts;

// The export is the search, page after page, written as it is read: memory stays flat however many transcripts a
// guild has, and the rows are exactly those the list shows for the same filters.

internal static class ExportTranscriptsEndpoint
{
    public static void Map(IEndpointRouteBuilder transcripts) =>
        transcripts.MapGet("/export.csv", ExportAsync)
            .RequireAuthorization(Policies.GuildAdmin)
            .WithName("ExportTranscripts")
            .Produces(StatusCodes.Status200OK, contentType: TranscriptCsv.ContentType)
            .ProducesValidationProblem();

    private static async Task ExportAsync(
        ulong guildId, [AsParameters] TranscriptFilterParameters filter, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        // Read before the first byte is written: bad filters still get a problem response instead of a cut-off file.
        var page = await mediator.Send(filter.ToQuery(guildId, null, SearchTranscriptsQuery.MaxLimit), ct);
        response.ContentType = TranscriptCsv.ContentType;
        response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"transcripts-{guildId}.csv\"");
        response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await TranscriptCsv.WriteRowAsync(writer, TranscriptCsv.Header);
        while (true)
        {
            foreach (var transcript in page.Items)
            {
                await TranscriptCsv.WriteRowAsync(writer, TranscriptCsv.Row(transcript));
            }

            await writer.FlushAsync(ct);
            if (page.Next is null)
            {
                return;
            }

            page = await mediator.Send(filter.ToQuery(guildId, page.Next, SearchTranscriptsQuery.MaxLimit), ct);
        }
    }
}

/// <summary>RFC 4180 rows (CRLF, fields quoted when they must be), safe to open in a spreadsheet.</summary>
internal static class TranscriptCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string?> Header =
    [
        "transcript_id", "ticket_number", "close_sequence", "category", "opener_id", "claimed_by", "closed_by", "staff_participant_ids",
        "close_reason", "opened_at", "closed_at", "message_count", "rating", "public_id",
    ];

    public static IReadOnlyList<string?> Row(TranscriptSummaryDto t) =>
    [
        t.Id.ToString(), Number(t.TicketNumber), Number(t.CloseSequence), t.CategoryName, Number(t.OpenerId), Number(t.ClaimedBy),
        Number(t.ClosedBy), string.Join(' ', t.StaffParticipantIds.Select(id => Number(id))), t.CloseReason, Time(t.OpenedAt),
        Time(t.ClosedAt), Number(t.MessageCount), Number(t.Rating), t.PublicId,
    ];

    public static Task WriteRowAsync(TextWriter writer, IEnumerable<string?> cells) =>
        writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n");

    /// <summary>
    /// A cell a spreadsheet would take for a formula (starting with = + - @, or tab and carriage return, which some
    /// read past) is prefixed with a quote, so "=HYPERLINK(…)" in a close reason stays text (CSV injection).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static string? Number(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
