using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// The public JSON API is limited per client address so one caller cannot crowd out the rest.
/// Forms that send email to an address anyone can type (registration, password reset) are limited per
/// client address, so nobody can use the service to flood someone's inbox. Viewing the forms is never limited.
/// </summary>
public static class RateLimits
{
    public const string EmailSending = "email-sending";
    public const int EmailSendingPermits = 10;
    public static readonly TimeSpan EmailSendingWindow = TimeSpan.FromMinutes(15);

    public const string Api = "api";
    public const int ApiPermits = 60;
    public static readonly TimeSpan ApiWindow = TimeSpan.FromMinutes(1);

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem(
                    title: "Too many requests",
                    detail: $"You can make {ApiPermits} requests a minute. Wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            }
        };
        // Signed-in people are counted one by one, so a busy office behind one address is not limited as one person.
        options.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"user:{user}" : context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = ApiPermits, Window = ApiWindow, QueueLimit = 0 }));
        options.AddPolicy(EmailSending, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = EmailSendingPermits, Window = EmailSendingWindow, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("viewing"));
    }
}
