using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Forms that send email to an address anyone can type (registration, password reset) are limited per
/// client address, so nobody can use the service to flood someone's inbox. Viewing the forms is never limited.
/// </summary>
public static class RateLimits
{
    public const string EmailSending = "email-sending";
    public const int EmailSendingPermits = 10;
    public static readonly TimeSpan EmailSendingWindow = TimeSpan.FromMinutes(15);

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(EmailSending, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = EmailSendingPermits, Window = EmailSendingWindow, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("viewing"));
    }
}
