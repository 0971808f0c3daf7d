using System.Globalization;
using TicketSaas.BuildingBlocks.Application.Errors;
using TicketSaas.BuildingBlocks.Infrastructure.Messaging;

namespace TicketSaas.Host.Composition;

/// <summary>The command-line face of operator tasks, for when the API is not at hand.</summary>
internal static class OperatorCommands
{
    private const string Usage = "usage: dead-letters list | dead-letters retry <module> <delivery id> | dead-letters retry-all";

    public static async Task<int> DeadLettersAsync(DeadLetters deadLetters, string[] args, TextWriter output)
    {
        try
        {
            switch (args)
            {
                case ["list"]:
                    var letters = await deadLetters.ListAsync(CancellationToken.None);
                    foreach (var letter in letters)
                    {
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{letter.Module} {letter.DeliveryId} {letter.EventName} {letter.EventId} -> {letter.Consumer}: {letter.Attempts} attempt(s), dead since {letter.DeadAt:u}: {letter.LastError}"));
                    }

                    await output.WriteLineAsync($"{letters.Count} dead letter(s)");
                    return 0;
                case ["retry", var module, var id] when long.TryParse(id, CultureInfo.InvariantCulture, out var deliveryId):
                    await deadLetters.RetryAsync(module, deliveryId, CancellationToken.None);
                    await output.WriteLineAsync($"{module} {deliveryId} will be delivered again");
                    return 0;
                case ["retry-all"]:
                    await output.WriteLineAsync($"{await deadLetters.RetryAllAsync(CancellationToken.None)} dead letter(s) will be delivered again");
                    return 0;
                default:
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (NotFoundException notFound)
        {
            await output.WriteLineAsync(notFound.Message);
            return 1;
        }
    }
}
