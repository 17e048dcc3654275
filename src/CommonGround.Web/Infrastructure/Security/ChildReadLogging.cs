using CommonGround.Core.Access;
using CommonGround.Core.Data;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Writes the access log for every response that shows a child's data, as the response starts: a successful response
/// cannot leave the server until its reads are logged, and if logging fails the person sees an error, not the data.
/// Refusals, errors and redirects show nothing, so log nothing. The rows are stored with those of other responses being
/// sent at the same moment (<see cref="AccessLogWriter"/>), with the visit to a child's overview if the response is one.
/// </summary>
public sealed class ChildReadLogging(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ChildReadLog log, CurrentUser currentUser, AccessLogWriter writer, TimeProvider timeProvider)
    {
        log.ReadBy(currentUser.UserId);
        context.Response.OnStarting(async () =>
        {
            if (log.Reads.Count == 0 || context.Response.StatusCode is < 200 or > 299)
            {
                return;
            }

            var viewer = log.Viewer ?? (currentUser.UserId is null ? null : await currentUser.ActorAsync());
            if (viewer is null)
            {
                return;
            }

            var db = context.RequestServices.GetRequiredService<CommonGroundDbContext>();
            await writer.WriteAsync(await log.RowsAsync(db, viewer, timeProvider, context.RequestAborted), log.Visit, context.RequestAborted);
        });
        return next(context);
    }
}
