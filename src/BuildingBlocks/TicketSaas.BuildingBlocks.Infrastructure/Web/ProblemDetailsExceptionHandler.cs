using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TicketSaas.BuildingBlocks.Application.Errors;

namespace TicketSaas.BuildingBlocks.Infrastructure.Web;

/// <summary>Renders every failure as RFC 7807 problem details; validation failures list every field.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is BadHttpRequestException badRequest
            ? new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.InnerException?.Message ?? badRequest.Message,
                Extensions = { ["code"] = "malformed-request" },
            }
            : FromDescription(ErrorDescription.Of(exception));

        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromDescription(ErrorDescription error)
    {
        ProblemDetails problem = error.FieldErrors.Count > 0
            ? new HttpValidationProblemDetails(error.FieldErrors.ToDictionary(p => p.Key, p => p.Value))
            : new ProblemDetails();
        problem.Status = error.Status;
        problem.Title = error.Title;
        problem.Detail = error.Detail;
        problem.Extensions["code"] = error.Code;
        return problem;
    }
}
