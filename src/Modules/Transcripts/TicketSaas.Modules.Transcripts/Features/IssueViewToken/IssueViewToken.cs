using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Application.Identity;
using TicketSaas.BuildingBlocks.Application.Messaging;
using TicketSaas.Modules.Transcripts.Domain.Transcripts;
using TicketSaas.Modules.Transcripts.Persistence;

namespace TicketSaas.Modules.Transcripts.Features.IssueViewToken;

/// <summary>
/// A link that opens one transcript once, shortly, whatever the guild's public-link setting: how the panel shows a
/// transcript to the opener, the category's staff and guild admins.
/// </summary>
public sealed record IssueViewTokenCommand(ulong GuildId, Guid TranscriptId) : ICommand<ViewTokenDto>;

/// <param name="Url">The viewer's path with the token, relative to the API's origin.</param>
public sealed record ViewTokenDto(string Url, DateTimeOffset ExpiresAt);

internal sealed class IssueViewTokenCommandHandler(TranscriptsDbContext db, ICallerAccessor callers, TimeProvider clock)
    : IRequestHandler<IssueViewTokenCommand, ViewTokenDto>
{
    public async Task<ViewTokenDto> Handle(IssueViewTokenCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Caller;
        var transcript = await db.Transcripts.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == command.TranscriptId && t.GuildId == command.GuildId, cancellationToken);

        // Staff of another category learn nothing about the transcript, not even that it exists.
        if (transcript is null || !MayRead(caller, transcript))
        {
            throw new NotFoundException("Transcript", command.TranscriptId.ToString());
        }

        var token = ViewTokens.Create();
        var issued = ViewToken.Issue(ViewTokens.Hash(token), transcript.Id, caller.UserId!.Value, clock.GetUtcNow());
        db.ViewTokens.Add(issued);
        var url = string.Create(CultureInfo.InvariantCulture, $"/t/{transcript.PublicId}?close={transcript.CloseSequence}&token={token}");
        return new ViewTokenDto(url, issued.ExpiresAt);
    }

    private static bool MayRead(Caller caller, Transcript transcript) =>
        caller.Manages(transcript.GuildId)
        || caller.UserId == transcript.OpenerId
        || caller.RolesIn(transcript.GuildId).Intersect(transcript.StaffRoleIds).Any();
}

/// <summary>Tokens are 256 random bits; only their SHA-256 is stored, so a leaked table opens nothing.</summary>
internal static class ViewTokens
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal static class IssueViewTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder transcripts) =>
        transcripts.MapPost("/{transcriptId:guid}/view-token", (ulong guildId, Guid transcriptId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new IssueViewTokenCommand(guildId, transcriptId), ct))
            .RequireAuthorization(Policies.GuildStaff)
            .WithName("IssueTranscriptViewToken")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
