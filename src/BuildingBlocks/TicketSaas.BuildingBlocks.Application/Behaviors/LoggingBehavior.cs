using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace TicketSaas.BuildingBlocks.Application.Behaviors;

/// <summary>Outermost step: names the request, times it and warns when it is slow.</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                logger.LogWarning("Slow request {RequestName} took {ElapsedMs} ms", name, elapsed.TotalMilliseconds);
            }
            else
            {
                logger.LogDebug("Handled {RequestName} in {ElapsedMs} ms", name, elapsed.TotalMilliseconds);
            }

            return response;
        }
        catch (Exception exception)
        {
            logger.LogInformation("Request {RequestName} failed after {ElapsedMs} ms: {Error}",
                name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.Message);
            throw;
        }
    }
}
