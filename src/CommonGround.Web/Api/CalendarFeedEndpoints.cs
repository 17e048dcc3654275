using CommonGround.Core.Notifications;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Api;

/// <summary>
/// A person's private calendar feed, for calendar apps to subscribe to. The secret in the address is the only key, so
/// it works without signing in; an unknown, replaced or stopped address is simply not found.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static void MapCalendarFeedEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", FeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Api)
            .ExcludeFromDescription();

    private static async Task<IResult> FeedAsync(string token, CalendarFeedService feeds, IOptions<SecurityOptions> security, HttpResponse response)
    {
        if (token.Length != 64 || await feeds.CalendarAsync(token, security.Value.RequireMfaForProfessionals) is not { } calendar)
        {
            return Results.NotFound();
        }

        response.Headers.CacheControl = "no-store";
        return Results.Text(calendar, CalendarFeedService.ContentType + "; charset=utf-8");
    }
}
