using System.Text.Json;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Nothing typed is lost when a session ends from lack of activity: a form sent after that is kept for its person,
/// encrypted, and comes back filled in on the same page once they sign in again, with a message that it is not saved yet.
/// Only a session that ran out is trusted to say whose form it is; one that was signed out or ended keeps nothing.
/// </summary>
public sealed class KeptForms(CommonGroundDbContext db, IDataProtectionProvider protection, TimeProvider timeProvider)
{
    /// <summary>Set on a page whose form came back from a kept form, for the layout's message.</summary>
    public const string RestoredKey = "cg.kept-form-restored";

    // The cookie handler's own name for the claim that holds the session's key in the cookie.
    private const string SessionKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private readonly IDataProtector _protector = protection.CreateProtector("CommonGround.KeptForms.v1");

    /// <summary>
    /// Sends a person whose session ran out to sign in: a form they sent is kept first, and the sign-in page says so;
    /// anything else goes the cookie handler's own way (<paramref name="otherwise"/>).
    /// </summary>
    public static async Task OnRedirectToLogin(RedirectContext<CookieAuthenticationOptions> context, Func<RedirectContext<CookieAuthenticationOptions>, Task> otherwise)
    {
        var request = context.Request;
        if (await context.HttpContext.RequestServices.GetRequiredService<KeptForms>().KeepAsync(context.HttpContext, context.Options))
        {
            context.Response.Redirect($"{context.Options.LoginPath}?ReturnUrl={Uri.EscapeDataString(request.PathBase + request.Path)}&kept=true");
            return;
        }

        await otherwise(context);
    }

    private async Task<bool> KeepAsync(HttpContext context, CookieAuthenticationOptions options)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || options.CookieManager.GetRequestCookie(context, options.Cookie.Name!) is not { } cookie
            || options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionKeyClaim)?.Value is not { } key
            || !Guid.TryParse(key, out var sessionId))
        {
            return false;
        }

        var now = timeProvider.UtcNow();
        var owner = await db.UserSessions.Where(s => s.Id == sessionId && s.ExpiresAt <= now)
            .Join(db.Users, s => s.UserAccountId, u => u.Id, (s, u) => new { u.Id, u.DisplayName })
            .SingleOrDefaultAsync();
        if (owner is null)
        {
            return false;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync();
        }
        catch (InvalidDataException)
        {
            return false;
        }

        // Passwords and the form's anti-forgery token are never kept; files cannot be, and the page asks for them again.
        var fields = form
            .Where(f => !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase) && f.Key != "__RequestVerificationToken")
            .ToDictionary(f => f.Key, f => f.Value.ToArray());
        var protectedFields = _protector.Protect(JsonSerializer.Serialize(fields));
        var path = (request.PathBase + request.Path).ToString();
        if (fields.Count == 0 || protectedFields.Length > KeptForm.MaxFieldsLength || path.Length > KeptForm.MaxPathLength)
        {
            return false;
        }

        // Forms nobody came back for are cleared as new ones are kept; one kept earlier on this page is replaced in the same save.
        await db.KeptForms.Where(f => f.KeptUntil < now).ExecuteDeleteAsync();
        db.KeptForms.RemoveRange(await db.KeptForms.Where(f => f.UserAccountId == owner.Id && f.Path == path).ToListAsync());
        db.KeptForms.Add(new KeptForm { UserAccountId = owner.Id, Path = path, ProtectedFields = protectedFields, KeptAt = now, KeptUntil = now + KeptForm.KeptFor });
        db.AuditEvents.Add(AuditEvent.For(new UserActor(owner.Id, owner.DisplayName) { IpAddress = context.Connection.RemoteIpAddress?.ToString() }, now,
            AuditActions.FormKept, nameof(KeptForm), null, $"Kept what was typed on {path} after the session ended, until they sign in again"));
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The fields kept for the person on this page, if any are still kept; they are deleted as they are handed back.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> TakeAsync(Guid userId, string path)
    {
        var now = timeProvider.UtcNow();
        var kept = await db.KeptForms.Where(f => f.UserAccountId == userId && f.Path == path && f.KeptUntil > now).OrderByDescending(f => f.KeptAt).FirstOrDefaultAsync();
        if (kept is null)
        {
            return null;
        }

        await db.KeptForms.Where(f => f.UserAccountId == userId && f.Path == path).ExecuteDeleteAsync();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string[]>>(_protector.Unprotect(kept.ProtectedFields));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>On the page a kept form was sent to, fills the form in with what was typed, as if it had just been sent back with no errors.</summary>
public sealed class RestoreKeptForm(KeptForms keptForms, CurrentUser currentUser) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var request = context.HttpContext.Request;
        // An error page has no form to fill in, and a server error's page must not need the database. The session's own
        // query said whether any form is kept for the person, so most pages ask nothing more.
        if (!HttpMethods.IsGet(request.Method) || executed.Result is not PageResult || context.HttpContext.Response.StatusCode >= 400
            || currentUser.UserId is not { } userId || DatabaseTicketStore.FormsKept(context.HttpContext) == false
            || await keptForms.TakeAsync(userId, (request.PathBase + request.Path).ToString()) is not { } fields)
        {
            return;
        }

        foreach (var (name, values) in fields)
        {
            context.ModelState.SetModelValue(name, values, new StringValues(values).ToString());
            context.ModelState.MarkFieldValid(name);
        }

        context.HttpContext.Items[KeptForms.RestoredKey] = true;
    }
}
