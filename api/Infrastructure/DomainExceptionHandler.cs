using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem details: domain exceptions by their type and code,
/// malformed requests as 4xx, an unreachable cluster or database as 503 with Retry-After, anything else as
/// a bare 500 that reveals nothing about the server.
/// </summary>
internal sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (status >= 500)
        {
            LogFailure(logger, status, context.Request.Method, context.GetEndpoint()?.DisplayName, exception);
        }

        context.Response.StatusCode = status;
        if (exception is TooManyAttemptsException tooMany)
        {
            context.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = Unavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal static (int Status, string Code, string? Detail) Classify(Exception exception) => exception switch
    {
        NotFoundException e => (StatusCodes.Status404NotFound, e.Code, e.Message),
        ConflictException e => (StatusCodes.Status409Conflict, e.Code, e.Message),
        ForbiddenException e => (StatusCodes.Status403Forbidden, e.Code, e.Message),
        UnauthenticatedException e => (StatusCodes.Status401Unauthorized, e.Code, e.Message),
        RejectedException e => (StatusCodes.Status422UnprocessableEntity, e.Code, e.Message),
        PreconditionFailedException e => (StatusCodes.Status412PreconditionFailed, e.Code, e.Message),
        TooManyAttemptsException e => (StatusCodes.Status429TooManyRequests, e.Code, e.Message),
        InvalidInputException e => (StatusCodes.Status400BadRequest, e.Code, e.Message),
        Silo.Documents.ContentTooLargeException e => (StatusCodes.Status413PayloadTooLarge, Contracts.Documents.DocumentErrors.TooLarge, e.Message),
        BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request.too-large" : "request.malformed", BadRequestDetail(e)),
        _ when Unavailability.Matches(exception) => (StatusCodes.Status503ServiceUnavailable, Unavailability.Code, Unavailability.Detail),
        _ => (StatusCodes.Status500InternalServerError, "server.error", null),
    };

    private static string BadRequestDetail(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when e.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path } =>
            $"The request body is not valid here: the value at {path} is malformed or not one of the allowed values.",
        _ when e.InnerException is System.Text.Json.JsonException => "The request body is not valid JSON.",
        _ => e.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Status}: {Method} {Endpoint}")]
    private static partial void LogFailure(ILogger logger, int status, string method, string? endpoint, Exception exception);
}
