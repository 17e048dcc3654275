using System.Globalization;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Sessions end after 30 minutes without activity (the cookie's sliding expiry) and, whatever the activity,
/// 12 hours after signing in. The sign-in time is kept in the ticket so renewals do not move it.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
    private const string SignedInAtKey = "cg.signed-in-at";

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items[SignedInAtKey] = time.UtcNow().Ticks.ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            || !long.TryParse(value, CultureInfo.InvariantCulture, out var ticks)
            || time.UtcNow() - new DateTime(ticks, DateTimeKind.Utc) > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Then Identity's own check: a changed security stamp (password changed, staff deactivated) ends the session.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
