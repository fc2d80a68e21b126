using System.Diagnostics;
using FocusBot.Protocol.Connector;

namespace FocusBot.Errors;

/// <summary>
/// Turns an exception from any endpoint into a bare status: 502 when the Teams Connector refused or lost a reply,
/// 500 otherwise. Registered first, so it runs inside the Developer Exception Page that ASP.NET adds in Development and
/// no caller ever sees a stack trace, a type name or a file path. The operator reads those in the log.
/// </summary>
public static partial class ErrorResponses
{
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The caller hung up (Teams gives up after 15 s and retries): nobody is left to answer.
            }
            catch (Exception ex)
            {
                var status = StatusFor(ex);
                var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses));
                // The type and the code locations, never the message: messages can carry names, answers or SQL values.
                LogFailed(logger, http.Request.Method, http.GetEndpoint()?.DisplayName ?? http.Request.Path.Value, status,
                    ex.GetType().FullName, (ex as ConnectorException)?.StatusCode is { } connector ? (int)connector : null, new StackTrace(ex).ToString());
                if (http.Response.HasStarted)
                {
                    // Half a body is already on its way: cutting the connection is the only honest answer left.
                    http.Abort();
                    return;
                }

                http.Response.Clear();
                http.Response.StatusCode = status;
            }
        });

    private static int StatusFor(Exception ex) => ex switch
    {
        ConnectorException or DeliveryUncertainException => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Endpoint} failed with {Status}: {ExceptionType} (Connector status {ConnectorStatus}) {StackTrace}")]
    private static partial void LogFailed(ILogger logger, string method, string? endpoint, int status, string? exceptionType, int? connectorStatus,
        string stackTrace);
}
